package org.netmapengine.io.pktgen;

/**
 * Layout of the frames pkt-gen sends: Ethernet II, IPv4 without options, UDP, then a payload that starts with
 * a 64-bit sequence number. All multi-byte fields are big-endian (network order).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Destination MAC (6 bytes) ...                 |  0
 *  +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                               |    Source MAC (6 bytes) ...   |  4
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                                                               |  8
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     EtherType 0x0800          |Ver 4|IHL 5|  TOS            | 12
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     IP Total Length           |        Identification         | 16
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | Flags DF, Fragment Offset 0   |    TTL 64     |  Protocol 17  | 20
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     IP Header Checksum        |     Source Address ...        | 24
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   ... Source Address          |     Destination Address ...   | 28
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   ... Destination Address     |     UDP Source Port           | 32
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     UDP Destination Port      |     UDP Length                | 36
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     UDP Checksum              |     Sequence Number ...       | 40
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    ... Sequence Number (64 bits) ...          | 44
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   ... Sequence Number         |     Fill pattern ...          | 48
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The frame length is the Ethernet frame without its FCS, as netmap's slot {@code len} counts it. IP and UDP
 * lengths cover the frame to its end, so a frame needs no Ethernet padding.
 */
public final class UdpFrameDescriptor
{
    public static final int DST_MAC_OFFSET = 0;
    public static final int SRC_MAC_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;
    public static final int ETHER_HEADER_LENGTH = 14;

    public static final int IP_OFFSET = ETHER_HEADER_LENGTH;
    public static final int IP_VERSION_IHL_OFFSET = IP_OFFSET;
    public static final int IP_TOS_OFFSET = IP_OFFSET + 1;
    public static final int IP_TOTAL_LENGTH_OFFSET = IP_OFFSET + 2;
    public static final int IP_ID_OFFSET = IP_OFFSET + 4;
    public static final int IP_FLAGS_FRAGMENT_OFFSET = IP_OFFSET + 6;
    public static final int IP_TTL_OFFSET = IP_OFFSET + 8;
    public static final int IP_PROTOCOL_OFFSET = IP_OFFSET + 9;
    public static final int IP_CHECKSUM_OFFSET = IP_OFFSET + 10;
    public static final int IP_SRC_OFFSET = IP_OFFSET + 12;
    public static final int IP_DST_OFFSET = IP_OFFSET + 16;
    public static final int IP_HEADER_LENGTH = 20;

    public static final int UDP_OFFSET = IP_OFFSET + IP_HEADER_LENGTH;
    public static final int UDP_SRC_PORT_OFFSET = UDP_OFFSET;
    public static final int UDP_DST_PORT_OFFSET = UDP_OFFSET + 2;
    public static final int UDP_LENGTH_OFFSET = UDP_OFFSET + 4;
    public static final int UDP_CHECKSUM_OFFSET = UDP_OFFSET + 6;
    public static final int UDP_HEADER_LENGTH = 8;

    public static final int PAYLOAD_OFFSET = UDP_OFFSET + UDP_HEADER_LENGTH;
    public static final int SEQUENCE_OFFSET = PAYLOAD_OFFSET;
    public static final int SEQUENCE_LENGTH = 8;
    public static final int FILL_OFFSET = SEQUENCE_OFFSET + SEQUENCE_LENGTH;

    /** Headers and sequence number: the shortest frame a receiver can check. */
    public static final int HEADERS_AND_SEQUENCE_LENGTH = FILL_OFFSET;

    /** Ethernet's 64-byte minimum less the 4-byte FCS, which the NIC adds. */
    public static final int MIN_FRAME_LENGTH = 60;

    /** A slot's {@code len} is 16 bits, and the IP total length must stay within 65535. */
    public static final int MAX_FRAME_LENGTH = 0xFFFF;

    /**
     * Bytes a frame costs on the wire beyond its length here: 4 FCS, 8 preamble and start delimiter, 12 of
     * inter-frame gap (pkt-gen's {@code -B} framing).
     */
    public static final int WIRE_OVERHEAD = 24;

    public static final int ETHER_TYPE_IPV4 = 0x0800;
    public static final int IP_VERSION_IHL = 0x45;
    /** Don't Fragment, offset 0. */
    public static final int IP_FLAGS_DF = 0x4000;
    public static final int IP_TTL = 64;
    public static final int IP_PROTOCOL_UDP = 17;

    private UdpFrameDescriptor()
    {
    }

    /** @return the IP total length of a frame of {@code frameLength} bytes. */
    public static int ipTotalLength(final int frameLength)
    {
        return frameLength - ETHER_HEADER_LENGTH;
    }

    /** @return the UDP length (header and payload) of a frame of {@code frameLength} bytes. */
    public static int udpLength(final int frameLength)
    {
        return frameLength - UDP_OFFSET;
    }
}
