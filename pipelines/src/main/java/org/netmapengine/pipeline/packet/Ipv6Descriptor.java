package org.netmapengine.pipeline.packet;

/**
 * Layout of the IPv6 fixed header (RFC 8200).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |Version| Traffic Class |           Flow Label                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         Payload Length        |  Next Header  |   Hop Limit   |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Source Address (16 bytes)                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |               Destination Address (16 bytes)                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Payload Length counts the bytes after this 40-byte header, extension headers included.
 * <p>
 * Extension headers chain through their first byte, the Next Header of what follows:
 * <pre>
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Next Header  |  Hdr Ext Len  |  options ...  (hop-by-hop 0, routing 43, destination 60, mobility 135,
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                HIP 139, shim6 140: (Hdr Ext Len + 1) * 8 bytes)
 *  |  Next Header  |   Reserved    |  Fragment Offset (13) |Res|M|   fragment 44: 8 bytes
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         Identification                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Next Header  |  Payload Len  |  ...          authentication 51: (Payload Len + 2) * 4 bytes
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Hop-by-hop options may only come first (RFC 8200, 4.1). ESP (50) and No Next Header (59) end the walk: what
 * follows is opaque.
 */
public final class Ipv6Descriptor
{
    /** Version in the high nibble. */
    public static final int VERSION_OFFSET = 0;
    public static final int PAYLOAD_LENGTH_OFFSET = 4;
    public static final int NEXT_HEADER_OFFSET = 6;
    public static final int HOP_LIMIT_OFFSET = 7;
    public static final int SOURCE_OFFSET = 8;
    public static final int DESTINATION_OFFSET = 24;
    public static final int HEADER_LENGTH = 40;
    public static final int VERSION = 6;

    public static final int HOP_BY_HOP = 0;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int ESP = 50;
    public static final int AUTHENTICATION = 51;
    public static final int NO_NEXT_HEADER = 59;
    public static final int DESTINATION_OPTIONS = 60;
    public static final int MOBILITY = 135;
    public static final int HIP = 139;
    public static final int SHIM6 = 140;
    /** Next Header and Hdr Ext Len: what must be there to learn an extension header's length. */
    public static final int EXTENSION_MIN_LENGTH = 2;
    public static final int FRAGMENT_HEADER_LENGTH = 8;
    /** Fragment Offset in the high 13 bits of the 16 after Reserved, in 8-byte units. */
    public static final int FRAGMENT_OFFSET_FIELD = 2;
    public static final int FRAGMENT_OFFSET_MASK = 0xFFF8;
    public static final int FRAGMENT_MORE = 0x0001;
    /** More extension headers than this is an attack, not a packet: the walk stops with an error. */
    public static final int MAX_EXTENSION_HEADERS = 8;

    private Ipv6Descriptor()
    {
    }
}
