package org.netmapengine.pipeline;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * A flyweight over one packet's bytes in off-heap memory: reads and writes header fields in place, in
 * network byte order, with no copy and no allocation. Wrap it over a packet, use it, wrap the next.
 * <p>
 * Bounds are the packet's length: a read past it fails (with Agrona's bounds checks on) rather than reading
 * the next packet's buffer; parsers check lengths before they read.
 * <p>
 * Not thread-safe: one view per thread.
 */
public final class PacketView
{
    private static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;

    private final UnsafeBuffer bytes = new UnsafeBuffer(0, 0);

    /** Points the view at packet {@code i} of {@code batch}. */
    public PacketView wrap(final PacketBatch batch, final int i)
    {
        bytes.wrap(batch.packetAddress(i), batch.length(i));
        return this;
    }

    /** Points the view at {@code length} bytes at {@code address}. */
    public PacketView wrap(final long address, final int length)
    {
        bytes.wrap(address, length);
        return this;
    }

    public int length()
    {
        return bytes.capacity();
    }

    /** @return the underlying buffer, for bulk access. */
    public UnsafeBuffer buffer()
    {
        return bytes;
    }

    public int u8(final int offset)
    {
        return bytes.getByte(offset) & 0xFF;
    }

    public int u16(final int offset)
    {
        return bytes.getShort(offset, NETWORK) & 0xFFFF;
    }

    public long u32(final int offset)
    {
        return bytes.getInt(offset, NETWORK) & 0xFFFF_FFFFL;
    }

    public int i32(final int offset)
    {
        return bytes.getInt(offset, NETWORK);
    }

    /** @return 6 bytes (a MAC address) as the low 48 bits of a long. */
    public long u48(final int offset)
    {
        return ((long)u16(offset) << 32) | u32(offset + 2);
    }

    public void u8(final int offset, final int value)
    {
        bytes.putByte(offset, (byte)value);
    }

    public void u16(final int offset, final int value)
    {
        bytes.putShort(offset, (short)value, NETWORK);
    }

    public void u32(final int offset, final long value)
    {
        bytes.putInt(offset, (int)value, NETWORK);
    }

    public void u48(final int offset, final long value)
    {
        u16(offset, (int)(value >>> 32));
        u32(offset + 2, value);
    }
}
