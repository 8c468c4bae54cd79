package org.netmapengine.io.ring;

import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.netmapengine.io.abi.NetmapApi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingViewTest
{
    private final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 64);
    private final long txOffset = image.addRing(0, 0, true, 10);
    private final long rxOffset = image.addRing(2, 0, false, 20);
    private final RingView tx = new RingView(image.base() + txOffset);
    private final RingView rx = new RingView(image.base() + rxOffset);
    private final Pointer rxRaw = image.pointer(rxOffset);

    @Test
    void shouldReadTheHeaderTheKernelWrote()
    {
        assertEquals(8, tx.numSlots());
        assertEquals(2048, tx.bufferSize());
        assertTrue(tx.isTx());
        assertFalse(rx.isTx());
        assertEquals(image.bufferBase(), tx.bufferBase());
        assertEquals(image.bufferBase(), rx.bufferBase(), "every ring of a region yields the same buffer base");
    }

    @Test
    void shouldPublishHeadAndCurAtTheirOffsets()
    {
        rx.advanceRelease(5);
        assertEquals(5, rxRaw.getInt(20), "head");
        assertEquals(5, rxRaw.getInt(24), "cur");
        assertEquals(5, rx.head());
        assertEquals(5, rx.cur());
    }

    @Test
    void shouldReadTailTheKernelPublished()
    {
        rxRaw.setInt(28, 6);
        assertEquals(6, rx.tailAcquire());
    }

    @Test
    void shouldCountSpaceFromHeadNotCur()
    {
        rxRaw.setInt(20, 2);
        rxRaw.setInt(24, 7);
        rxRaw.setInt(28, 7);
        assertEquals(5, rx.space(), "cur parked at tail must not hide the packets between head and tail");
        assertFalse(rx.isEmpty());
    }

    @Test
    void shouldBeEmptyWhenHeadMeetsTailWhateverCur()
    {
        rxRaw.setInt(20, 4);
        rxRaw.setInt(24, 3);
        rxRaw.setInt(28, 4);
        assertTrue(rx.isEmpty());
        assertEquals(0, rx.space());
    }

    @Test
    void shouldWrapSpaceAroundTheRing()
    {
        rxRaw.setInt(20, 6);
        rxRaw.setInt(24, 6);
        rxRaw.setInt(28, 2);
        assertEquals(4, rx.space());
        assertEquals(7, rx.next(6));
        assertEquals(0, rx.next(7));
        assertEquals(1, rx.advance(6, 3));
    }

    @Test
    void shouldGiveTheInitialTxRingAllSlotsButTheReservedOne()
    {
        assertEquals(7, tx.space());
    }

    @Test
    void shouldReadSlotFieldsAtTheirOffsets()
    {
        final long slot3 = 256 + 16 * 3;
        rxRaw.setInt(slot3, 42);
        rxRaw.setShort(slot3 + 4, (short)60000);
        rxRaw.setShort(slot3 + 6, (short)NetmapApi.NS_MOREFRAG);
        rxRaw.setLong(slot3 + 8, 0x1234_5678_9ABCL);
        assertEquals(42, rx.bufIdx(3));
        assertEquals(60000, rx.len(3), "len is an unsigned 16-bit field");
        assertEquals(NetmapApi.NS_MOREFRAG, rx.slotFlags(3));
        assertEquals(0x1234_5678_9ABCL, rx.ptr(3));
    }

    @Test
    void shouldWriteAndReadASlotsFirstEightBytesInOneGo()
    {
        rx.slotHead(5, 77, 1514, NetmapApi.NS_BUF_CHANGED);
        assertEquals(77, rx.bufIdx(5));
        assertEquals(1514, rx.len(5));
        assertEquals(NetmapApi.NS_BUF_CHANGED, rx.slotFlags(5));
        assertEquals(77L | 1514L << 32 | (long)NetmapApi.NS_BUF_CHANGED << 48, rx.slotHead(5));
    }

    @Test
    void shouldDecodeTheFieldsOfASlotHeadAsWritten()
    {
        rx.slotHead(6, 0x7FFF_FFF0, 0xFFFF, NetmapApi.NS_MOREFRAG | NetmapApi.NS_BUF_CHANGED);

        final long head = rx.slotHead(6);

        assertEquals(0x7FFF_FFF0, RingView.headBufIdx(head));
        assertEquals(0xFFFF, RingView.headLength(head));
        assertEquals(NetmapApi.NS_MOREFRAG | NetmapApi.NS_BUF_CHANGED, RingView.headFlags(head));
    }

    @Test
    void shouldRejectSlotIndicesOutsideTheRingWhateverAgronasBoundsChecksSay()
    {
        final long lastSlotWord = rxRaw.getLong(256 + 16 * 7);
        for (final int bad : new int[]{-1, -16, 8, Integer.MAX_VALUE, Integer.MIN_VALUE})
        {
            assertThrows(IndexOutOfBoundsException.class, () -> rx.slotHead(bad), "read of slot " + bad);
            assertThrows(IndexOutOfBoundsException.class, () -> rx.slotHead(bad, 1, 2, 0), "write of slot " + bad);
            assertThrows(IndexOutOfBoundsException.class, () -> rx.swapBuffer(bad, 3), "swap of slot " + bad);
            assertThrows(IndexOutOfBoundsException.class, () -> rx.copySlotTo(0, tx, bad), "copy to slot " + bad);
        }
        assertEquals("slot 8 outside [0, 8) of " + rx,
            assertThrows(IndexOutOfBoundsException.class, () -> rx.len(8)).getMessage());
        assertEquals(lastSlotWord, rxRaw.getLong(256 + 16 * 7), "the ring is untouched");
    }

    @Test
    void shouldFlagBufChangedOnSwap()
    {
        final int old = rx.swapBuffer(1, 50);
        assertEquals(21, old);
        assertEquals(50, rxRaw.getInt(256 + 16));
        assertEquals(NetmapApi.NS_BUF_CHANGED, rxRaw.getShort(256 + 16 + 6) & NetmapApi.NS_BUF_CHANGED);
    }

    @Test
    void shouldComputeBufferAddressesIn64Bits()
    {
        final long far = 3_000_000L;
        assertEquals(image.bufferBase() + far * 2048, rx.bufferAddress((int)far), "no 32-bit overflow past 4 GiB");
        assertEquals(image.bufferBase() + 21L * 2048, rx.slotBufferAddress(1));
    }

    @Test
    void shouldReadThePacketOffsetThroughTheOffsetMask()
    {
        rxRaw.setLong(56, 0xFF);
        rxRaw.setLong(256 + 8, 0xAB00 | 64);
        assertEquals(64, rx.packetOffset(0));
    }

    @Test
    void shouldCopyWholeSlotsAsAPipeDoes()
    {
        rxRaw.setShort(256 + 16 * 2 + 6, (short)NetmapApi.NS_BUF_CHANGED);
        rx.copySlotTo(2, tx, 5);
        assertEquals(22, tx.bufIdx(5));
        assertEquals(NetmapApi.NS_BUF_CHANGED, tx.slotFlags(5));
    }

    @Test
    void shouldRefuseAnUnboundRing()
    {
        assertThrows(IllegalArgumentException.class, () -> new RingView(0));
    }
}
