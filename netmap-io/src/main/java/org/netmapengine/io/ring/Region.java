package org.netmapengine.io.ring;

import org.netmapengine.io.abi.NetmapApi;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One mapping of one netmap memory allocator: its base address, size and buffer pool.
 * <p>
 * Buffer indices mean something only inside their region; zero-copy between two ports needs the same
 * region ({@link #sameMemory(Region)}), otherwise the engine copies. A region is shared by every port
 * opened in it and unmapped when the last one releases it ({@link #retain()} / {@link #release()}).
 * <p>
 * Thread-safe: immutable but for the reference count.
 */
public final class Region
{
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private final int id;
    private final String name;
    private final int memId;
    private final long address;
    private final long size;
    private final long bufferBase;
    private final int bufferSize;
    private final int bufferCount;
    private final Runnable unmap;
    private final AtomicInteger references = new AtomicInteger(1);

    /**
     * @param name        what the region is, for people ("netmap mem 1", a file path).
     * @param memId       netmap's memory id ({@code nr_mem_id}).
     * @param address     where the region is mapped.
     * @param size        bytes mapped.
     * @param bufferBase  absolute address of buffer 0.
     * @param bufferSize  bytes per buffer.
     * @param bufferCount buffers in the pool ({@code objtotal}); valid indices are {@code [2, bufferCount)}.
     * @param unmap       run once, when the last reference is released.
     */
    public Region(
        final String name,
        final int memId,
        final long address,
        final long size,
        final long bufferBase,
        final int bufferSize,
        final int bufferCount,
        final Runnable unmap)
    {
        if (bufferBase < address || bufferBase + (long)bufferSize * bufferCount > address + size)
        {
            throw new IllegalArgumentException("buffer pool outside the region: name=" + name + " size=" + size +
                " bufferBase-address=" + (bufferBase - address) + " bufferSize=" + bufferSize +
                " bufferCount=" + bufferCount);
        }
        this.id = NEXT_ID.getAndIncrement();
        this.name = name;
        this.memId = memId;
        this.address = address;
        this.size = size;
        this.bufferBase = bufferBase;
        this.bufferSize = bufferSize;
        this.bufferCount = bufferCount;
        this.unmap = unmap;
    }

    /** @return an id unique within this JVM, for tagging handles. */
    public int id()
    {
        return id;
    }

    public String name()
    {
        return name;
    }

    /** @return netmap's memory id of the allocator. */
    public int memId()
    {
        return memId;
    }

    public long address()
    {
        return address;
    }

    public long size()
    {
        return size;
    }

    public int bufferSize()
    {
        return bufferSize;
    }

    public int bufferCount()
    {
        return bufferCount;
    }

    /** @return absolute address of buffer {@code bufIdx}, computed in 64 bits. */
    public long bufferAddress(final int bufIdx)
    {
        return bufferBase + (long)bufIdx * bufferSize;
    }

    /** @return true for indices a packet can own: not the reserved 0 and 1, inside the pool. */
    public boolean isValidBuffer(final int bufIdx)
    {
        return bufIdx >= NetmapApi.NETMAP_FIRST_VALID_BUFFER && bufIdx < bufferCount;
    }

    /** @return true when buffers of {@code other} can be swapped with ours without a copy. */
    public boolean sameMemory(final Region other)
    {
        return this == other;
    }

    /** Adds a reference for one more port. */
    public void retain()
    {
        if (references.getAndIncrement() <= 0)
        {
            throw new IllegalStateException("region already unmapped: " + name);
        }
    }

    /**
     * Adds a reference unless the last one is already gone.
     *
     * @return false when the region is unmapped or being unmapped.
     */
    public boolean tryRetain()
    {
        int current;
        do
        {
            current = references.get();
            if (current <= 0)
            {
                return false;
            }
        }
        while (!references.compareAndSet(current, current + 1));
        return true;
    }

    /** Drops a reference; the last one unmaps the region. */
    public void release()
    {
        final int left = references.decrementAndGet();
        if (0 == left)
        {
            unmap.run();
        }
        else if (left < 0)
        {
            throw new IllegalStateException("region released more often than retained: " + name);
        }
    }

    /** @return true until the last reference is released. */
    public boolean isMapped()
    {
        return references.get() > 0;
    }

    @Override
    public String toString()
    {
        return "Region[" + name + " mem_id=" + memId + " size=" + size + " buffers=" + bufferCount + "x" +
            bufferSize + "]";
    }
}
