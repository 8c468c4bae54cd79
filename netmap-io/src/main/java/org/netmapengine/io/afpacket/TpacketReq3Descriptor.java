package org.netmapengine.io.afpacket;

/**
 * Layout of {@code struct tpacket_req3}: the geometry of a packet socket's ring, given with
 * {@code PACKET_RX_RING} or {@code PACKET_TX_RING}. 28 bytes, alignment 4.
 *
 * <pre>
 *   off  size  field                notes
 *     0     4  tp_block_size        a multiple of the page size; blocks are mapped back to back
 *     4     4  tp_block_nr
 *     8     4  tp_frame_size        TX: one frame per packet; RX (TPACKET_V3): only a nominal size
 *    12     4  tp_frame_nr          tp_block_nr * (tp_block_size / tp_frame_size)
 *    16     4  tp_retire_blk_tov    RX: ms after which a block that holds packets is handed to user space
 *    20     4  tp_sizeof_priv       private bytes per block (0 here)
 *    24     4  tp_feature_req_word  TP_FT_REQ_FILL_RXHASH (0 here)
 * </pre>
 */
public final class TpacketReq3Descriptor
{
    public static final int TP_BLOCK_SIZE_OFFSET = 0;
    public static final int TP_BLOCK_NR_OFFSET = 4;
    public static final int TP_FRAME_SIZE_OFFSET = 8;
    public static final int TP_FRAME_NR_OFFSET = 12;
    public static final int TP_RETIRE_BLK_TOV_OFFSET = 16;
    public static final int TP_SIZEOF_PRIV_OFFSET = 20;
    public static final int TP_FEATURE_REQ_WORD_OFFSET = 24;
    public static final int SIZE = 28;

    private TpacketReq3Descriptor()
    {
    }
}
