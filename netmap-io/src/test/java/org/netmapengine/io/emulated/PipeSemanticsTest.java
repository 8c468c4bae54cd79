package org.netmapengine.io.emulated;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * netmap pipe semantics, as the emulated backend reproduces them in one process.
 */
class PipeSemanticsTest
{
    @TempDir
    Path dir;

    private EmulatedConfig config()
    {
        return EmulatedConfig.DEFAULT.withDirectory(dir).withBuffers(16384);
    }

    private NetmapPort open(final String name, final PortOptions options)
    {
        return new EmulatedBackend(config()).open(PortSpec.parse(name), options);
    }

    private NetmapPort open(final String name)
    {
        return open(name, PortOptions.DEFAULT);
    }

    private int freeBuffers(final String region)
    {
        final EmulatedRegion mapped = EmulatedRegion.acquire(config(), region, 0, "test");
        try
        {
            return mapped.freeBuffers();
        }
        finally
        {
            mapped.region().release();
        }
    }

    private static void send(final NetmapPort port, final int len, final int flags)
    {
        final RingView tx = port.txRing(0);
        final int head = tx.head();
        tx.len(head, len);
        tx.slotFlags(head, flags);
        tx.advanceRelease(tx.next(head));
        port.txSync();
    }

    @Test
    void shouldReportTheEmulatedBackendAndTheKernelLayout()
    {
        try (NetmapPort master = open("netmap:lay{0"))
        {
            assertEquals(BackendKind.EMULATED, master.backend());
            assertEquals(1, master.txRingCount());
            assertEquals(1, master.rxRingCount());
            assertEquals(1024, master.txRing(0).numSlots());
            assertEquals(2048, master.txRing(0).bufferSize());
            assertEquals(1, master.nifp().hostTxRings(), "one fake host ring each way, as the kernel reports for pipes");
            assertEquals(0, master.nifp().ringOfs(1), "the fake host TX ring is not bound");
            assertEquals("lay{0", master.nifp().name());
        }
    }

    @Test
    void shouldKeepOneTxSlotInReserve()
    {
        try (NetmapPort master = open("netmap:res{0"); NetmapPort slave = open("netmap:res}0"))
        {
            assertEquals(1023, master.txRing(0).space());
            assertEquals(0, slave.rxRing(0).space());
        }
    }

    @Test
    void shouldMoveTheBufferNotTheBytes()
    {
        try (NetmapPort master = open("netmap:zc{0"); NetmapPort slave = open("netmap:zc}0"))
        {
            final RingView tx = master.txRing(0);
            final int sentBuffer = tx.bufIdx(tx.head());
            new UnsafeBuffer(tx.slotBufferAddress(tx.head()), 64).putLong(0, 0xC0FFEEL);
            send(master, 60, 0);
            slave.rxSync();

            final RingView rx = slave.rxRing(0);
            assertEquals(sentBuffer, rx.bufIdx(rx.head()), "the receiver's slot holds the sender's buffer");
            assertEquals(0xC0FFEEL, new UnsafeBuffer(rx.slotBufferAddress(rx.head()), 64).getLong(0));
            assertEquals(60, rx.len(rx.head()));
        }
    }

    @Test
    void shouldPublishOnlyCompletePacketsOfMultiSlotFrames()
    {
        try (NetmapPort master = open("netmap:frag{0"); NetmapPort slave = open("netmap:frag}0"))
        {
            send(master, 2048, NetmapApi.NS_MOREFRAG);
            slave.rxSync();
            assertEquals(0, slave.rxRing(0).space(), "a first fragment alone stays invisible");

            send(master, 100, 0);
            slave.rxSync();
            assertEquals(2, slave.rxRing(0).space());
            assertEquals(NetmapApi.NS_MOREFRAG, slave.rxRing(0).slotFlags(0) & NetmapApi.NS_MOREFRAG);
        }
    }

    @Test
    void shouldReturnASwappedInBufferToTheSenderFlaggedChanged()
    {
        try (NetmapPort master = open("netmap:swap{0"); NetmapPort slave = open("netmap:swap}0", PortOptions.withExtraBuffers(4)))
        {
            final int sentBuffer = master.txRing(0).bufIdx(0);
            send(master, 60, 0);
            slave.rxSync();
            final RingView rx = slave.rxRing(0);
            final int fresh = slave.freeList().pop();
            final int taken = rx.swapBuffer(rx.head(), fresh);
            rx.advanceRelease(rx.next(rx.head()));
            slave.rxSync();
            slave.freeList().push(taken);
            for (int i = 0; i < 1023; i++)
            {
                send(master, 60, 0);
            }

            assertEquals(sentBuffer, taken);
            assertEquals(fresh, master.txRing(0).bufIdx(0), "the sender's slot 0 now holds the receiver's buffer");
            assertEquals(NetmapApi.NS_BUF_CHANGED, master.txRing(0).slotFlags(0) & NetmapApi.NS_BUF_CHANGED);
        }
    }

