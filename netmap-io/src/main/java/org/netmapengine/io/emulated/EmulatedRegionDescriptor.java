package org.netmapengine.io.emulated;

import org.netmapengine.io.abi.NetmapIfDescriptor;
import org.netmapengine.io.abi.NetmapRingDescriptor;

/**
 * Layout of an emulated memory region: one shared-memory file that plays the part of a netmap allocator.
 * Everything a port sees (netmap_if, rings, slots, buffers) has the kernel's exact layout; what the kernel
 * keeps private (allocation bitmaps, pipe bookkeeping, kring state) lives beside it in the same file, so
 * every process that maps the file sees the same pipes.
 *
 * <pre>
 *  +---------------------------+ 0
 *  | header (4 KiB)            |  magic, geometry, pool offsets
 *  +---------------------------+ PIPE_TABLE (4 KiB aligned)
 *  | pipe table                |  PIPE_ENTRY_SIZE bytes per pipe
 *  +---------------------------+ buffer bitmap, ring bitmap (64-byte aligned)
 *  | bitmaps                   |  one bit per buffer / ring object, 1 = allocated
 *  +---------------------------+ IF_POOL (4 KiB aligned)
 *  | netmap_if pool            |  one per pipe, end and user
 *  +---------------------------+ RING_POOL (4 KiB aligned)
 *  | netmap_ring pool          |  RING_OBJ_SIZE each, 128-byte aligned
 *  +---------------------------+ BUF_POOL (4 KiB aligned)
 *  | buffers 0 .. N-1          |  0 and 1 reserved, as in netmap
 *  +---------------------------+
 * </pre>
 *
 * Kernel-private ring state sits in each ring's opaque {@code sem} area, which only the kernel's side of
 * a sync touches: {@code hwcur} and {@code hwtail} on the first cache line (written by the ring's owner),
 * {@code pipe_tail} on the second (written by the peer end, published with release semantics).
 */
final class EmulatedRegionDescriptor
{
    /** "NMENGRG1", little-endian. */
    static final long MAGIC = 0x314752474E454D4EL;
    static final int LAYOUT_VERSION = 1;

    static final int STATE_FRESH = 0;
    static final int STATE_READY = 1;
    /** Set before the file is unlinked, so a process that opened it just before knows to start over. */
    static final int STATE_DELETED = 2;

    // ---------------------------------------------------------------- header
    static final int MAGIC_OFFSET = 0;
    static final int LAYOUT_VERSION_OFFSET = 8;
    static final int STATE_OFFSET = 12;
    static final int REGION_SIZE_OFFSET = 16;
    static final int MEM_ID_OFFSET = 24;
    static final int BUF_SIZE_OFFSET = 28;
    static final int BUF_COUNT_OFFSET = 32;
    static final int RING_SLOTS_OFFSET = 36;
    static final int RING_COUNT_OFFSET = 40;
    static final int PIPE_COUNT_OFFSET = 44;
    static final int PIPE_TABLE_OFFSET_OFFSET = 48;
    static final int BUF_BITMAP_OFFSET_OFFSET = 56;
    static final int RING_BITMAP_OFFSET_OFFSET = 64;
    static final int IF_POOL_OFFSET_OFFSET = 72;
    static final int IF_OBJ_SIZE_OFFSET = 80;
    static final int RING_POOL_OFFSET_OFFSET = 88;
    static final int RING_OBJ_SIZE_OFFSET = 96;
    static final int BUF_POOL_OFFSET_OFFSET = 104;
    static final int BUFFERS_FREE_OFFSET = 112;
    static final int HEADER_SIZE = 4096;

    // ---------------------------------------------------------------- pipe table entry
    static final int PIPE_STATE_FREE = 0;
    static final int PIPE_STATE_IN_USE = 1;
    /** Ring pairs per direction a pipe can have (netmap allows more; a region's if objects are sized for this). */
    static final int MAX_PIPE_RINGS = 16;
    static final int PIPE_ID_SIZE = 64;

    static final int PIPE_STATE_OFFSET = 0;
    static final int PIPE_RINGS_OFFSET = 4;
    static final int PIPE_SLOTS_OFFSET = 8;
    static final int PIPE_ID_OFFSET = 16;

    static final int END_MASTER = 0;
    static final int END_SLAVE = 1;
    /** File descriptors that may have one end open at once, each binding its own rings (/R, /T, -N). */
    static final int USERS_PER_END = 4;
    static final int USER_STATE_CLOSED = 0;
    static final int USER_STATE_OPEN = 1;
    private static final int USER_BASE = 80;
    private static final int USER_SIZE = 32;
    static final int USER_STATE = 0;
    static final int USER_PID = 4;
    static final int USER_START_TIME = 8;
    static final int USER_TX_MASK = 16;
    static final int USER_RX_MASK = 20;
    static final int USER_EXTRA_BUFS = 24;

    /** u32 ring object index per end, direction and ring: 2 x 2 x MAX_PIPE_RINGS entries. */
    private static final int RING_TABLE_OFFSET = 384;
    /** Per end, one futex word and its waiter count, each end on its own 128 bytes. */
    private static final int WAKE_BASE = 640;
    private static final int WAKE_SIZE = 128;
    static final int WAKE_SEQ = 0;
    static final int WAKE_WAITERS = 4;
    static final int PIPE_ENTRY_SIZE = WAKE_BASE + 2 * WAKE_SIZE;

    // ---------------------------------------------------------------- kring state in netmap_ring.sem
    static final int KRING_HWCUR_OFFSET = NetmapRingDescriptor.SEM_OFFSET;
    static final int KRING_HWTAIL_OFFSET = NetmapRingDescriptor.SEM_OFFSET + 4;
    static final int KRING_PIPE_TAIL_OFFSET = NetmapRingDescriptor.SEM_OFFSET + 64;

    private EmulatedRegionDescriptor()
    {
    }

    static int userOffset(final int end, final int user)
    {
        return USER_BASE + (end * USERS_PER_END + user) * USER_SIZE;
    }

    /** @param dir 0 = TX, 1 = RX (netmap's {@code dir}). */
    static int ringTableOffset(final int end, final int dir, final int ring)
    {
        return RING_TABLE_OFFSET + ((end * 2 + dir) * MAX_PIPE_RINGS + ring) * Integer.BYTES;
    }

    static int wakeOffset(final int end)
    {
        return WAKE_BASE + end * WAKE_SIZE;
    }

    /** @return bytes of one netmap_if object: 56 + 8 ring offsets for MAX_PIPE_RINGS and a fake host ring each way. */
    static int ifObjectSize()
    {
        return align(NetmapIfDescriptor.footprint(2 * (MAX_PIPE_RINGS + 1)), 64);
    }

    static int ringObjectSize(final int maxSlots)
    {
        return align(NetmapRingDescriptor.footprint(maxSlots), NetmapRingDescriptor.ALIGNMENT);
    }

    static long align(final long value, final long alignment)
    {
        return (value + alignment - 1) & -alignment;
    }

    static int align(final int value, final int alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
