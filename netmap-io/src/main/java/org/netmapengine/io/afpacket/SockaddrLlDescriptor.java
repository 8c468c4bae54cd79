package org.netmapengine.io.afpacket;

/**
 * Layout of {@code struct sockaddr_ll}: a link-level address, for {@code bind} and in front of every received
 * frame of a ring. 20 bytes, alignment 4.
 *
 * <pre>
 *   off  size  field         notes
 *     0     2  sll_family    AF_PACKET
 *     2     2  sll_protocol  network byte order: htons(ETH_P_ALL) to receive everything, 0 for nothing
 *     4     4  sll_ifindex
 *     8     2  sll_hatype    ARPHRD_*
 *    10     1  sll_pkttype   PACKET_HOST, PACKET_BROADCAST, ..., PACKET_OUTGOING
 *    11     1  sll_halen
 *    12     8  sll_addr
 * </pre>
 */
public final class SockaddrLlDescriptor
{
    public static final int SLL_FAMILY_OFFSET = 0;
    public static final int SLL_PROTOCOL_OFFSET = 2;
    public static final int SLL_IFINDEX_OFFSET = 4;
    public static final int SLL_HATYPE_OFFSET = 8;
    public static final int SLL_PKTTYPE_OFFSET = 10;
    public static final int SLL_HALEN_OFFSET = 11;
    public static final int SLL_ADDR_OFFSET = 12;
    public static final int SIZE = 20;

    private SockaddrLlDescriptor()
    {
    }
}
