package org.netmapengine.pipeline.packet;

/**
 * Layout of an IPv4 header (RFC 791).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |Version|  IHL  |    DSCP/ECN   |         Total Length          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         Identification        |Flags|     Fragment Offset     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Time to Live |    Protocol   |         Header Checksum       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       Source Address                          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Destination Address                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Options (IHL &gt; 5) ...                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * IHL counts 32-bit words (5 to 15); Total Length counts bytes of header and payload, so it is at least
 * {@code IHL * 4}. Bytes after Total Length (Ethernet padding) are not part of the datagram.
 */
public final class Ipv4Descriptor
{
    /** Version (high nibble) and IHL (low nibble). */
    public static final int VERSION_IHL_OFFSET = 0;
    /** DSCP (6 high bits) and ECN (2 low bits). */
    public static final int DSCP_ECN_OFFSET = 1;
    public static final int TOTAL_LENGTH_OFFSET = 2;
    public static final int IDENTIFICATION_OFFSET = 4;
    /** Flags (3 high bits) and fragment offset (13 low bits, in 8-byte units). */
    public static final int FLAGS_FRAGMENT_OFFSET = 6;
    public static final int TTL_OFFSET = 8;
    public static final int PROTOCOL_OFFSET = 9;
    /** Ones' complement of the ones' complement sum of the header's 16-bit words (RFC 791, RFC 1071). */
    public static final int CHECKSUM_OFFSET = 10;
    public static final int SOURCE_OFFSET = 12;
    public static final int DESTINATION_OFFSET = 16;
    /** A header without options: IHL 5. */
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int VERSION = 4;
    public static final int MIN_IHL = 5;
    public static final int FRAGMENT_OFFSET_MASK = 0b0001_1111_1111_1111;
    public static final int MORE_FRAGMENTS = 0b0010_0000_0000_0000;
    public static final int DONT_FRAGMENT = 0b0100_0000_0000_0000;
    /** The largest datagram: a fragment may not reach past it (offset * 8 + payload). */
    public static final int MAX_DATAGRAM_LENGTH = 0xFFFF;

    private Ipv4Descriptor()
    {
    }
}
