package org.netmapengine.pipeline;

import org.agrona.UnsafeAccess;
import org.agrona.concurrent.UnsafeBuffer;
import sun.misc.Unsafe;

import java.nio.ByteOrder;

/**
 * A flyweight over one packet's bytes in off-heap memory: reads and writes header fields in place, in
 * network byte order, with no copy and no allocation. Wrap it over a packet, use it, wrap the next.
 * <p>
 * Bounds are the packet's length, always checked: a read or write past it throws
 * {@link IndexOutOfBoundsException} rather than touching the next packet's buffer, whatever
 * {@code agrona.disable.bounds.checks} says. The view keeps address and length in its own fields and reads raw
 * addresses, so one comparison per access is all the check costs (through an {@link UnsafeBuffer} it cost a
 * stage as much as its parsing). Parsers check lengths before they read, so this check never fires for them.
 * <p>
 * Not thread-safe: one view per thread.
 */
public final class PacketView
{
    private static final Unsafe UNSAFE = UnsafeAccess.UNSAFE;
    private static final boolean NATIVE_IS_NETWORK = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private final UnsafeBuffer bytes = new UnsafeBuffer(0, 0);
    private long address;
    private int length;

    /** Points the view at packet {@code i} of {@code batch}. */
    public PacketView wrap(final PacketBatch batch, final int i)
    {
        return wrap(batch.packetAddress(i), batch.length(i));
    }

    /** Points the view at {@code length} bytes at {@code address}. */
    public PacketView wrap(final long address, final int length)
    {
        if (length < 0)
        {
            throw new IllegalArgumentException("negative packet length " + length);
        }
        this.address = address;
        this.length = length;
        return this;
    }

    public int length()
    {
        return length;
    }

    /** @return the packet's bytes as a buffer, for bulk access; valid until the view is wrapped again. */
    public UnsafeBuffer buffer()
    {
        bytes.wrap(address, length);
        return bytes;
    }

    public int u8(final int offset)
    {
        return UNSAFE.getByte(at(offset, Byte.BYTES)) & 0xFF;
    }

    public int u16(final int offset)
    {
        return network(UNSAFE.getShort(at(offset, Short.BYTES))) & 0xFFFF;
    }

    public long u32(final int offset)
    {
        return i32(offset) & 0xFFFF_FFFFL;
    }

    public int i32(final int offset)
    {
        return network(UNSAFE.getInt(at(offset, Integer.BYTES)));
    }

    /** @return 8 bytes in network order: several header fields in one read, for a parser's fast path. */
    public long u64(final int offset)
    {
        final long value = UNSAFE.getLong(at(offset, Long.BYTES));
        return NATIVE_IS_NETWORK ? value : Long.reverseBytes(value);
    }

    /** @return 6 bytes (a MAC address) as the low 48 bits of a long. */
    public long u48(final int offset)
    {
        return ((long)u16(offset) << 32) | u32(offset + 2);
    }

    /**
     * @return 8 bytes in the machine's byte order: for sums and hashes whose result does not depend on it (the
     *         Internet checksum), one read instead of eight.
     */
    public long nativeU64(final int offset)
    {
        return UNSAFE.getLong(at(offset, Long.BYTES));
    }

    /** @return 4 bytes in the machine's byte order, as {@link #nativeU64} does for 8. */
    public long nativeU32(final int offset)
    {
        return UNSAFE.getInt(at(offset, Integer.BYTES)) & 0xFFFF_FFFFL;
    }

    public void u8(final int offset, final int value)
    {
        UNSAFE.putByte(at(offset, Byte.BYTES), (byte)value);
    }

    public void u16(final int offset, final int value)
    {
        UNSAFE.putShort(at(offset, Short.BYTES), network((short)value));
    }

    public void u32(final int offset, final long value)
    {
        UNSAFE.putInt(at(offset, Integer.BYTES), network((int)value));
    }

    public void u48(final int offset, final long value)
    {
        u16(offset, (int)(value >>> 32));
        u32(offset + 2, value);
    }

    /** @return the address of {@code size} bytes at {@code offset}, all inside the packet. */
    private long at(final int offset, final int size)
    {
        if (offset < 0 || offset > length - size)
        {
            throw outside(offset, size);
        }
        return address + offset;
    }

    private IndexOutOfBoundsException outside(final int offset, final int size)
    {
        return new IndexOutOfBoundsException(
            "offset " + offset + " + " + size + " bytes is outside the packet of " + length + " bytes");
    }

    private static short network(final short value)
    {
        return NATIVE_IS_NETWORK ? value : Short.reverseBytes(value);
    }

    private static int network(final int value)
    {
        return NATIVE_IS_NETWORK ? value : Integer.reverseBytes(value);
    }
}
