package org.netmapengine.io.ring;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A memory region laid out the way netmap's kernel lays it out, written with the literal offsets of
 * {@code netmap-seeds.md} (not the descriptor constants under test): one netmap_if, its rings, a buffer
 * pool and an extra-buffer list. Tests decode it with the engine's views.
 */
public final class KernelMemoryImage
{
    public static final int BUF_SIZE = 2048;

    private final Memory memory;
    private final long base;
    private final long size;
    private final long ifOffset;
    private final long bufPoolOffset;
    private final int bufferCount;
    private int nextRing;
    private final long ringPoolOffset;
    private final int slotsPerRing;
    private int interfaces;

    /**
     * @param txRings      NIC TX rings ({@code ni_tx_rings}); RX likewise, plus one host ring pair.
     * @param slotsPerRing slots of every ring.
     * @param bufferCount  buffers in the pool.
     */
    public KernelMemoryImage(final int txRings, final int rxRings, final int hostRings, final int slotsPerRing, final int bufferCount)
    {
        this(txRings, rxRings, hostRings, slotsPerRing, bufferCount, txRings + rxRings + 2 * hostRings);
    }

    /**
     * @param ringCapacity rings the ring pool holds, for images with several interfaces ({@link #addInterface}).
     */
    public KernelMemoryImage(
        final int txRings, final int rxRings, final int hostRings, final int slotsPerRing, final int bufferCount,
        final int ringCapacity)
    {
        this.slotsPerRing = slotsPerRing;
        this.bufferCount = bufferCount;
        this.ifOffset = 4096;
        this.ringPoolOffset = 8192;
        final long ringSize = 256 + 16L * slotsPerRing;
        this.bufPoolOffset = align(ringPoolOffset + ringCapacity * align(ringSize, 128), 4096);
        this.size = bufPoolOffset + (long)bufferCount * BUF_SIZE;
        this.memory = new Memory(size + 4096);
        this.base = align(Pointer.nativeValue(memory), 4096);
        memory.clear();
        writeInterface(ifOffset, "test0", txRings, rxRings, hostRings);
        interfaces = 1;
    }

    /**
     * Adds another netmap_if, as the kernel does for each file descriptor bound in the same region; they sit
     * 512 bytes apart in the interface pool.
     *
     * @return its offset in the region ({@code nr_offset}).
     */
    public long addInterface(final String name, final int txRings, final int rxRings, final int hostRings)
    {
        final long offset = ifOffset + 512L * interfaces++;
        if (offset + 512 > ringPoolOffset)
        {
            throw new IllegalStateException("interface pool full");
        }
        writeInterface(offset, name, txRings, rxRings, hostRings);
        return offset;
    }

    private void writeInterface(final long offset, final String name, final int txRings, final int rxRings, final int hostRings)
    {
        final Pointer nifp = pointer(offset);
        nifp.setString(0, name, "US-ASCII");
        nifp.setInt(16, 14);
        nifp.setInt(24, txRings);
        nifp.setInt(28, rxRings);
        nifp.setInt(36, hostRings);
        nifp.setInt(40, hostRings);
    }

    public long base()
    {
        return base;
    }

    public long size()
    {
        return size;
    }

    public long ifOffset()
    {
        return ifOffset;
    }

    public long bufferBase()
    {
        return base + bufPoolOffset;
    }

    /** @return buffer 0, from the start of the region ({@code nr_buf_pool_offset}). */
    public long bufPoolOffset()
    {
        return bufPoolOffset;
    }

    public int bufferCount()
    {
        return bufferCount;
    }

    public Pointer pointer(final long offset)
    {
        return new Pointer(base + offset);
    }

    /**
     * Adds a ring bound at {@code ring_ofs[index]} whose slot {@code s} holds buffer {@code firstBuffer + s}.
     *
     * @return the ring's offset in the region.
     */
    public long addRing(final int ringOfsIndex, final int ringId, final boolean tx, final int firstBuffer)
    {
        return addRing(ifOffset, ringOfsIndex, ringId, tx, firstBuffer);
    }

    /** As {@link #addRing(int, int, boolean, int)}, for the interface at {@code nifpOffset}. */
    public long addRing(final long nifpOffset, final int ringOfsIndex, final int ringId, final boolean tx, final int firstBuffer)
    {
        final long ringOffset = ringPoolOffset + (nextRing++) * align(256 + 16L * slotsPerRing, 128);
        final Pointer ring = pointer(ringOffset);
        ring.setLong(0, bufPoolOffset - ringOffset);
        ring.setInt(8, slotsPerRing);
        ring.setInt(12, BUF_SIZE);
        ring.setShort(16, (short)ringId);
        ring.setShort(18, (short)(tx ? 0 : 1));
        ring.setInt(28, tx ? slotsPerRing - 1 : 0);
        for (int s = 0; s < slotsPerRing; s++)
        {
            ring.setInt(256 + 16L * s, firstBuffer + s);
            ring.setShort(256 + 16L * s + 4, (short)BUF_SIZE);
        }
        pointer(nifpOffset).setLong(56 + 8L * ringOfsIndex, ringOffset - nifpOffset);
        return ringOffset;
    }

    /** Links {@code buffers} into the extra-buffer list, first element at {@code ni_bufs_head}. */
    public void linkExtraBuffers(final int... buffers)
    {
        linkExtraBuffers(ifOffset, buffers);
    }

    /** As {@link #linkExtraBuffers(int...)}, for the interface at {@code nifpOffset}. */
    public void linkExtraBuffers(final long nifpOffset, final int... buffers)
    {
        int next = 0;
        for (int i = buffers.length - 1; i >= 0; i--)
        {
            pointer(bufPoolOffset + (long)buffers[i] * BUF_SIZE).setInt(0, next);
            next = buffers[i];
        }
        pointer(nifpOffset).setInt(32, next);
    }

    /** @return the buffers on the extra-buffer list, walked as the kernel walks it at close. */
    public int[] extraBufferList()
    {
        return extraBufferList(ifOffset);
    }

    /** As {@link #extraBufferList()}, for the interface at {@code nifpOffset}. */
    public int[] extraBufferList(final long nifpOffset)
    {
        final java.util.List<Integer> list = new java.util.ArrayList<>();
        int idx = pointer(nifpOffset).getInt(32);
        while (idx != 0 && list.size() <= bufferCount)
        {
            list.add(idx);
            idx = pointer(bufPoolOffset + (long)idx * BUF_SIZE).getInt(0);
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return a Region over this image; it is "unmapped" by flipping {@code unmapped[0]}. */
    public Region region(final boolean[] unmapped)
    {
        return new Region("image", 1, base, size, bufferBase(), BUF_SIZE, bufferCount, () -> unmapped[0] = true);
    }

    private static long align(final long value, final long alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
