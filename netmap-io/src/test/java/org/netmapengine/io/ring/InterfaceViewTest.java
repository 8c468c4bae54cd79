package org.netmapengine.io.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InterfaceViewTest
{
    @Test
    void shouldOrderRingsNicTxHostTxNicRxHostRx()
    {
        final KernelMemoryImage image = new KernelMemoryImage(2, 2, 2, 8, 128);
        final long nicTx1 = image.addRing(1, 1, true, 10);
        final long hostTx1 = image.addRing(3, 3, true, 20);
        final long nicRx0 = image.addRing(4, 0, false, 30);
        final long hostRx0 = image.addRing(6, 2, false, 40);
        final InterfaceView nifp = new InterfaceView(image.base() + image.ifOffset());

        assertEquals("test0", nifp.name());
        assertEquals(2, nifp.txRings());
        assertEquals(2, nifp.hostTxRings());
        assertEquals(8, nifp.totalRings());
        assertEquals(image.base() + nicTx1, nifp.txRingAddress(1));
        assertEquals(image.base() + hostTx1, nifp.txRingAddress(3));
        assertEquals(image.base() + nicRx0, nifp.rxRingAddress(0));
        assertEquals(image.base() + hostRx0, nifp.rxRingAddress(2));
    }

    @Test
    void shouldReportUnboundRingsAsZeroNotTheInterface()
    {
        final KernelMemoryImage image = new KernelMemoryImage(2, 2, 1, 8, 64);
        image.addRing(2 + 1, 0, false, 10);
        final InterfaceView nifp = new InterfaceView(image.base() + image.ifOffset());
        assertEquals(0, nifp.txRingAddress(0), "ring_ofs == 0 must not become the nifp's own address");
        assertEquals(0, nifp.txRingAddress(1));
        assertEquals(0, nifp.rxRingAddress(1));
    }

    @Test
    void shouldTreatZeroHostRingsOfAnOlderKernelAsOne()
    {
        final KernelMemoryImage image = new KernelMemoryImage(1, 1, 0, 8, 64);
        final long rx = image.addRing(2, 0, false, 10);
        final InterfaceView nifp = new InterfaceView(image.base() + image.ifOffset());
        assertEquals(1, nifp.hostTxRings());
        assertEquals(image.base() + rx, nifp.rxRingAddress(0));
    }
}
