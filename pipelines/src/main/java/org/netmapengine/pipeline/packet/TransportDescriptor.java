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
 *  | Offset|       |               |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * TCP's Data Offset counts 32-bit words of header, 5 to 15.
 */
public final class TransportDescriptor
{
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int DESTINATION_PORT_OFFSET = 2;
    public static final int UDP_HEADER_LENGTH = 8;
    public static final int TCP_MIN_HEADER_LENGTH = 20;
    /** Data offset in the high nibble. */
    public static final int TCP_DATA_OFFSET_OFFSET = 12;
    public static final int TCP_MIN_DATA_OFFSET = 5;

    /** IP protocol number (IPv4 Protocol, IPv6 Next Header) of TCP. */
    public static final int PROTOCOL_TCP = 6;
    /** IP protocol number (IPv4 Protocol, IPv6 Next Header) of UDP. */
    public static final int PROTOCOL_UDP = 17;

    private TransportDescriptor()
    {
    }
}
