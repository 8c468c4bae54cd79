package org.netmapengine.io.kernel;

import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A struct written by hand from the literal offsets of {@code netmap-seeds.md} §2 (never from the descriptor
 * constants under test), in the machine's byte order, to compare with what the engine put into native memory.
 */
final class ExpectedBytes
{
    private final ByteBuffer bytes;

    ExpectedBytes(final int size)
    {
        this.bytes = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    ExpectedBytes u16(final int offset, final int value)
    {
        bytes.putShort(offset, (short)value);
        return this;
    }

    ExpectedBytes u32(final int offset, final long value)
    {
        bytes.putInt(offset, (int)value);
        return this;
    }

    ExpectedBytes u64(final int offset, final long value)
    {
        bytes.putLong(offset, value);
        return this;
    }

    ExpectedBytes ascii(final int offset, final String text)
    {
        final byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++)
        {
            bytes.put(offset + i, b[i]);
        }
        return this;
    }

    byte[] toArray()
    {
        return Arrays.copyOf(bytes.array(), bytes.capacity());
    }

    /** @return {@code size} bytes of native memory at {@code address}. */
    static byte[] read(final long address, final int size)
    {
        return new Pointer(address).getByteArray(0, size);
    }

    /**
     * {@code struct nmreq_header} (88 bytes): nr_version u16 @0, nr_reqtype u16 @2, nr_reserved u32 @4,
     * nr_name char[64] @8, nr_options u64 @72, nr_body u64 @80.
     */
    static byte[] header(final int reqType, final String name, final long options, final long body)
    {
        return new ExpectedBytes(88).u16(0, 14).u16(2, reqType).u32(4, 0).ascii(8, name).u64(72, options)
            .u64(80, body).toArray();
    }

    /**
     * {@code struct nmreq_register} (56 bytes) with the in fields the engine sets: nr_tx_slots u32 @16,
     * nr_rx_slots u32 @20, nr_tx_rings u16 @24, nr_rx_rings u16 @26, nr_host_tx_rings u16 @28,
     * nr_host_rx_rings u16 @30, nr_mem_id u16 @32, nr_ringid u16 @34, nr_mode u32 @36, nr_extra_bufs u32 @40,
     * padding @44, nr_flags u64 @48.
     */
    static ExpectedBytes register(final int mode, final int ringId, final int memId, final int extraBufs, final long flags)
    {
        return new ExpectedBytes(56).u16(32, memId).u16(34, ringId).u32(36, mode).u32(40, extraBufs).u64(48, flags);
    }
}