    @Test
    void shouldHandOutExtraBuffersAndTakeThemBackAtClose()
    {
        final int before;
        try (NetmapPort keep = open("netmap:xb{9"))
        {
            before = freeBuffers("xb");
            try (NetmapPort master = open("netmap:xb{0", PortOptions.withExtraBuffers(100)))
            {
                assertEquals(100, master.extraBuffersGranted());
                assertEquals(100, master.freeList().size());
                for (int i = 0; i < 100; i++)
                {
                    assertTrue(master.region().isValidBuffer(master.freeList().get(i)));
                }
                assertEquals(before - 2 * 1024 - 100, freeBuffers("xb"));
            }
            assertEquals(before, freeBuffers("xb"), "every buffer of the closed pipe and its extras is free again");
        }
    }

    @Test
    void shouldConserveBuffersAfterZeroCopySwapsAndPacketsLeftInFlight()
    {
        try (NetmapPort keep = open("netmap:cons{9"))
        {
            final int before = freeBuffers("cons");
            try (NetmapPort master = open("netmap:cons{0"); NetmapPort slave = open("netmap:cons}0", PortOptions.withExtraBuffers(8)))
            {
                for (int i = 0; i < 5; i++)
                {
                    send(master, 60, 0);
                }
                slave.rxSync();
                final RingView rx = slave.rxRing(0);
                for (int i = 0; i < 3; i++)
                {
                    final int slot = rx.head();
                    slave.freeList().push(rx.swapBuffer(slot, slave.freeList().pop()));
                    rx.advanceRelease(rx.next(slot));
                }
                slave.rxSync();
            }
            assertEquals(before, freeBuffers("cons"), "two packets still in the pipe and three swaps: nothing leaks");
        }
    }

    @Test
    void shouldGrantFewerExtraBuffersThanAskedWhenThePoolRunsShort()
    {
        final PortOptions askForMore = new PortOptions(1_000_000, 0);
        try (NetmapPort master = open("netmap:short{0", askForMore))
        {
            assertTrue(master.extraBuffersGranted() < 1_000_000);
            assertEquals(16384 - 2 - 2 * 1024, master.extraBuffersGranted(), "all the pool had left");
        }
    }

    @Test
    void shouldFailWhenGrantedFewerExtraBuffersThanThePortNeedsAndLeakNothing()
    {
        try (NetmapPort keep = open("netmap:need{9"))
        {
            final int before = freeBuffers("need");
            final NetmapException e = assertThrows(NetmapException.class,
                () -> open("netmap:need{0", PortOptions.withExtraBuffers(1_000_000)));
            assertEquals(NetmapException.Reason.NOT_ENOUGH_EXTRA_BUFFERS, e.reason());
            assertEquals("netmap:need{0: asked for 1000000 extra buffers and got " + (before - 2 * 1024) +
                ", but the port needs at least 1000000 (fewer extra buffers per port, or a larger memory region: " +
                "more buffers in the allocator)", e.getMessage());
            assertEquals(before, freeBuffers("need"));
        }
    }

    @Test
    void shouldRefuseASecondUserOfTheSameRings()
    {
        try (NetmapPort first = open("netmap:busy{0"))
        {
            final NetmapException e = assertThrows(NetmapException.class, () -> open("netmap:busy{0/R"));
            assertEquals(NetmapException.Reason.BUSY, e.reason());
            assertEquals("netmap:busy{0/R: these rings of the pipe end are already bound by pid " +
                ProcessHandle.current().pid() + "; emulated pipes give each ring one user (bind RX and TX on " +
                "separate ports with /R and /T)", e.getMessage());
        }
    }

    @Test
    void shouldBindOnlyRxRingsForSlashRAndOnlyTxRingsForSlashT()
    {
        try (NetmapPort rx = open("netmap:dir{0/R"); NetmapPort tx = open("netmap:dir{0/T"))
        {
            assertEquals(0, rx.txRingCount());
            assertEquals(1, rx.rxRingCount());
            assertEquals(1, tx.txRingCount());
            assertEquals(0, tx.rxRingCount());
        }
    }

    @Test
    void shouldCreatePipesWithTheRingsAndSlotsConfAsksFor()
    {
        try (NetmapPort all = open("netmap:conf{0@conf:rings=3,slots=256"); NetmapPort one = open("netmap:conf}0-2"))
        {
            assertEquals(3, all.txRingCount());
            assertEquals(256, all.txRing(2).numSlots());
            assertEquals(1, one.rxRingCount());
            assertEquals(2, one.rxRing(0).ringId());
        }
    }

    @Test
    void shouldRefuseARingThePipeDoesNotHave()
    {
        try (NetmapPort master = open("netmap:nor{0"))
        {
            final NetmapException e = assertThrows(NetmapException.class, () -> open("netmap:nor}0-1"));
            assertEquals("netmap:nor}0-1: ring 1 does not exist: the pipe has 1 ring pair", e.getMessage());
        }
    }

