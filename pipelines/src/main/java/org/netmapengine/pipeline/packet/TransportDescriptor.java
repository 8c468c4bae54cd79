package org.netmapengine.pipeline.packet;

/**
 * Where UDP and TCP keep their ports, and how long their headers are; both start with the two ports.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |          Source Port          |       Destination Port        |   UDP and TCP
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     UDP: Length, Checksum     |  TCP: Sequence Number ...     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 TCP: Acknowledgment Number                    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | Data  |       |   TCP flags   |  TCP: Window ...               |
 *  | Offset|       |C E U A P R S F|                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         TCP: Checksum         |  TCP: Urgent Pointer          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The UDP and TCP checksums cover a pseudo-header with both IP addresses, so rewriting an address changes them.
 * TCP's Data Offset counts 32-bit words of header, 5 to 15.
 */
public final class TransportDescriptor
{
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int DESTINATION_PORT_OFFSET = 2;
    public static final int UDP_HEADER_LENGTH = 8;
    /** UDP Length: header and data, at least 8. */
    public static final int UDP_LENGTH_OFFSET = 4;
    /** 0 means "no checksum" over IPv4 (RFC 768). */
    public static final int UDP_CHECKSUM_OFFSET = 6;
    public static final int TCP_MIN_HEADER_LENGTH = 20;
    /** Data offset in the high nibble. */
    public static final int TCP_DATA_OFFSET_OFFSET = 12;
    public static final int TCP_MIN_DATA_OFFSET = 5;
    /** CWR ECE URG ACK PSH RST SYN FIN, high bit first. */
    public static final int TCP_FLAGS_OFFSET = 13;
    public static final int TCP_CHECKSUM_OFFSET = 16;

    public static final int TCP_FIN = 0x01;
    public static final int TCP_SYN = 0x02;
    public static final int TCP_RST = 0x04;
    public static final int TCP_PSH = 0x08;
    public static final int TCP_ACK = 0x10;
    public static final int TCP_URG = 0x20;
    public static final int TCP_ECE = 0x40;
    public static final int TCP_CWR = 0x80;

    /** IP protocol number of ICMP (over IPv4). */
    public static final int PROTOCOL_ICMP = 1;
    /** IP protocol number (IPv4 Protocol, IPv6 Next Header) of TCP. */
    public static final int PROTOCOL_TCP = 6;
    /** IP protocol number (IPv4 Protocol, IPv6 Next Header) of UDP. */
    public static final int PROTOCOL_UDP = 17;
    /** IPv6 Next Header of ICMPv6. */
    public static final int PROTOCOL_ICMPV6 = 58;

    private TransportDescriptor()
    {
    }
}
