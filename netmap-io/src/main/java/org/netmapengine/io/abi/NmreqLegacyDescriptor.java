package org.netmapengine.io.abi;

/**
 * Layout of the legacy {@code struct nmreq} (API 11, {@code NIOCGINFO} / {@code NIOCREGIF}): 60 bytes,
 * alignment 4, no holes. The engine does not send it (API 14 kernels reject {@code nr_version < 14}),
 * but its size is part of the legacy ioctl numbers.
 *
 * <pre>
 *   off  size  field          off  size  field
 *     0    16  nr_name         40     2  nr_ringid
 *    16     4  nr_version      42     2  nr_cmd
 *    20     4  nr_offset       44     2  nr_arg1
 *    24     4  nr_memsize      46     2  nr_arg2 (memory id)
 *    28     4  nr_tx_slots     48     4  nr_arg3 (extra buffers)
 *    32     4  nr_rx_slots     52     4  nr_flags
 *    36     2  nr_tx_rings     56     4  spare2[1]
 *    38     2  nr_rx_rings
 * </pre>
 */
public final class NmreqLegacyDescriptor
{
    public static final int NR_NAME_OFFSET = 0;
    public static final int NR_VERSION_OFFSET = 16;
    public static final int NR_OFFSET_OFFSET = 20;
    public static final int NR_MEMSIZE_OFFSET = 24;
    public static final int NR_TX_SLOTS_OFFSET = 28;
    public static final int NR_RX_SLOTS_OFFSET = 32;
    public static final int NR_TX_RINGS_OFFSET = 36;
    public static final int NR_RX_RINGS_OFFSET = 38;
    public static final int NR_RINGID_OFFSET = 40;
    public static final int NR_CMD_OFFSET = 42;
    public static final int NR_ARG1_OFFSET = 44;
    public static final int NR_ARG2_OFFSET = 46;
    public static final int NR_ARG3_OFFSET = 48;
    public static final int NR_FLAGS_OFFSET = 52;
    public static final int SPARE2_OFFSET = 56;
    public static final int SIZE = 60;
    public static final int ALIGNMENT = 4;

    private NmreqLegacyDescriptor()
    {
    }
}
