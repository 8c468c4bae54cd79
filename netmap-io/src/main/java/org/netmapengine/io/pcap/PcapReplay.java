package org.netmapengine.io.pcap;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.name.ReplayOption;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortDriver;
import org.netmapengine.io.ring.Region;
import org.netmapengine.io.ring.RingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the kernel's part for a pcap port: an RX sync releases the slots the user gave back and fills the free
 * ones with the file's next packets, as many as the pace allows (all that fit at {@link ReplayOption.Pace#MAX}),
 * then publishes {@code tail}. A {@code poll} waits until the next packet is due (or the timeout).
 * <p>
 * The user may have swapped the buffer of a slot it gave back ({@code NS_BUF_CHANGED}); the packet goes into
 * whatever buffer the slot holds, as a NIC would. A packet longer than a buffer is cut to the buffer's size and
 * counted in {@link #truncated()}. At the end of the file the replay starts again while loops are left, timing
 * continued; then the port stays empty and {@link #finished()} is true.
 * <p>
 * Not thread-safe: the port's owner thread calls every method.
 */
final class PcapReplay implements PortDriver
{
    private static final Logger LOG = LoggerFactory.getLogger(PcapReplay.class);
    private static final double NANOS_PER_SECOND = 1e9;
    private static final long IDLE_PARK_NANOS = 100_000_000L;

    private final String name;
    private final PcapFileReader reader;
    private final ReplayOption replay;
    private final Region region;
    private final RingView ring;
    private final UnsafeBuffer target = new UnsafeBuffer(0, 0);
    private boolean started;
    private boolean pending;
    private boolean finished;
    private boolean closed;
    private long startNanos;
    private long firstRecordNanos = Long.MIN_VALUE;
    private long lastDueNanos;
    private long loopsPlayed;
    private long packetsThisLoop;
    private long packets;
    private long truncated;

    PcapReplay(final String name, final PcapFileReader reader, final ReplayOption replay, final Region region,
        final RingView ring)
    {
        this.name = name;
        this.reader = reader;
        this.replay = replay;
        this.region = region;
        this.ring = ring;
    }

    /** @return packets put on the ring so far. */
    long packets()
    {
        return packets;
    }

    /** @return packets cut to the buffer size. */
    long truncated()
    {
        return truncated;
    }

    /** @return whether the file has been played as many times as asked. */
    boolean finished()
    {
        return finished;
    }

    @Override
    public void txSync()
    {
        // A pcap port has no TX ring.
    }

    @Override
    public void rxSync()
    {
        final long now = System.nanoTime();
        if (!started)
        {
            started = true;
            startNanos = now;
        }
        final int slots = ring.numSlots();
        final int head = ring.head();
        int tail = ring.tailAcquire();
        // The kernel may fill [tail, head - 1): one slot stays empty, so a full ring differs from an empty one.
        int free = (head - tail - 1 + slots) % slots;
        while (free > 0 && nextDue(now))
        {
            fill(tail);
            pending = false;
            packets++;
            packetsThisLoop++;
            tail = ring.next(tail);
            free--;
        }
        ring.tailRelease(tail);
    }

    @Override
    public int poll(final int events, final int timeoutMillis)
    {
        if (0 != (events & NetmapPort.POLLIN))
        {
            rxSync();
            if (ring.space() > 0)
            {
                return NetmapPort.POLLIN;
            }
        }
        final long timeout = timeoutMillis < 0 ? IDLE_PARK_NANOS : timeoutMillis * 1_000_000L;
        if (0 == timeout)
        {
            return 0;
        }
        final long untilDue = finished || 0 == (events & NetmapPort.POLLIN) ? timeout : dueIn(System.nanoTime());
        LockSupport.parkNanos(Math.max(1, Math.min(timeout, untilDue)));
        if (0 != (events & NetmapPort.POLLIN))
        {
            rxSync();
            return ring.space() > 0 ? NetmapPort.POLLIN : 0;
        }
        return 0;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            reader.close();
        }
        catch (final IOException e)
        {
            LOG.warn("{}: closing the capture file: {}", name, e.toString());
        }
    }

    /** @return whether a record is read and due now; reads the next one (or loops) when none is pending. */
    private boolean nextDue(final long now)
    {
        if (!pending && !readNext())
        {
            return false;
        }
        return dueAt() - now <= 0;
    }

    /** @return nanoseconds until the pending record is due: at once at maximum speed, else by the pace. */
    private long dueIn(final long now)
    {
        if (!pending && !readNext())
        {
            return Long.MAX_VALUE;
        }
        return Math.max(0, dueAt() - now);
    }

    private long dueAt()
    {
        switch (replay.pace())
        {
            case RATE:
                lastDueNanos = startNanos + (long)(packets * NANOS_PER_SECOND / replay.rate());
                return lastDueNanos;

            case RECORDED:
                lastDueNanos = startNanos + (long)((reader.timestampNanos() - firstRecordNanos) / replay.speed());
                return lastDueNanos;

            case MAX:
            default:
                return startNanos;
        }
    }

    private boolean readNext()
    {
        if (finished)
        {
            return false;
        }
        try
        {
            while (!reader.next())
            {
                loopsPlayed++;
                if (0 == packetsThisLoop || (0 != replay.loop() && loopsPlayed >= replay.loop()))
                {
                    finished = true;
                    LOG.info("{}: replay finished: {} packets in {} loop(s){}", name, packets, loopsPlayed,
                        0 == truncated ? "" : ", " + truncated + " cut to the buffer size of " + region.bufferSize());
                    return false;
                }
                reader.rewind();
                packetsThisLoop = 0;
                if (ReplayOption.Pace.RECORDED == replay.pace())
                {
                    // The next pass starts where the last one's last packet was due.
                    startNanos = lastDueNanos;
                    firstRecordNanos = Long.MIN_VALUE;
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(name + ": reading the capture file", e);
        }
        if (Long.MIN_VALUE == firstRecordNanos)
        {
            firstRecordNanos = reader.timestampNanos();
        }
        pending = true;
        return true;
    }

    private void fill(final int slot)
    {
        final int bufIdx = ring.bufIdx(slot);
        if (!region.isValidBuffer(bufIdx))
        {
            throw new IllegalStateException(name + ": RX slot " + slot + " holds bufIdx=" +
                Integer.toUnsignedString(bufIdx) + ", not a buffer of the port's region");
        }
        target.wrap(region.bufferAddress(bufIdx), region.bufferSize());
        final int length = reader.copyTo(target, 0, region.bufferSize());
        if (length < reader.includedLength())
        {
            truncated++;
        }
        ring.slotHead(slot, bufIdx, length, 0);
    }
}
