package org.netmapengine.pipeline;

/**
 * A batch of packet handles: parallel primitive arrays, one entry per packet, reused for ever rather than
 * allocated per packet or per batch.
 * <p>
 * A handle owns one buffer exclusively: the buffer's index in its memory region, its address, where the
 * packet starts in it and how long it is. The handle also names its <em>owner</em> (the port whose free list
 * the buffer returns to when the packet is transmitted or dropped, an accounting notion) and its
 * <em>region</em> (buffers of the same region can be swapped without a copy).
 * <p>
 * Not thread-safe. A batch belongs to one actor at a time and changes hands only inside a message.
 */
public final class PacketBatch
{
    private int[] bufIdx;
    private long[] address;
    private int[] offset;
    private int[] length;
    private int[] owner;
    private int[] region;
    private int[] inPort;
    private int[] hash;
    private int count;
    private long timestampNanos;

    public PacketBatch(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("capacity must be positive: capacity=" + capacity);
        }
        bufIdx = new int[capacity];
        address = new long[capacity];
        offset = new int[capacity];
        length = new int[capacity];
        owner = new int[capacity];
        region = new int[capacity];
        inPort = new int[capacity];
        hash = new int[capacity];
    }

    public int capacity()
    {
        return bufIdx.length;
    }

    public int count()
    {
        return count;
    }

    public boolean isEmpty()
    {
        return 0 == count;
    }

    public boolean isFull()
    {
        return count == bufIdx.length;
    }

    /**
     * Exchanges contents with {@code other}, of the same capacity, without copying a handle: how a stage actor
     * forwards the batch it received, carrying what it produced, instead of a batch of its own.
     */
    public void swapContents(final PacketBatch other)
    {
        if (other.capacity() != capacity())
        {
            throw new IllegalArgumentException("capacities differ: " + capacity() + " and " + other.capacity());
        }
        final int[] b = bufIdx; bufIdx = other.bufIdx; other.bufIdx = b;
        final long[] a = address; address = other.address; other.address = a;
        final int[] o = offset; offset = other.offset; other.offset = o;
        final int[] l = length; length = other.length; other.length = l;
        final int[] w = owner; owner = other.owner; other.owner = w;
        final int[] r = region; region = other.region; other.region = r;
        final int[] p = inPort; inPort = other.inPort; other.inPort = p;
        final int[] h = hash; hash = other.hash; other.hash = h;
        final int c = count; count = other.count; other.count = c;
        final long t = timestampNanos; timestampNanos = other.timestampNanos; other.timestampNanos = t;
    }

    /** Forgets every handle (the caller has passed them on). */
    public void clear()
    {
        count = 0;
    }

    /** @return when the batch was received, {@link System#nanoTime()} of its receiver. */
    public long timestampNanos()
    {
        return timestampNanos;
    }

    public void timestampNanos(final long nanos)
    {
        this.timestampNanos = nanos;
    }

    /**
     * Appends a handle.
     *
     * @return its index in the batch.
     */
    public int add(
        final int bufIdx,
        final long bufferAddress,
        final int offset,
        final int length,
        final int owner,
        final int region,
        final int inPort)
    {
        final int i = count++;
        this.bufIdx[i] = bufIdx;
        this.address[i] = bufferAddress;
        this.offset[i] = offset;
        this.length[i] = length;
        this.owner[i] = owner;
        this.region[i] = region;
        this.inPort[i] = inPort;
        this.hash[i] = 0;
        return i;
    }

    /** Appends packet {@code i} of {@code from}, every field of it. */
    public int addFrom(final PacketBatch from, final int i)
    {
        final int j = count++;
        bufIdx[j] = from.bufIdx[i];
        address[j] = from.address[i];
        offset[j] = from.offset[i];
        length[j] = from.length[i];
        owner[j] = from.owner[i];
        region[j] = from.region[i];
        inPort[j] = from.inPort[i];
        hash[j] = from.hash[i];
        return j;
    }

    /** @return index of the packet's buffer in its region. */
    public int bufIdx(final int i)
    {
        return bufIdx[i];
    }

    /** Changes the packet's buffer (after a swap): index and address together. */
    public void buffer(final int i, final int bufIdx, final long bufferAddress)
    {
        this.bufIdx[i] = bufIdx;
        this.address[i] = bufferAddress;
    }

    /** @return absolute address of the packet's buffer (not of the packet: add {@link #offset(int)}). */
    public long bufferAddress(final int i)
    {
        return address[i];
    }

    /** @return absolute address of the packet's first byte. */
    public long packetAddress(final int i)
    {
        return address[i] + offset[i];
    }

    /** @return where the packet starts in its buffer; room before it is headroom. */
    public int offset(final int i)
    {
        return offset[i];
    }

    public void offset(final int i, final int offset)
    {
        this.offset[i] = offset;
    }

    public int length(final int i)
    {
        return length[i];
    }

    public void length(final int i, final int length)
    {
        this.length[i] = length;
    }

    /** @return the port the buffer goes back to. */
    public int owner(final int i)
    {
        return owner[i];
    }

    /** @return the JVM-wide id of the buffer's memory region. */
    public int region(final int i)
    {
        return region[i];
    }

    /** @return the port the packet arrived on. */
    public int inPort(final int i)
    {
        return inPort[i];
    }

    /** @return the packet's flow hash, 0 until a stage computes one. */
    public int hash(final int i)
    {
        return hash[i];
    }

    public void hash(final int i, final int hash)
    {
        this.hash[i] = hash;
    }

    @Override
    public String toString()
    {
        return "PacketBatch[" + count + "/" + bufIdx.length + "]";
    }
}