    @Test
    void shouldPutPipesOfOneParentInOneRegionSoTheyCanSwapBuffers()
    {
        try (NetmapPort a = open("netmap:par{0"); NetmapPort b = open("netmap:par{1"); NetmapPort c = open("netmap:other{0");
             NetmapPort d = open("netmap:x{0@7"); NetmapPort e = open("netmap:y{0@7"))
        {
            assertSame(a.region(), b.region());
            assertNotEquals(a.region(), c.region());
            assertSame(d.region(), e.region(), "@7 selects memory region 7 whatever the parent");
            assertEquals(7, d.region().memId());
        }
    }

    @Test
    void shouldRemoveTheRegionFileWhenTheLastPortCloses()
    {
        final NetmapPort port = open("netmap:gone{0");
        assertTrue(Files.exists(dir.resolve("gone.nmem")));
        port.close();
        assertFalse(Files.exists(dir.resolve("gone.nmem")));
    }

    @Test
    void shouldResetARingWhoseHeadLeftItsBounds()
    {
        try (NetmapPort master = open("netmap:bad{0"); NetmapPort slave = open("netmap:bad}0"))
        {
            send(master, 60, 0);
            slave.rxSync();
            slave.rxRing(0).advanceRelease(5);
            slave.rxSync();
            assertEquals(0, slave.rxRing(0).head(), "head goes back to the kernel's hwcur");
            assertEquals(1, slave.rxRing(0).space(), "and the packet is still there");
        }
    }

    @Test
    void shouldStampTheRingOnSyncWhenAsked()
    {
        try (NetmapPort master = open("netmap:ts{0"))
        {
            master.txRing(0).ringFlags(NetmapApi.NR_TIMESTAMP);
            master.txSync();
            final long micros = master.txRing(0).timestampMicros();
            assertTrue(Math.abs(micros / 1000 - System.currentTimeMillis()) < 60_000, "a wall-clock time: " + micros);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldSleepInPollWithoutSpinningWhenIdle()
    {
        try (NetmapPort slave = open("netmap:idle}0"))
        {
            final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            final long cpuBefore = threads.getCurrentThreadCpuTime();
            final long wallBefore = System.nanoTime();
            assertEquals(0, slave.poll(NetmapPort.POLLIN, 1000));
            final long wall = System.nanoTime() - wallBefore;
            final long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;

            assertTrue(wall >= 1_000_000_000L * 9 / 10, "waited its timeout");
            assertTrue(cpu < wall / 5, "slept rather than spun: cpu=" + cpu / 1000 + "us of wall=" + wall / 1000 + "us");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldWakeAPollingReceiverWhenAPacketArrives() throws Exception
    {
        try (NetmapPort master = open("netmap:wake{0"); NetmapPort slave = open("netmap:wake}0"))
        {
            final CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> slave.poll(NetmapPort.POLLIN, 20_000));
            Thread.sleep(200);
            assertFalse(poll.isDone());
            send(master, 60, 0);
            assertEquals(NetmapPort.POLLIN, poll.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldReturnAtOnceFromAZeroTimeoutPoll()
    {
        try (NetmapPort master = open("netmap:now{0"))
        {
            assertEquals(NetmapPort.POLLOUT, master.poll(NetmapPort.POLLOUT | NetmapPort.POLLIN, 0));
        }
    }

    @Test
    void shouldOpenNicNamesOnPacketSocketsAndRefuseValeAndMonitorsWithWhatToDoInstead()
    {
        final NetmapException nic = assertThrows(NetmapException.class, () -> open("netmap:nosuchnic0"));
        assertEquals(NetmapException.Reason.UNKNOWN_INTERFACE, nic.reason());
        assertEquals("netmap:nosuchnic0: no interface named 'nosuchnic0' in this network namespace (ip link shows " +
            "the ones there are)", nic.getMessage());
        assertEquals("netmap:lo^: emulated NIC ports have no host rings: host rings only needs the netmap kernel " +
            "module (backend 'kernel')", assertThrows(NetmapException.class, () -> open("netmap:lo^")).getMessage());
        assertEquals("netmap:lo-3: ring 3 out of range: lo has 1 ring (its receive queues; @conf:rings=K emulates K)",
            assertThrows(NetmapException.class, () -> open("netmap:lo-3")).getMessage());
        assertEquals(NetmapException.Reason.NOT_SUPPORTED, assertThrows(NetmapException.class, () -> open("vale0:a")).reason());
        assertEquals("netmap:mon{0/r: monitor ports (/r) need the netmap kernel module (backend 'kernel')",
            assertThrows(NetmapException.class, () -> open("netmap:mon{0/r")).getMessage());
        assertEquals("netmap:host{0^: pipes have no host rings: host rings only cannot be bound",
            assertThrows(NetmapException.class, () -> open("netmap:host{0^")).getMessage());
    }
}
