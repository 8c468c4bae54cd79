package org.netmapengine.io.abi;

/**
 * Layout of {@code struct netmap_slot}: one buffer descriptor of a ring, 16 bytes, alignment 8.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        buf_idx (u32)                          |  0
 *  +-------------------------------+-------------------------------+
 *  |           len (u16)           |          flags (u16)          |  4
 *  +-------------------------------+-------------------------------+
 *  |                          ptr (u64)                            |  8
 *  |        (indirect buffer, or the packet offset in API 14)      |
 *  +---------------------------------------------------------------+
 * </pre>
 * Whoever owns the slot (see {@link NetmapRingDescriptor}) writes it; a changed {@code buf_idx} must be
 * flagged with {@link NetmapApi#NS_BUF_CHANGED}.
 */
public final class NetmapSlotDescriptor
{
    /** Index of the buffer in the region's buffer pool. */
    public static final int BUF_IDX_OFFSET = 0;
    /** Bytes valid in this slot (this fragment, for multi-slot packets). */
    public static final int LEN_OFFSET = 4;
    /** {@code NS_*} flags. */
    public static final int FLAGS_OFFSET = 6;
    /** Indirect buffer pointer; its low bits carry the packet offset when the offsets option is on. */
    public static final int PTR_OFFSET = 8;
    /** {@code sizeof(struct netmap_slot)}. */
    public static final int SIZE = 16;
    /** Alignment of the struct. */
    public static final int ALIGNMENT = 8;

    private NetmapSlotDescriptor()
    {
    }
}
