package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_pools_info}: the three pools (interfaces, rings, buffers) of one
 * memory region, 64 bytes. Body of {@code NETMAP_REQ_POOLS_INFO_GET} and part of the extmem option.
 *
 * <pre>
 *   off  size  field                   off  size  field
 *     0     8  nr_memsize               32     8  nr_ring_pool_offset
 *     8     2  nr_mem_id (in/out)       40     4  nr_ring_pool_objtotal
 *    10     6  pad1[3]                  44     4  nr_ring_pool_objsize
 *    16     8  nr_if_pool_offset        48     8  nr_buf_pool_offset
 *    24     4  nr_if_pool_objtotal      56     4  nr_buf_pool_objtotal
 *    28     4  nr_if_pool_objsize       60     4  nr_buf_pool_objsize
 * </pre>
 */
public final class NmreqPoolsInfoDescriptor
{
    public static final int NR_MEMSIZE_OFFSET = 0;
    public static final int NR_MEM_ID_OFFSET = 8;
    public static final int NR_IF_POOL_OFFSET_OFFSET = 16;
    public static final int NR_IF_POOL_OBJTOTAL_OFFSET = 24;
    public static final int NR_IF_POOL_OBJSIZE_OFFSET = 28;
    public static final int NR_RING_POOL_OFFSET_OFFSET = 32;
    public static final int NR_RING_POOL_OBJTOTAL_OFFSET = 40;
    public static final int NR_RING_POOL_OBJSIZE_OFFSET = 44;
    public static final int NR_BUF_POOL_OFFSET_OFFSET = 48;
    public static final int NR_BUF_POOL_OBJTOTAL_OFFSET = 56;
    public static final int NR_BUF_POOL_OBJSIZE_OFFSET = 60;
    public static final int SIZE = 64;

    private NmreqPoolsInfoDescriptor()
    {
    }
}
