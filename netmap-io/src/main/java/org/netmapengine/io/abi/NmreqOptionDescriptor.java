package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_option}, the 24-byte header every option starts with.
 *
 * <pre>
 *   off  size  field         notes
 *     0     8  nro_next      user address of the next option, 0 ends the chain
 *     8     4  nro_reqtype   NETMAP_REQ_OPT_*
 *    12     4  nro_status    out: 0 = processed; otherwise an errno. Unprocessed options fail the request
 *    16     8  nro_size      size of variable-size options, 0 for fixed-size ones
 * </pre>
 */
public final class NmreqOptionDescriptor
{
    public static final int NRO_NEXT_OFFSET = 0;
    public static final int NRO_REQTYPE_OFFSET = 8;
    public static final int NRO_STATUS_OFFSET = 12;
    public static final int NRO_SIZE_OFFSET = 16;
    public static final int SIZE = 24;
    public static final int ALIGNMENT = 8;

    private NmreqOptionDescriptor()
    {
    }
}
