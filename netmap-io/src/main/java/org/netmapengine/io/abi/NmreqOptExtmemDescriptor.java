package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_opt_extmem} ({@code NETMAP_REQ_OPT_EXTMEM}): 96 bytes. Registers a port
 * in memory the application allocated (hugepages, a file), laid out as described by the pools info.
 *
 * <pre>
 *   off  size  field        dir     notes
 *     0    24  nro_opt              nmreq_option header
 *    24     8  nro_usrptr   in      user address of the memory
 *    32    64  nro_info     in/out  nmreq_pools_info
 * </pre>
 */
public final class NmreqOptExtmemDescriptor
{
    public static final int NRO_USRPTR_OFFSET = 24;
    public static final int NRO_INFO_OFFSET = 32;
    public static final int SIZE = 96;

    private NmreqOptExtmemDescriptor()
    {
    }
}
