package org.netmapengine.pipeline.packet;

/**
 * Layout of an ARP packet (RFC 826) after the Ethernet header, as used for IPv4 over Ethernet.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     Hardware Type (1)         |     Protocol Type (0x0800)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  HLEN (6)     |  PLEN (4)     |   Operation (1 req, 2 reply)  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |              Sender Hardware Address (HLEN bytes)             |
 *  +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                               | Sender Protocol Address (PLEN)|
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                               |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |              Target Hardware Address (HLEN bytes)             |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |              Target Protocol Address (PLEN bytes)             |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The address offsets below hold for HLEN 6 and PLEN 4 only ({@link ParsedFrame#isEthernetIpv4Arp()}); other
 * ARP packets are parsed for their length and operation.
 */
public final class ArpDescriptor
{
    public static final int HARDWARE_TYPE_OFFSET = 0;
    public static final int PROTOCOL_TYPE_OFFSET = 2;
    public static final int HARDWARE_LENGTH_OFFSET = 4;
    public static final int PROTOCOL_LENGTH_OFFSET = 5;
    public static final int OPERATION_OFFSET = 6;
    /** The fixed part, before the addresses. */
    public static final int FIXED_LENGTH = 8;

    public static final int SENDER_HARDWARE_OFFSET = 8;
    public static final int SENDER_PROTOCOL_OFFSET = 14;
    public static final int TARGET_HARDWARE_OFFSET = 18;
    public static final int TARGET_PROTOCOL_OFFSET = 24;
    /** Ethernet and IPv4 addresses: 8 + 2 * (6 + 4). */
    public static final int ETHERNET_IPV4_LENGTH = 28;

    public static final int HARDWARE_ETHERNET = 1;
    public static final int HARDWARE_ADDRESS_LENGTH = 6;
    public static final int PROTOCOL_ADDRESS_LENGTH = 4;
    public static final int OPERATION_REQUEST = 1;
    public static final int OPERATION_REPLY = 2;

    private ArpDescriptor()
    {
    }
}
