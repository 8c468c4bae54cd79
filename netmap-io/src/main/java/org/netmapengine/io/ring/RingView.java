package org.netmapengine.io.ring;

import org.agrona.UnsafeAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.abi.NetmapSlotDescriptor;
import sun.misc.Unsafe;

import static org.netmapengine.io.abi.NetmapRingDescriptor.CUR_OFFSET;
import static org.netmapengine.io.abi.NetmapRingDescriptor.HEAD_OFFSET;
import static org.netmapengine.io.abi.NetmapRingDescriptor.TAIL_OFFSET;
import static org.netmapengine.io.abi.NetmapSlotDescriptor.BUF_IDX_OFFSET;
import static org.netmapengine.io.abi.NetmapSlotDescriptor.FLAGS_OFFSET;
import static org.netmapengine.io.abi.NetmapSlotDescriptor.LEN_OFFSET;
import static org.netmapengine.io.abi.NetmapSlotDescriptor.PTR_OFFSET;

/**
 * A view of one {@code struct netmap_ring} and its slots in mapped memory: offsets, never copies.
 * <p>
 * Memory ordering is in the method names: {@code head} and {@code cur} are published with release
 * semantics ({@link #advanceRelease(int)}), {@code tail} is read with acquire semantics
 * ({@link #tailAcquire()}), so slot and buffer writes made before a publish are visible to whoever
 * acquires it. Slot accessors are plain: a slot is touched only by its owner.
 * <p>
 * Space and emptiness are counted from {@code head}, as upstream netmap does (the seed-era helpers
 * used {@code cur}, which breaks when an application parks {@code cur} at {@code tail}).
 * <p>
 * Not thread-safe: one owner thread per ring, as one owner thread per file descriptor.
 */
public final class RingView
{
    private static final Unsafe UNSAFE = UnsafeAccess.UNSAFE;

    private final UnsafeBuffer ring;
    private final long slots;
    private final long address;
    private final int numSlots;
    private final int bufferSize;
    private final long bufferBase;

    /**
     * @param address address of the ring header in mapped memory; must not be 0.
     * @throws IllegalStateException when the header does not describe a plausible ring.
     */
    public RingView(final long address)
    {
        if (0 == address)
        {
            throw new IllegalArgumentException("ring address is 0: the ring is not bound (ring_ofs == 0)");
        }
        final UnsafeBuffer header = new UnsafeBuffer(address, NetmapRingDescriptor.HEADER_SIZE);
        final int slots = header.getInt(NetmapRingDescriptor.NUM_SLOTS_OFFSET);
        final int bufSize = header.getInt(NetmapRingDescriptor.NR_BUF_SIZE_OFFSET);
        if (slots <= 1 || slots > (1 << 20))
        {
            throw new IllegalStateException("implausible ring at address=0x" + Long.toHexString(address) +
                ": num_slots=" + Integer.toUnsignedString(slots));
        }
        if (bufSize <= 0)
        {
            throw new IllegalStateException("implausible ring at address=0x" + Long.toHexString(address) +
                ": nr_buf_size=" + Integer.toUnsignedString(bufSize));
        }
        this.address = address;
        this.numSlots = slots;
        this.bufferSize = bufSize;
        this.bufferBase = address + header.getLong(NetmapRingDescriptor.BUF_OFS_OFFSET);
        this.ring = new UnsafeBuffer(address, NetmapRingDescriptor.footprint(slots));
        this.slots = address + NetmapRingDescriptor.SLOTS_OFFSET;
    }

    // ---------------------------------------------------------------- header, written by the kernel

    public long address()
    {
        return address;
    }

    public int numSlots()
    {
        return numSlots;
    }

    public int bufferSize()
    {
        return bufferSize;
    }

    /** @return absolute address of buffer 0 of the region: {@code ring + buf_ofs}. */
    public long bufferBase()
    {
        return bufferBase;
    }

    public int ringId()
    {
        return ring.getShort(NetmapRingDescriptor.RINGID_OFFSET) & 0xFFFF;
    }

    public boolean isTx()
    {
        return NetmapRingDescriptor.DIR_TX == (ring.getShort(NetmapRingDescriptor.DIR_OFFSET) & 0xFFFF);
    }

    /** @return {@code offset_mask}: the low bits of {@code ptr} holding the packet offset (0 when off). */
    public long offsetMask()
    {
        return ring.getLong(NetmapRingDescriptor.OFFSET_MASK_OFFSET);
    }

