package org.netmapengine.io.ring;

import java.util.Arrays;

/**
 * The free buffer indices of one port: a bounded LIFO stack of {@code int}s (the most recently freed
 * buffer is the most likely to be in cache).
 * <p>
 * Capacity is the number of buffers the port owns, so a push onto a full list is a double return and
 * fails loudly instead of corrupting the pool. {@link #NULL_INDEX} (netmap's null buffer) is the
 * "missing" value of {@link #pop()}.
 * <p>
 * Not thread-safe: owned by the port's receiver.
 */
public final class FreeList
{
    /** Returned by {@link #pop()} when the list is empty; never a valid buffer. */
    public static final int NULL_INDEX = 0;

    private final int[] indices;
    private int size;

    public FreeList(final int capacity)
    {
        this.indices = new int[capacity];
    }

    public int size()
    {
        return size;
    }

    public int capacity()
    {
        return indices.length;
    }

    public boolean isEmpty()
    {
        return 0 == size;
    }

    /**
     * @throws IllegalStateException when the list is full: more buffers returned than the port owns.
     */
    public void push(final int bufIdx)
    {
        if (size == indices.length)
        {
            throw new IllegalStateException("free list full: capacity=" + indices.length +
                ", returning bufIdx=" + bufIdx + " is a double return");
        }
        indices[size++] = bufIdx;
    }

    /** Pushes {@code count} indices from {@code from[offset..]}. */
    public void pushAll(final int[] from, final int offset, final int count)
    {
        if (size + count > indices.length)
        {
            throw new IllegalStateException("free list overflow: capacity=" + indices.length + " size=" + size +
                " returning=" + count + " (a double return)");
        }
        System.arraycopy(from, offset, indices, size, count);
        size += count;
    }

    /** @return a free buffer index, or {@link #NULL_INDEX} when none is left. */
    public int pop()
    {
        return 0 == size ? NULL_INDEX : indices[--size];
    }

    /** @return the index at position {@code i} from the bottom, without removing it. */
    public int get(final int i)
    {
        if (i < 0 || i >= size)
        {
            throw new IndexOutOfBoundsException("i=" + i + " size=" + size);
        }
        return indices[i];
    }

    /** @return a copy of the indices currently free. */
    public int[] toArray()
    {
        return Arrays.copyOf(indices, size);
    }

    /** Empties the list. */
    public void clear()
    {
        size = 0;
    }

    @Override
    public String toString()
    {
        return "FreeList[" + size + "/" + indices.length + "]";
    }
}
