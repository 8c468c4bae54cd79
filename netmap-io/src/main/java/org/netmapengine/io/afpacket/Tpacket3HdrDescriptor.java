package org.netmapengine.io.afpacket;

/**
 * Layout of {@code struct tpacket3_hdr}: the header of one frame in a TPACKET_V3 ring, 48 bytes, alignment 4,
 * followed (at {@link #SOCKADDR_LL_OFFSET}, {@code TPACKET_ALIGN(sizeof(struct tpacket3_hdr))}) by a
 * {@link SockaddrLlDescriptor sockaddr_ll} on receive.
 *
 * <pre>
 *   off  size  field            notes
 *     0     4  tp_next_offset   RX: from this header to the next one in the block; TX: must be 0
 *     4     4  tp_sec
 *     8     4  tp_nsec
 *    12     4  tp_snaplen       bytes captured, at tp_mac
 *    16     4  tp_len           bytes on the wire; TX: bytes to send
 *    20     4  tp_status        RX: TP_STATUS_LOSING, TP_STATUS_CSUMNOTREADY...; TX: the frame's owner
 *    24     2  tp_mac           from this header to the frame's first byte (RX)
 *    26     2  tp_net           from this header to the network header
 *    28     4  tp_rxhash        hv1
 *    32     4  tp_vlan_tci      hv1
 *    36     2  tp_vlan_tpid     hv1
 *    38     2  tp_padding       hv1
 *    40     8  tp_padding[8]
 * </pre>
 * On transmit the frame's bytes start at {@link #TX_DATA_OFFSET} ({@code TPACKET3_HDRLEN - sizeof(sockaddr_ll)})
 * unless the socket asked for {@code PACKET_TX_HAS_OFF}.
 */
public final class Tpacket3HdrDescriptor
{
    public static final int TP_NEXT_OFFSET_OFFSET = 0;
    public static final int TP_SEC_OFFSET = 4;
    public static final int TP_NSEC_OFFSET = 8;
    public static final int TP_SNAPLEN_OFFSET = 12;
    public static final int TP_LEN_OFFSET = 16;
    public static final int TP_STATUS_OFFSET = 20;
    public static final int TP_MAC_OFFSET = 24;
    public static final int TP_NET_OFFSET = 26;
    public static final int TP_RXHASH_OFFSET = 28;
    public static final int TP_VLAN_TCI_OFFSET = 32;
    public static final int TP_VLAN_TPID_OFFSET = 36;
    public static final int SIZE = 48;
    /** Where the {@code sockaddr_ll} of a received frame sits: {@code TPACKET_ALIGN(sizeof(tpacket3_hdr))}. */
    public static final int SOCKADDR_LL_OFFSET = align(SIZE);
    /** {@code TPACKET3_HDRLEN}: header and address. */
    public static final int HDRLEN = SOCKADDR_LL_OFFSET + SockaddrLlDescriptor.SIZE;
    /** Where a transmitted frame's bytes start. */
    public static final int TX_DATA_OFFSET = HDRLEN - SockaddrLlDescriptor.SIZE;

    private Tpacket3HdrDescriptor()
    {
    }

    /** @return {@code TPACKET_ALIGN(x)}. */
    public static int align(final int x)
    {
        return (x + PacketSocketApi.TPACKET_ALIGNMENT - 1) & -PacketSocketApi.TPACKET_ALIGNMENT;
    }
}
