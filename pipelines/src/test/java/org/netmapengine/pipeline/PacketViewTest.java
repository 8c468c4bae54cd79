package org.netmapengine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.BufferUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacketViewTest
{
    /** The packet sits between two neighbours' bytes, so a stray access would have something to hit. */
    private static final int BEFORE = 64;
    private static final int LENGTH = 60;
    private static final byte NEIGHBOUR = (byte)0xEE;

    private final ByteBuffer memory = ByteBuffer.allocateDirect(BEFORE + LENGTH + 64);
    private final PacketView view = new PacketView();

    @BeforeEach
    void wrapPacket()
    {
        for (int i = 0; i < memory.capacity(); i++)
        {
            memory.put(i, NEIGHBOUR);
        }
        for (int i = 0; i < LENGTH; i++)
        {
            memory.put(BEFORE + i, (byte)i);
        }
        view.wrap(BufferUtil.address(memory) + BEFORE, LENGTH);
    }

    @Test
    void shouldReadFieldsInNetworkByteOrder()
    {
        assertEquals(0x0C, view.u8(12));
        assertEquals(0x0C0D, view.u16(12));
        assertEquals(0x0C0D0E0FL, view.u32(12));
        assertEquals(0x0C0D0E0F, view.i32(12));
        assertEquals(0x0C0D0E0F1011L, view.u48(12));
        assertEquals(0x0C0D0E0F10111213L, view.u64(12));
        assertEquals(0xF0F1F2F3L, view.wrap(address(0xF0F1F2F3), 4).u32(0), "unsigned beyond 2^31");
    }

    @Test
    void shouldWriteFieldsInNetworkByteOrderInPlace()
    {
        view.u8(0, 0xAB);
        view.u16(2, 0x0800);
        view.u32(4, 0xC0A80001L);
        view.u48(8, 0x0200_0000_0001L);

        assertEquals((byte)0xAB, memory.get(BEFORE));
        assertEquals((short)0x0800, memory.order(ByteOrder.BIG_ENDIAN).getShort(BEFORE + 2));
        assertEquals(0xC0A80001, memory.getInt(BEFORE + 4));
        assertEquals(0x0200, memory.getShort(BEFORE + 8));
        assertEquals(0x0000_0001, memory.getInt(BEFORE + 10));
    }

    @Test
    void shouldReadNativeWordsInTheMachinesOrder()
    {
        assertEquals(memory.order(ByteOrder.nativeOrder()).getLong(BEFORE + 8), view.nativeU64(8));
        assertEquals(memory.getInt(BEFORE + 8) & 0xFFFF_FFFFL, view.nativeU32(8));
    }

    @Test
    void shouldReadTheLastByteOfThePacket()
    {
        assertEquals(LENGTH - 1, view.u8(LENGTH - 1));
        assertEquals(((LENGTH - 2) << 8) | (LENGTH - 1), view.u16(LENGTH - 2));
        assertEquals(memory.order(ByteOrder.nativeOrder()).getLong(BEFORE + LENGTH - 8), view.nativeU64(LENGTH - 8));
    }

    @Test
    void shouldRejectEveryAccessThatReachesPastTheEndOfThePacket()
    {
        assertThrows(IndexOutOfBoundsException.class, () -> view.u8(LENGTH));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u16(LENGTH - 1));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u32(LENGTH - 3));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u48(LENGTH - 5));
        assertThrows(IndexOutOfBoundsException.class, () -> view.nativeU64(LENGTH - 7));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u64(LENGTH - 7));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u16(LENGTH - 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u32(Integer.MAX_VALUE, 0));
        assertEquals(NEIGHBOUR, memory.get(BEFORE + LENGTH), "the next buffer's bytes are untouched");
    }

    @Test
    void shouldRejectNegativeOffsets()
    {
        assertThrows(IndexOutOfBoundsException.class, () -> view.u8(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u32(Integer.MIN_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> view.u8(-1, 0));
        assertEquals(NEIGHBOUR, memory.get(BEFORE - 1), "the previous buffer's bytes are untouched");
    }

    @Test
    void shouldNameTheOffsetAndThePacketLengthWhenAnAccessIsOutside()
    {
        assertEquals("offset 59 + 2 bytes is outside the packet of 60 bytes",
            assertThrows(IndexOutOfBoundsException.class, () -> view.u16(59)).getMessage());
    }

    @Test
    void shouldBoundAnEmptyPacketToNothing()
    {
        view.wrap(BufferUtil.address(memory) + BEFORE, 0);

        assertEquals(0, view.length());
        assertThrows(IndexOutOfBoundsException.class, () -> view.u8(0));
    }

    @Test
    void shouldRejectANegativeLength()
    {
        assertThrows(IllegalArgumentException.class, () -> view.wrap(BufferUtil.address(memory), -1));
    }

    @Test
    void shouldOfferThePacketAsABufferForBulkAccess()
    {
        assertEquals(LENGTH, view.buffer().capacity());
        assertEquals(7, view.buffer().getByte(7));
        assertEquals(BufferUtil.address(memory) + BEFORE, view.buffer().addressOffset());
    }

    private long address(final int bigEndianValue)
    {
        memory.order(ByteOrder.BIG_ENDIAN).putInt(0, bigEndianValue);
        return BufferUtil.address(memory);
    }
}
