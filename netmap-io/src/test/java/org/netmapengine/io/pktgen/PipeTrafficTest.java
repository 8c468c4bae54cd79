package org.netmapengine.io.pktgen;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A generator and a receiver on the two ends of an emulated netmap pipe, each on its own thread.
 */
class PipeTrafficTest
{
    private static final long COUNT = 200_000;

    @TempDir
    Path dir;

    private NetmapPort master;
    private NetmapPort slave;

    @BeforeEach
    void openPipe()
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir).withBuffers(8192));
        master = backend.open(PortSpec.parse("netmap:pg{1"), PortOptions.DEFAULT);
        slave = backend.open(PortSpec.parse("netmap:pg}1"), PortOptions.DEFAULT);
    }

    @AfterEach
    void closePipe()
    {
        master.close();
        slave.close();
    }

    @Test
    void shouldReceiveEveryPacketAndByteSent()
    {
        final PacketGenerator generator = new PacketGenerator(master, FrameSpec.DEFAULT, RunLimits.DEFAULT.withCount(COUNT));
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT.withCount(COUNT), false);

        runBoth(generator, receiver);

        assertEquals(COUNT, generator.counters().packets());
        assertEquals(COUNT, receiver.counters().packets());
        assertEquals(COUNT * 60, generator.counters().bytes());
        assertEquals(COUNT * 60, receiver.counters().bytes());
    }

    @Test
    void shouldStopRatherThanWriteThroughATxSlotWhoseBufferIndexIsOutsideTheRegion()
    {
        final RingView ring = master.txRing(0);
        final int slot = ring.head();
        final int outside = master.region().bufferCount() + 5;
        ring.bufIdx(slot, outside);
        final PacketGenerator generator = new PacketGenerator(master, FrameSpec.DEFAULT, RunLimits.DEFAULT.withCount(10));

        final NetmapException e = assertThrows(NetmapException.class, generator::run);

        assertTrue(e.getMessage().contains("slot " + slot + " holds buffer index " + outside), e.getMessage());
        assertEquals(0, generator.counters().packets());
    }

    @Test
    void shouldCountAFrameWhoseSlotNamesABufferOutsideTheRegionAsMalformedWithoutReadingIt()
    {
        final RingView ring = master.txRing(0);
        final int slot = ring.head();
        ring.slotHead(slot, master.region().bufferCount() + 5, 60, 0);
        ring.advanceRelease(ring.next(slot));
        master.txSync();
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT.withCount(1), true);

        receiver.run();

        assertEquals(1, receiver.counters().packets());
        assertEquals(1, receiver.checks().malformed());
    }

    @Test
    void shouldFindNoChecksumOrSequenceErrorsAcrossRanges()
    {
        final FrameSpec spec = FrameSpec.DEFAULT.withRanges(Ipv4Range.parse("10.0.0.1:1000-10.0.0.20:1009"),
            Ipv4Range.parse("10.1.0.1:2000-10.1.0.3:2001"));
        final PacketGenerator generator = new PacketGenerator(master, spec, RunLimits.DEFAULT.withCount(COUNT));
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT.withCount(COUNT), true);

        runBoth(generator, receiver);

        final ReceiveChecks checks = receiver.checks();
        assertEquals(0, checks.sequence().lost());
        assertEquals(0, checks.sequence().duplicates());
        assertEquals(0, checks.sequence().reordered());
        assertEquals(0, checks.checksumErrors());
        assertEquals(0, checks.malformed());
        assertEquals(COUNT, checks.sequence().expected());
    }

    @Test
    void shouldCarryFullSizeFrames()
    {
        final FrameSpec spec = FrameSpec.DEFAULT.withLength(1514);
        final PacketGenerator generator = new PacketGenerator(master, spec, RunLimits.DEFAULT.withCount(20_000));
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT.withCount(20_000), true);

        runBoth(generator, receiver);

        assertEquals(20_000L * 1514, receiver.counters().bytes());
        assertTrue(receiver.checks().isClean());
    }

    @Test
    void shouldSendTheWholeCountAtAPacedRate()
    {
        final RunLimits limits = RunLimits.DEFAULT.withCount(5_000).withRate(50_000);
        final PacketGenerator generator = new PacketGenerator(master, FrameSpec.DEFAULT, limits);
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT.withCount(5_000), true);

        runBoth(generator, receiver);

        assertEquals(5_000, receiver.counters().packets());
        assertTrue(receiver.checks().isClean());
    }

    @Test
    void shouldReceiveWhatWasSentInAGivenDuration()
    {
        final PacketGenerator generator = new PacketGenerator(master, FrameSpec.DEFAULT,
            RunLimits.DEFAULT.withDuration(200, TimeUnit.MILLISECONDS));
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT, true);
        final Thread rx = start(receiver, "rx", new AtomicReference<>());

        generator.run();
        awaitPackets(receiver, generator.counters().packets());
        receiver.stop();
        join(rx);

        assertTrue(generator.counters().packets() > 0);
        assertEquals(generator.counters().packets(), receiver.counters().packets());
    }

    @Test
    void shouldStopOnRequest()
    {
        final PacketReceiver receiver = new PacketReceiver(slave, RunLimits.DEFAULT, false);
        final Thread rx = start(receiver, "rx", new AtomicReference<>());

        receiver.stop();
        join(rx);

        assertTrue(receiver.counters().isFinished());
    }

    @Test
    void shouldRefuseFramesLargerThanThePortsBuffers()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new PacketGenerator(master, FrameSpec.DEFAULT.withLength(2049), RunLimits.DEFAULT));

        assertEquals("netmap:pg{1: frame length 2049 does not fit the port's 2048-byte buffers; use a length of " +
            "2048 or less", e.getMessage());
    }

    private static void runBoth(final PacketGenerator generator, final PacketReceiver receiver)
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread rx = start(receiver, "rx", failure);
        final Thread tx = start(generator, "tx", failure);
        join(tx);
        join(rx);
        if (null != failure.get())
        {
            fail(failure.get());
        }
    }

    private static Thread start(final Runnable loop, final String name, final AtomicReference<Throwable> failure)
    {
        final Thread thread = new Thread(loop, name);
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        thread.start();
        return thread;
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            fail(thread.getName() + " did not finish");
        }
    }

    private static void awaitPackets(final PacketReceiver receiver, final long packets)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (receiver.counters().packets() < packets && System.nanoTime() - deadline < 0)
        {
            Thread.onSpinWait();
        }
    }
}
