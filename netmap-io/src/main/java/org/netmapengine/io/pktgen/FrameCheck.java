package org.netmapengine.io.pktgen;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

import static org.netmapengine.io.pktgen.UdpFrameDescriptor.*;

/**
 * Checks a received frame against the layout of {@link UdpFrameDescriptor}: is it IPv4 and UDP with a sequence
 * number, and are both checksums right? Verdicts are constants, not exceptions: bad frames are expected input.
 */
public final class FrameCheck
{
    /** Well-formed, both checksums right (or the UDP checksum absent, 0). */
    public static final int OK = 0;
    /** Not an IPv4 UDP frame with a sequence number, or its lengths do not fit the frame. */
    public static final int MALFORMED = 1;
    public static final int BAD_IP_CHECKSUM = 2;
    public static final int BAD_UDP_CHECKSUM = 3;

    private FrameCheck()
    {
    }

    /** @return {@link #OK}, {@link #MALFORMED}, {@link #BAD_IP_CHECKSUM} or {@link #BAD_UDP_CHECKSUM}. */
    public static int check(final DirectBuffer frame, final int length)
    {
        if (length < HEADERS_AND_SEQUENCE_LENGTH ||
            ETHER_TYPE_IPV4 != (frame.getShort(ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF) ||
            IP_VERSION_IHL != (frame.getByte(IP_VERSION_IHL_OFFSET) & 0xFF) ||
            IP_PROTOCOL_UDP != (frame.getByte(IP_PROTOCOL_OFFSET) & 0xFF))
        {
            return MALFORMED;
        }
        final int ipLength = frame.getShort(IP_TOTAL_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final int udpLength = frame.getShort(UDP_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (ETHER_HEADER_LENGTH + ipLength > length || IP_HEADER_LENGTH + udpLength != ipLength ||
            udpLength < UDP_HEADER_LENGTH + SEQUENCE_LENGTH)
        {
            return MALFORMED;
        }
        if (0xFFFF != InternetChecksum.sum(frame, IP_OFFSET, IP_HEADER_LENGTH, 0))
        {
            return BAD_IP_CHECKSUM;
        }
        if (0 != frame.getShort(UDP_CHECKSUM_OFFSET) && 0xFFFF != udpSum(frame, udpLength))
        {
            return BAD_UDP_CHECKSUM;
        }
        return OK;
    }

    /** @return the sequence number of a frame {@link #check} passed. */
    public static long sequence(final DirectBuffer frame)
    {
        return frame.getLong(SEQUENCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /** @return the folded sum of pseudo-header and datagram, checksum included: 0xFFFF when right. */
    private static int udpSum(final DirectBuffer frame, final int udpLength)
    {
        final int pseudo = InternetChecksum.sum(frame, IP_SRC_OFFSET, 8, IP_PROTOCOL_UDP + udpLength);
        return InternetChecksum.sum(frame, UDP_OFFSET, udpLength, pseudo);
    }
}
