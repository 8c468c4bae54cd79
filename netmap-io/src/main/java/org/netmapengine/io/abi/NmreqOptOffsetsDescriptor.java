package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_opt_offsets} ({@code NETMAP_REQ_OPT_OFFSETS}): 56 bytes. Lets a packet
 * start at a per-slot offset inside its buffer, which gives headroom for header pushes.
 *
 * <pre>
 *   off  size  field                dir     notes
 *     0    24  nro_opt                      nmreq_option header
 *    24     8  nro_max_offset       in/out  largest offset that will be used
 *    32     8  nro_initial_offset   in      written into every slot
 *    40     4  nro_offset_bits      in/out  low bits of slot.ptr that hold the offset; 0 = all
 *    44     4  nro_tx_align         in      required alignment of a TX packet start
 *    48     8  nro_min_gap          in      reserved, must be 0
 * </pre>
 */
public final class NmreqOptOffsetsDescriptor
{
    public static final int NRO_MAX_OFFSET_OFFSET = 24;
    public static final int NRO_INITIAL_OFFSET_OFFSET = 32;
    public static final int NRO_OFFSET_BITS_OFFSET = 40;
    public static final int NRO_TX_ALIGN_OFFSET = 44;
    public static final int NRO_MIN_GAP_OFFSET = 48;
    public static final int SIZE = 56;

    private NmreqOptOffsetsDescriptor()
    {
    }
}
