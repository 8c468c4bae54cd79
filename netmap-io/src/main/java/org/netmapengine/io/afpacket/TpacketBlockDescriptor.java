package org.netmapengine.io.afpacket;

/**
 * Layout of {@code struct tpacket_block_desc} with its {@code tpacket_hdr_v1}: the header of one TPACKET_V3
 * receive block. 48 bytes, alignment 8.
 *
 * <pre>
 *   off  size  field                 writer  notes
 *     0     4  version                (k)
 *     4     4  offset_to_priv         (k)
 *     8     4  block_status          (k/u)   TP_STATUS_KERNEL: the kernel fills it; TP_STATUS_USER: ours.
 *                                            Read with acquire, handed back with a release store of KERNEL.
 *    12     4  num_pkts               (k)    packets in the block
 *    16     4  offset_to_first_pkt    (k)    from the block start to the first tpacket3_hdr
 *    20     4  blk_len                (k)    bytes used
 *    24     8  seq_num                (k)    block sequence number, +1 per block
 *    32     8  ts_first_pkt           (k)    struct tpacket_bd_ts {ts_sec, ts_nsec}
 *    40     8  ts_last_pkt            (k)
 * </pre>
 * Packets follow one another: each {@link Tpacket3HdrDescriptor header}'s {@code tp_next_offset} leads to the
 * next, {@code num_pkts} of them.
 */
public final class TpacketBlockDescriptor
{
    public static final int VERSION_OFFSET = 0;
    public static final int OFFSET_TO_PRIV_OFFSET = 4;
    public static final int BLOCK_STATUS_OFFSET = 8;
    public static final int NUM_PKTS_OFFSET = 12;
    public static final int OFFSET_TO_FIRST_PKT_OFFSET = 16;
    public static final int BLK_LEN_OFFSET = 20;
    public static final int SEQ_NUM_OFFSET = 24;
    public static final int TS_FIRST_PKT_OFFSET = 32;
    public static final int TS_LAST_PKT_OFFSET = 40;
    public static final int SIZE = 48;

    private TpacketBlockDescriptor()
    {
    }
}