    public long bufAlign()
    {
        return ring.getLong(NetmapRingDescriptor.BUF_ALIGN_OFFSET);
    }

    /** @return time of the last sync in microseconds, when {@code NR_TIMESTAMP} is set. */
    public long timestampMicros()
    {
        return ring.getLong(NetmapRingDescriptor.TS_SEC_OFFSET) * 1_000_000L +
            ring.getLong(NetmapRingDescriptor.TS_USEC_OFFSET);
    }

    public int ringFlags()
    {
        return ring.getInt(NetmapRingDescriptor.FLAGS_OFFSET);
    }

    public void ringFlags(final int flags)
    {
        ring.putInt(NetmapRingDescriptor.FLAGS_OFFSET, flags);
    }

    // ---------------------------------------------------------------- head / cur / tail

    /** @return {@code head}: the first slot owned by the user. Plain read: the user writes it. */
    public int head()
    {
        return ring.getInt(HEAD_OFFSET);
    }

    /** @return {@code cur}: the wake-up point. Plain read: the user writes it. */
    public int cur()
    {
        return ring.getInt(CUR_OFFSET);
    }

    /** @return {@code tail}, read with acquire semantics: slots before it are visible. */
    public int tailAcquire()
    {
        return ring.getIntVolatile(TAIL_OFFSET);
    }

    /**
     * Hands every slot before {@code index} back to the kernel: writes {@code cur}, then {@code head},
     * each with release semantics, so all slot and buffer writes before this call are visible first.
     */
    public void advanceRelease(final int index)
    {
        ring.putIntOrdered(CUR_OFFSET, index);
        ring.putIntOrdered(HEAD_OFFSET, index);
    }

    /** Moves {@code head} alone (release), e.g. to release slots while {@code cur} is parked at tail. */
    public void headRelease(final int index)
    {
        ring.putIntOrdered(HEAD_OFFSET, index);
    }

    /** Moves {@code cur} alone (release), e.g. to park it at {@code tail} without releasing slots. */
    public void curRelease(final int index)
    {
        ring.putIntOrdered(CUR_OFFSET, index);
    }

    /**
     * (k) Publishes {@code tail}. Only a backend playing the kernel's part (the emulated one) calls this.
     */
    public void tailRelease(final int index)
    {
        ring.putIntOrdered(TAIL_OFFSET, index);
    }

    /** @return the slot after {@code slot}, wrapping at {@code num_slots}. */
    public int next(final int slot)
    {
        return slot + 1 == numSlots ? 0 : slot + 1;
    }

    /** @return {@code slot + n}, wrapping at {@code num_slots}; {@code 0 <= n <= num_slots}. */
    public int advance(final int slot, final int n)
    {
        final int i = slot + n;
        return i >= numSlots ? i - numSlots : i;
    }

    /**
     * @return slots in {@code [head, tail)}: packets to read on an RX ring, free slots on a TX ring.
     */
    public int space()
    {
        return distance(head(), tailAcquire());
    }

    /** @return true when {@code head == tail}. */
    public boolean isEmpty()
    {
        return head() == tailAcquire();
    }

    /** @return slots from {@code from} forward to {@code to}, in {@code [0, num_slots)}. */
    public int distance(final int from, final int to)
    {
        final int d = to - from;
        return d < 0 ? d + numSlots : d;
    }

    // ---------------------------------------------------------------- slots, written by their owner

    public int bufIdx(final int slot)
    {
        return UNSAFE.getInt(slotAddress(slot) + BUF_IDX_OFFSET);
    }

    public void bufIdx(final int slot, final int bufIdx)
    {
        UNSAFE.putInt(slotAddress(slot) + BUF_IDX_OFFSET, bufIdx);
    }

    /** @return bytes valid in the slot, 0 to 65535. */
    public int len(final int slot)
    {
        return UNSAFE.getShort(slotAddress(slot) + LEN_OFFSET) & 0xFFFF;
    }

    public void len(final int slot, final int len)
    {
        UNSAFE.putShort(slotAddress(slot) + LEN_OFFSET, (short)len);
    }

    public int slotFlags(final int slot)
    {
        return UNSAFE.getShort(slotAddress(slot) + FLAGS_OFFSET) & 0xFFFF;
    }

