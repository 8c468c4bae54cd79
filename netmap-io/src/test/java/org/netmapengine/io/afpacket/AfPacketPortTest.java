package org.netmapengine.io.afpacket;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.netns.NetnsLab;
import org.netmapengine.io.netns.Veth;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.PacketGenerator;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.port.PortStatistics;
import org.netmapengine.io.ring.RingView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Emulated NIC ports on veth pairs, against the Linux stack in a network namespace and against each other:
 * receive what the kernel sends, transmit what the kernel receives, kernel drops surfacing in the statistics,
 * fanout over rings, frames larger than a buffer, promiscuous mode. Needs root; the lab removes its namespaces
 * and links whatever happens.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AfPacketPortTest
{
    private static NetnsLab lab;
    private static String ns;

    @TempDir
    Path dir;

    @BeforeAll
    static void openLab()
    {
        lab = Labs.open("ping", "tcpdump");
        ns = lab.namespace("io");
    }

    @AfterAll
    static void closeLab()
    {
        if (null != lab)
        {
            lab.close();
        }
    }

    private EmulatedBackend backend(final AfPacketConfig config)
    {
        return new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir).withAfPacket(config));
    }

    private NetmapPort open(final AfPacketConfig config, final String name)
    {
        return backend(config).open(PortSpec.parse(name), PortOptions.DEFAULT);
    }

    @Test
    void shouldReceiveEveryFrameTheKernelSendsOnTheOtherEnd() throws Exception
    {
        final Veth veth = lab.veth(ns);
        exec(ns, "ip", "addr", "add", "10.77.0.2/24", "dev", veth.remote());
        exec(ns, "ip", "neigh", "add", "10.77.0.1", "lladdr", "02:00:00:00:00:01", "dev", veth.remote());
        try (NetmapPort port = open(AfPacketConfig.DEFAULT, "netmap:" + veth.local()))
        {
            final long sent0 = lab.counter(ns, veth.remote(), "tx_packets");
            // Echo requests nobody answers: ping sends them all, then gives up after a second.
            final Process ping = lab.start(ns, dir.resolve("ping.txt"), "ping", "-c", "300", "-i", "0.002", "-W", "1",
                "-q", "10.77.0.1");
            final PortTraffic.Seen seen = PortTraffic.receive(port, 300, 10_000, (ring, frame) ->
                0x0800 == (Short.reverseBytes(frame.getShort(12)) & 0xFFFF) && 1 == frame.getByte(23) &&
                8 == frame.getByte(34));
            assertTrue(ping.waitFor(20, TimeUnit.SECONDS));
            final long sent = lab.counter(ns, veth.remote(), "tx_packets") - sent0;

            assertEquals(300, sent, "ping sent 300 echo requests and nothing else");
            assertEquals(sent, seen.packets, "the port received every frame the kernel sent");
            assertEquals(300, seen.matching, "all of them ICMP echo requests");
            final PortStatistics stats = port.statistics();
            assertEquals(sent, stats.kernelReceived(), stats.toString());
            assertEquals(0, stats.kernelDropped(), stats.toString());
        }
    }

    @Test
    void shouldTransmitFramesTheKernelReceivesOnTheOtherEnd() throws Exception
    {
        final Veth veth = lab.veth(ns);
        final Path capture = dir.resolve("tcpdump.txt");
        final Process tcpdump = lab.start(ns, capture, "tcpdump", "-i", veth.remote(), "-nn", "-l", "-c", "5", "udp");
        awaitListening(capture);
        final long received0 = lab.counter(ns, veth.remote(), "rx_packets");
        final long packets = 10_000;
        try (NetmapPort port = open(AfPacketConfig.DEFAULT, "netmap:" + veth.local()))
        {
            final PacketGenerator generator = new PacketGenerator(port, FrameSpec.DEFAULT, RunLimits.DEFAULT
                .withCount(packets));
            generator.run();
            assertEquals(packets, generator.counters().packets());
        }
        assertEquals(packets, awaitCounter(ns, veth.remote(), "rx_packets", received0 + packets) - received0,
            "the kernel received every frame the port sent");
        assertTrue(tcpdump.waitFor(10, TimeUnit.SECONDS), "tcpdump saw 5 UDP frames");
        final String seen = Files.readString(capture);
        assertTrue(seen.contains("IP 10.0.0.1.1234 > 10.1.0.1.1234: UDP, length 18"), seen);
    }

    @Test
    void shouldRefuseATxRingLargerThanOneGibibyteWithTheFramesItWouldAllow()
    {
        final Veth wire = lab.vethHere();
        final AfPacketConfig d = AfPacketConfig.DEFAULT;
        final AfPacketConfig huge = new AfPacketConfig(d.slots(), d.bufferSize(), d.rxBlockSize(), d.rxBlocks(),
            d.retireMillis(), 1 << 20, d.promiscuous(), d.qdiscBypass(), d.multiSlot());

        final NetmapException e = assertThrows(NetmapException.class,
            () -> open(huge, "netmap:" + wire.local() + "/T").close());

        assertEquals(NetmapException.Reason.INVALID_REQUEST, e.reason());
        assertTrue(e.getMessage().matches(wire.local() + ": tx-frames = 1048576 frames of \\d+ bytes " +
            "\\(from the MTU\\) need \\d+ bytes: at most 1 GiB per TX ring, so at most \\d+ frames here"),
            e.getMessage());
    }

    @Test
    void shouldCountWhatTheKernelDroppedWhileTheRingsWereFull()
    {
        final Veth wire = lab.vethHere();
        final AfPacketConfig small = AfPacketConfig.DEFAULT.withRx(4096, 2, 1).withSlots(64);
        try (NetmapPort rx = open(small, "netmap:" + wire.remote());
             NetmapPort tx = open(AfPacketConfig.DEFAULT, "netmap:" + wire.local() + "/T"))
        {
            final long packets = 5_000;
            new PacketGenerator(tx, FrameSpec.DEFAULT, RunLimits.DEFAULT.withCount(packets)).run();

            final PortTraffic.Seen seen = PortTraffic.receive(rx, packets, 1_000, null);
            final PortStatistics stats = rx.statistics();

            assertTrue(stats.kernelDropped() > 0, "a ring of 2 blocks of 4 KiB overflows: " + stats);
            assertEquals(seen.packets, stats.kernelReceived(), "what the kernel kept is what the port received");
            assertEquals(packets, stats.kernelReceived() + stats.kernelDropped(), "received + dropped = sent: " + stats);
        }
    }

    @Test
    void shouldSpreadFlowsOverFanoutRingsAndKeepEachFlowOnOneRing()
    {
        final Veth wire = lab.vethHere("numrxqueues", "2", "numtxqueues", "2");
        final long packets = 20_000;
        try (NetmapPort tx = open(AfPacketConfig.DEFAULT, "netmap:" + wire.local() + "/T");
             NetmapPort rx = open(AfPacketConfig.DEFAULT, "netmap:" + wire.remote() + "/R"))
        {
            assertEquals(2, rx.rxRingCount(), rx.describe());
            assertTrue(rx.describe().contains("fanout hash group"), rx.describe());
            final FrameSpec flows = FrameSpec.DEFAULT.withRanges(Ipv4Range.parse("10.0.0.1:1000-10.0.0.1:1999"),
                Ipv4Range.parse("10.1.0.1:1234"));
            new PacketGenerator(tx, flows, RunLimits.DEFAULT.withCount(packets)).run();

            final Map<Integer, Integer> ringOfFlow = new HashMap<>();
            final int[] moved = new int[1];
            final PortTraffic.Seen seen = PortTraffic.receive(rx, packets, 10_000, (ring, frame) ->
            {
                final int srcPort = Short.reverseBytes(frame.getShort(34)) & 0xFFFF;
                final Integer before = ringOfFlow.putIfAbsent(srcPort, ring);
                moved[0] += null != before && before != ring ? 1 : 0;
                return true;
            });

            assertEquals(packets, seen.packets);
            assertEquals(1000, ringOfFlow.size(), "1000 flows");
            assertEquals(0, moved[0], "no flow changed rings");
            assertTrue(seen.perRing[0] > packets / 5 && seen.perRing[1] > packets / 5,
                "both rings took a fair share: " + seen.perRing[0] + " and " + seen.perRing[1]);
        }
    }

    @Test
    void shouldSpreadFlowsOverOnePortPerRing()
    {
        final Veth wire = lab.vethHere();
        final long packets = 10_000;
        try (NetmapPort tx = open(AfPacketConfig.DEFAULT, "netmap:" + wire.local() + "/T");
             NetmapPort ring0 = open(AfPacketConfig.DEFAULT, "netmap:" + wire.remote() + "-0/R@conf:rings=2");
             NetmapPort ring1 = open(AfPacketConfig.DEFAULT, "netmap:" + wire.remote() + "-1/R@conf:rings=2"))
        {
            final FrameSpec flows = FrameSpec.DEFAULT.withRanges(Ipv4Range.parse("10.0.0.1:1000-10.0.0.1:1999"),
                Ipv4Range.parse("10.1.0.1:1234"));
            new PacketGenerator(tx, flows, RunLimits.DEFAULT.withCount(packets)).run();

            final long first = PortTraffic.receive(ring0, packets, 1_000, null).packets;
            final long second = PortTraffic.receive(ring1, packets - first, 5_000, null).packets;

            assertEquals(packets, first + second, "each frame reached exactly one of the ring ports");
            assertTrue(first > packets / 5 && second > packets / 5, first + " and " + second);
        }
    }

    @Test
    void shouldDropFramesLargerThanABufferOrCarryThemOverSeveralSlots()
    {
        final Veth wire = lab.vethHere("mtu", "4000");
        try (NetmapPort tx = open(AfPacketConfig.DEFAULT, "netmap:" + wire.local() + "/T");
             NetmapPort dropping = open(AfPacketConfig.DEFAULT, "netmap:" + wire.remote() + "/R");
             NetmapPort carrying = open(AfPacketConfig.DEFAULT.withMultiSlot(true), "netmap:" + wire.remote() + "/R"))
        {
            sendBigThenSmall(tx, 3000, 100);

            final PortTraffic.Seen dropped = PortTraffic.receive(dropping, 1, 2_000, (ring, frame) -> 100 ==
                frame.capacity());
            assertEquals(1, dropped.packets, "only the small frame");
            assertEquals(1, dropped.matching);
            assertEquals(1, dropping.statistics().oversizeDropped(), dropping.statistics().toString());

            final RingView ring = carrying.rxRing(0);
            final long deadline = System.nanoTime() + 2_000_000_000L;
            while (ring.space() < 3 && System.nanoTime() < deadline)
            {
                carrying.poll(NetmapPort.POLLIN, 20);
            }
            assertEquals(3, ring.space(), "two fragments and the small frame");
            final int head = ring.head();
            assertEquals(2048, ring.len(head));
            assertEquals(NetmapApi.NS_MOREFRAG, ring.slotFlags(head) & NetmapApi.NS_MOREFRAG);
            assertEquals(952, ring.len(ring.next(head)));
            assertEquals(0, ring.slotFlags(ring.next(head)) & NetmapApi.NS_MOREFRAG);
            final UnsafeBuffer second = new UnsafeBuffer(ring.slotBufferAddress(ring.next(head)), 952);
            assertEquals((byte)(2048 + 951), second.getByte(951), "the bytes arrive in order");
            assertEquals(100, ring.len(ring.next(ring.next(head))));
            assertEquals(0, carrying.statistics().oversizeDropped());
        }
    }

    @Test
    void shouldPutTheInterfaceInPromiscuousModeOnlyWhenAskedAndOnlyWhileOpen()
    {
        final Veth veth = lab.veth(ns);
        assertFalse(InterfaceInfo.isPromiscuous(veth.local()));
        try (NetmapPort port = open(AfPacketConfig.DEFAULT, "netmap:" + veth.local()))
        {
            assertFalse(InterfaceInfo.isPromiscuous(veth.local()), "not by default");
        }
        try (NetmapPort port = open(AfPacketConfig.DEFAULT.withPromiscuous(true), "netmap:" + veth.local()))
        {
            assertTrue(InterfaceInfo.isPromiscuous(veth.local()), "promiscuous while open");
            assertTrue(port.describe().contains("promiscuous"), port.describe());
        }
        assertFalse(InterfaceInfo.isPromiscuous(veth.local()), "and back to normal after close");
    }

    @Test
    void shouldDescribeTheBackendTheRingGeometryAndTheOffloads()
    {
        final Veth veth = lab.veth(ns);
        try (NetmapPort port = open(AfPacketConfig.DEFAULT, "netmap:" + veth.local()))
        {
            final String text = port.describe();
            assertTrue(text.startsWith("netmap:" + veth.local() + ": backend=emulated (af_packet " + veth.local() +
                " ifindex "), text);
            assertTrue(text.contains("1 ring of 1024 slots; rx TPACKET_V3 256 blocks x 64 KiB, retire 2 ms; " +
                "tx 1024 frames x 2048;"), text);
            assertTrue(text.contains("offloads on: "), "veth checksums and TSO are on by default: " + text);
            assertTrue(text.contains("tx-rings=1 rx-rings=1 slots=1024 buf-size=2048"), text);
        }
    }

    /** Sends one frame of {@code big} bytes over two slots (NS_MOREFRAG), then one of {@code small} bytes. */
    private static void sendBigThenSmall(final NetmapPort tx, final int big, final int small)
    {
        final RingView ring = tx.txRing(0);
        int slot = ring.head();
        final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
        int offset = 0;
        while (offset < big)
        {
            final int chunk = Math.min(ring.bufferSize(), big - offset);
            buffer.wrap(ring.slotBufferAddress(slot), chunk);
            for (int i = 0; i < chunk; i++)
            {
                buffer.putByte(i, (byte)(offset + i));
            }
            buffer.putLong(0, offset == 0 ? 0x0000_FFFF_FFFF_FFFFL : buffer.getLong(0));
            offset += chunk;
            ring.slotHead(slot, ring.bufIdx(slot), chunk, offset < big ? NetmapApi.NS_MOREFRAG : 0);
            slot = ring.next(slot);
        }
        buffer.wrap(ring.slotBufferAddress(slot), small);
        buffer.setMemory(0, small, (byte)0);
        buffer.putLong(0, 0x0000_FFFF_FFFF_FFFFL);
        ring.slotHead(slot, ring.bufIdx(slot), small, 0);
        ring.advanceRelease(ring.next(slot));
        tx.txSync();
    }

    private static void exec(final String namespace, final String... command)
    {
        final NetnsLab.Result result = lab.exec(namespace, 30, command);
        assertTrue(result.ok(), String.join(" ", command) + ": " + result.output());
    }

    private static long awaitCounter(final String namespace, final String ifname, final String counter,
        final long atLeast)
    {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        long value = lab.counter(namespace, ifname, counter);
        while (value < atLeast && System.nanoTime() < deadline)
        {
            sleep(20);
            value = lab.counter(namespace, ifname, counter);
        }
        return value;
    }

    private static void awaitListening(final Path capture) throws Exception
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && (!Files.exists(capture) || !Files.readString(capture)
            .contains("listening")))
        {
            sleep(20);
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
