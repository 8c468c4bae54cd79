package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_register}, the body of {@code NETMAP_REQ_REGISTER}: 56 bytes,
 * alignment 8, with a hidden 4-byte hole at 44.
 *
 * <pre>
 *   off  size  field              dir     notes
 *     0     8  nr_offset          out     offset of the netmap_if in the region
 *     8     8  nr_memsize         out     size of the region
 *    16     4  nr_tx_slots        in/out
 *    20     4  nr_rx_slots        in/out
 *    24     2  nr_tx_rings        in/out
 *    26     2  nr_rx_rings        in/out
 *    28     2  nr_host_tx_rings   in/out
 *    30     2  nr_host_rx_rings   in/out
 *    32     2  nr_mem_id          in/out  0 = auto, 1 = global allocator
 *    34     2  nr_ringid          in      for NR_REG_ONE_NIC / NR_REG_ONE_SW
 *    36     4  nr_mode            in      NR_REG_*
 *    40     4  nr_extra_bufs      in/out  requested / granted (the kernel may grant fewer)
 *    44     4  (padding)
 *    48     8  nr_flags           in      NR_* flags
 * </pre>
 */
public final class NmreqRegisterDescriptor
{
    public static final int NR_OFFSET_OFFSET = 0;
    public static final int NR_MEMSIZE_OFFSET = 8;
    public static final int NR_TX_SLOTS_OFFSET = 16;
    public static final int NR_RX_SLOTS_OFFSET = 20;
    public static final int NR_TX_RINGS_OFFSET = 24;
    public static final int NR_RX_RINGS_OFFSET = 26;
    public static final int NR_HOST_TX_RINGS_OFFSET = 28;
    public static final int NR_HOST_RX_RINGS_OFFSET = 30;
    public static final int NR_MEM_ID_OFFSET = 32;
    public static final int NR_RINGID_OFFSET = 34;
    public static final int NR_MODE_OFFSET = 36;
    public static final int NR_EXTRA_BUFS_OFFSET = 40;
    public static final int PADDING_OFFSET = 44;
    public static final int NR_FLAGS_OFFSET = 48;
    public static final int SIZE = 56;
    public static final int ALIGNMENT = 8;

    private NmreqRegisterDescriptor()
    {
    }
}
