package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_port_info_get}, the body of {@code NETMAP_REQ_PORT_INFO_GET}: 32 bytes.
 * The file descriptor need not be bound; used to learn a port's memory id ({@code @share=}).
 *
 * <pre>
 *   off  size  field               off  size  field
 *     0     8  nr_memsize           20     2  nr_host_tx_rings
 *     8     4  nr_tx_slots          22     2  nr_host_rx_rings
 *    12     4  nr_rx_slots          24     2  nr_mem_id (in/out)
 *    16     2  nr_tx_rings          26     6  pad[3]
 *    18     2  nr_rx_rings
 * </pre>
 */
public final class NmreqPortInfoGetDescriptor
{
    public static final int NR_MEMSIZE_OFFSET = 0;
    public static final int NR_TX_SLOTS_OFFSET = 8;
    public static final int NR_RX_SLOTS_OFFSET = 12;
    public static final int NR_TX_RINGS_OFFSET = 16;
    public static final int NR_RX_RINGS_OFFSET = 18;
    public static final int NR_HOST_TX_RINGS_OFFSET = 20;
    public static final int NR_HOST_RX_RINGS_OFFSET = 22;
    public static final int NR_MEM_ID_OFFSET = 24;
    public static final int SIZE = 32;

    private NmreqPortInfoGetDescriptor()
    {
    }
}
