package org.netmapengine.pipeline.testing;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.pipeline.PacketBatch;

import java.nio.ByteBuffer;

/**
 * A {@link PacketBatch} over buffers in native memory, as a receiver would hand one to a stage: each packet in a
 * buffer of its own, after some headroom.
 */
public final class OffHeapBatch
{
    public static final int BUFFER_SIZE = 2048;
    public static final int HEADROOM = 64;

    private final ByteBuffer memory;
    private final UnsafeBuffer buffers;
    private final PacketBatch batch;

    public OffHeapBatch(final int capacity)
    {
        memory = BufferUtil.allocateDirectAligned(capacity * BUFFER_SIZE, 64);
        buffers = new UnsafeBuffer(memory);
        batch = new PacketBatch(capacity);
    }

    /** @return a batch holding these frames, in order. */
    public static OffHeapBatch of(final byte[]... frames)
    {
        final OffHeapBatch batch = new OffHeapBatch(Math.max(1, frames.length));
        for (final byte[] frame : frames)
        {
            batch.add(frame);
        }
        return batch;
    }

    /** Copies {@code frame} into the next buffer, after {@link #HEADROOM} bytes, and appends its handle. */
    public int add(final byte[] frame)
    {
        return add(frame, HEADROOM, 0);
    }

    /**
     * Copies {@code frame} into the next buffer at {@code offset} and appends its handle, arrived on port
     * {@code inPort}.
     */
    public int add(final byte[] frame, final int offset, final int inPort)
    {
        if (offset + frame.length > BUFFER_SIZE)
        {
            throw new IllegalArgumentException("frame too long for a test buffer: length=" + frame.length +
                " offset=" + offset);
        }
        final int i = batch.count();
        final int bufferOffset = i * BUFFER_SIZE;
        buffers.setMemory(bufferOffset, BUFFER_SIZE, (byte)0xEE);
        buffers.putBytes(bufferOffset + offset, frame);
        return batch.add(i, buffers.addressOffset() + bufferOffset, offset, frame.length, 0, 0, inPort);
    }

    public PacketBatch batch()
    {
        return batch;
    }

    /** @return the bytes of packet {@code i} as they are now in native memory. */
    public byte[] bytes(final int i)
    {
        final byte[] bytes = new byte[batch.length(i)];
        buffers.getBytes(i * BUFFER_SIZE + batch.offset(i), bytes);
        return bytes;
    }

    /** Keeps the memory reachable until the test is done with the addresses. */
    public ByteBuffer memory()
    {
        return memory;
    }
}
