package org.netmapengine.io.abi;

/**
 * Layout of {@code struct netmap_ring}: a 256-byte header followed by {@code num_slots}
 * {@link NetmapSlotDescriptor slots}, alignment 128.
 *
 * <pre>
 *   off  size  field         writer  notes
 *     0     8  buf_ofs        (k)    buffer pool base, relative to this ring header (signed)
 *     8     4  num_slots      (k)
 *    12     4  nr_buf_size    (k)
 *    16     2  ringid         (k)
 *    18     2  dir            (k)    0 = TX, 1 = RX
 *    20     4  head           (u)    first user slot
 *    24     4  cur            (u)    wake-up point
 *    28     4  tail           (k)    first kernel slot, read-only for user space
 *    32     4  flags          (u)    NR_TIMESTAMP, NR_FORWARD
 *    36     4  (padding)
 *    40    16  ts             (k)    struct timeval of the last sync
 *    56     8  offset_mask    (k)    API 14: low bits of slot.ptr that hold the packet offset
 *    64     8  buf_align      (k)    API 14: required alignment of a TX packet start
 *    72    56  (padding)
 *   128   128  sem            (k)    opaque, NM_CACHE_ALIGN aligned
 *   256  16*n  slot[]
 * </pre>
 * Ownership: the ring and every slot and buffer in {@code [head .. tail-1]} belong to the user; all
 * other slots belong to the kernel, which touches them only inside a sync or poll of the owning
 * thread. Invariant enforced by the kernel: {@code hwcur <= head <= cur <= tail} in circular order.
 */
public final class NetmapRingDescriptor
{
    public static final int BUF_OFS_OFFSET = 0;
    public static final int NUM_SLOTS_OFFSET = 8;
    public static final int NR_BUF_SIZE_OFFSET = 12;
    public static final int RINGID_OFFSET = 16;
    public static final int DIR_OFFSET = 18;
    /** (u) First slot owned by the user. Published with release semantics. */
    public static final int HEAD_OFFSET = 20;
    /** (u) Wake-up point. Published with release semantics. */
    public static final int CUR_OFFSET = 24;
    /** (k) First slot owned by the kernel. Read with acquire semantics. */
    public static final int TAIL_OFFSET = 28;
    public static final int FLAGS_OFFSET = 32;
    /** {@code struct timeval}: seconds. */
    public static final int TS_SEC_OFFSET = 40;
    /** {@code struct timeval}: microseconds. */
    public static final int TS_USEC_OFFSET = 48;
    public static final int OFFSET_MASK_OFFSET = 56;
    public static final int BUF_ALIGN_OFFSET = 64;
    public static final int SEM_OFFSET = 128;
    public static final int SEM_SIZE = 128;
    /** Start of {@code slot[]}; also {@code sizeof(struct netmap_ring)}. */
    public static final int SLOTS_OFFSET = 256;
    /** {@code sizeof(struct netmap_ring)} without its slots. */
    public static final int HEADER_SIZE = 256;
    public static final int ALIGNMENT = NetmapApi.NM_CACHE_ALIGN;

    /** {@code dir} of a TX ring. */
    public static final int DIR_TX = 0;
    /** {@code dir} of an RX ring. */
    public static final int DIR_RX = 1;

    /**
     * @param slot index of a slot, in {@code [0, num_slots)}.
     * @return offset of the slot from the ring header.
     */
    public static int slotOffset(final int slot)
    {
        return SLOTS_OFFSET + slot * NetmapSlotDescriptor.SIZE;
    }

    /**
     * @param numSlots slots in the ring.
     * @return bytes the ring occupies: header and slots.
     */
    public static int footprint(final int numSlots)
    {
        return HEADER_SIZE + numSlots * NetmapSlotDescriptor.SIZE;
    }

    private NetmapRingDescriptor()
    {
    }
}
