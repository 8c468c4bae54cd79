package org.netmapengine.pipeline.packet;

/**
 * Layout of an Ethernet II header and of the 802.1Q / 802.1ad tags that may follow the source address.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Destination MAC address                    |
 *  +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                               |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                      Source MAC address                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   TPID 0x8100 or 0x88a8 ...   |  PCP|D|    VLAN id (TCI)      |  0..n tags of 4 bytes
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |           EtherType           |  payload ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * A tag's TPID sits where the EtherType would be; the real EtherType follows the last tag.
 */
public final class EthernetDescriptor
{
    /** Destination MAC address, 6 bytes. */
    public static final int DESTINATION_OFFSET = 0;
    /** Source MAC address, 6 bytes. */
    public static final int SOURCE_OFFSET = 6;
    /** EtherType, or the TPID of the first VLAN tag. */
    public static final int ETHER_TYPE_OFFSET = 12;
    /** An untagged header: two addresses and the EtherType. */
    public static final int HEADER_LENGTH = 14;
    /** A VLAN tag: TPID and TCI. */
    public static final int VLAN_TAG_LENGTH = 4;
    /** VLAN id bits of the TCI. */
    public static final int VLAN_ID_MASK = 0x0FFF;

    public static final int ETHER_TYPE_IPV4 = 0x0800;
    public static final int ETHER_TYPE_ARP = 0x0806;
    public static final int ETHER_TYPE_IPV6 = 0x86DD;
    /** 802.1Q customer tag. */
    public static final int ETHER_TYPE_VLAN = 0x8100;
    /** 802.1ad service tag (QinQ). */
    public static final int ETHER_TYPE_QINQ = 0x88A8;

    private EthernetDescriptor()
    {
    }

    /**
     * @return whether {@code etherType} is a TPID: a VLAN tag follows instead of the payload.
     */
    public static boolean isVlanTag(final int etherType)
    {
        return ETHER_TYPE_VLAN == etherType || ETHER_TYPE_QINQ == etherType;
    }
}
