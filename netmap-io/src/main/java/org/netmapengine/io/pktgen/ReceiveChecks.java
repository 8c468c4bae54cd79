package org.netmapengine.io.pktgen;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * What a verifying receiver finds wrong in the frames it gets: malformed frames, bad checksums, and lost,
 * duplicated or reordered sequence numbers. Frames with a bad checksum are not trusted for their sequence number.
 * <p>
 * One writer, the receiver's thread; counters are volatile, written only when something is wrong, and readable
 * from any thread. Allocates nothing per frame.
 */
public final class ReceiveChecks
{
    private final UnsafeBuffer frame = new UnsafeBuffer();
    private final SequenceTracker sequence = new SequenceTracker();
    private volatile long malformed;
    private volatile long badIpChecksums;
    private volatile long badUdpChecksums;

    /** Checks the frame of {@code length} bytes at {@code address}. */
    public void inspect(final long address, final int length)
    {
        frame.wrap(address, length);
        switch (FrameCheck.check(frame, length))
        {
            case FrameCheck.OK:
                sequence.onSequence(FrameCheck.sequence(frame));
                break;
            case FrameCheck.BAD_IP_CHECKSUM:
                badIpChecksums = badIpChecksums + 1;
                break;
            case FrameCheck.BAD_UDP_CHECKSUM:
                badUdpChecksums = badUdpChecksums + 1;
                break;
            default:
                malformed = malformed + 1;
                break;
        }
    }

    /** Counts, as malformed, a frame whose slot names a buffer outside the region or a length past its buffer. */
    public void impossibleSlot()
    {
        malformed = malformed + 1;
    }

    public SequenceTracker sequence()
    {
        return sequence;
    }

    /** @return frames that were not IPv4 UDP with a sequence number, or had inconsistent lengths. */
    public long malformed()
    {
        return malformed;
    }

    public long badIpChecksums()
    {
        return badIpChecksums;
    }

    public long badUdpChecksums()
    {
        return badUdpChecksums;
    }

    /** @return frames with a bad IP or UDP checksum. */
    public long checksumErrors()
    {
        return badIpChecksums + badUdpChecksums;
    }

    /** @return true when nothing is wrong so far. */
    public boolean isClean()
    {
        return 0 == malformed && 0 == checksumErrors() && 0 == sequence.lost() && 0 == sequence.duplicates() &&
            0 == sequence.reordered();
    }
}