    public void slotFlags(final int slot, final int flags)
    {
        UNSAFE.putShort(slotAddress(slot) + FLAGS_OFFSET, (short)flags);
    }

    public long ptr(final int slot)
    {
        return UNSAFE.getLong(slotAddress(slot) + PTR_OFFSET);
    }

    public void ptr(final int slot, final long ptr)
    {
        UNSAFE.putLong(slotAddress(slot) + PTR_OFFSET, ptr);
    }

    /**
     * @return the slot's first 8 bytes in one read: {@code buf_idx} in the low 32 bits, {@code len} in bits 32-47,
     * {@code flags} in bits 48-63 (little-endian memory, as on every platform netmap runs on).
     */
    public long slotHead(final int slot)
    {
        return UNSAFE.getLong(slotAddress(slot));
    }

    /** @return the buffer index of a {@link #slotHead} value. */
    public static int headBufIdx(final long head)
    {
        return (int)head;
    }

    /** @return the length of a {@link #slotHead} value. */
    public static int headLength(final long head)
    {
        return (int)(head >>> 32) & 0xFFFF;
    }

    /** @return the flags of a {@link #slotHead} value. */
    public static int headFlags(final long head)
    {
        return (int)(head >>> 48);
    }

    /** Writes a slot's first 8 bytes in one store: buffer index, length and flags, as {@link #slotHead} reads them. */
    public void slotHead(final int slot, final int bufIdx, final int len, final int flags)
    {
        UNSAFE.putLong(slotAddress(slot),
            (bufIdx & 0xFFFF_FFFFL) | ((long)(len & 0xFFFF) << 32) | ((long)(flags & 0xFFFF) << 48));
    }

    /** @return the packet's offset inside its buffer ({@code NETMAP_ROFFSET}), 0 unless offsets are on. */
    public int packetOffset(final int slot)
    {
        return (int)(ptr(slot) & offsetMask());
    }

    /**
     * Puts {@code newBufIdx} into the slot and flags the change, as a zero-copy swap needs.
     *
     * @return the buffer index the slot held.
     */
    public int swapBuffer(final int slot, final int newBufIdx)
    {
        final long at = slotAddress(slot);
        final int old = UNSAFE.getInt(at + BUF_IDX_OFFSET);
        UNSAFE.putInt(at + BUF_IDX_OFFSET, newBufIdx);
        final int flags = UNSAFE.getShort(at + FLAGS_OFFSET) & 0xFFFF;
        UNSAFE.putShort(at + FLAGS_OFFSET, (short)(flags | NetmapApi.NS_BUF_CHANGED));
        return old;
    }

    /**
     * Copies the 16-byte slot {@code slot} of this ring into slot {@code toSlot} of {@code to}, as a
     * netmap pipe does ({@code *rs = *ts}).
     */
    public void copySlotTo(final int slot, final RingView to, final int toSlot)
    {
        final long from = slotAddress(slot);
        final long dst = to.slotAddress(toSlot);
        UNSAFE.putLong(dst, UNSAFE.getLong(from));
        UNSAFE.putLong(dst + PTR_OFFSET, UNSAFE.getLong(from + PTR_OFFSET));
    }

    /**
     * @return the address of slot {@code slot}, which must be in {@code [0, num_slots)}: slot indices come from
     *         {@code head}, {@code cur} and {@code tail}, which a peer or a bug can spoil, so every slot access checks
     *         (one comparison) rather than relying on Agrona's bounds checks, which production may turn off.
     */
    private long slotAddress(final int slot)
    {
        if (Integer.compareUnsigned(slot, numSlots) >= 0)
        {
            throw new IndexOutOfBoundsException("slot " + slot + " outside [0, " + numSlots + ") of " + this);
        }
        return slots + (long)slot * NetmapSlotDescriptor.SIZE;
    }

    /** @return absolute address of buffer {@code bufIdx}, computed in 64 bits. */
    public long bufferAddress(final int bufIdx)
    {
        return bufferBase + (long)bufIdx * bufferSize;
    }

    /** @return absolute address of the buffer in slot {@code slot}. */
    public long slotBufferAddress(final int slot)
    {
        return bufferAddress(bufIdx(slot));
    }

    @Override
    public String toString()
    {
        return (isTx() ? "TX" : "RX") + " ring " + ringId() + " [slots=" + numSlots + " head=" + head() +
            " cur=" + cur() + " tail=" + tailAcquire() + "]";
    }
}
