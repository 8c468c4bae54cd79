package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.afpacket.AfPacketConfig;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.netns.NetnsLab;
import org.netmapengine.io.netns.Veth;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.PacketGenerator;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pipelines on emulated NIC ports (AF_PACKET) against the Linux network stack, over veth pairs into network
 * namespaces: pkt-gen on one end and a counting pipeline on the other; ARP and ICMP responders answering
 * {@code ping} and {@code arping}; a learning bridge between two namespaces carrying {@code ping} both ways and a
 * checksummed UDP transfer, its counters checked against the kernel's. Needs root; the lab removes its namespaces
 * and links whatever happens.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VethPipelineTest
{
    @RegisterExtension
    static final PipelineDriver pipelines = new PipelineDriver();
    private static NetnsLab lab;

    @TempDir
    Path dir;

    @BeforeAll
    static void start()
    {
        final String reason = NetnsLab.unavailableReason();
        assumeTrue(null == reason, () -> "skipped: " + reason);
        lab = NetnsLab.open();
    }

    @AfterAll
    static void stop()
    {
        if (null != lab)
        {
            lab.close();
        }
    }

    @Test
    void shouldCountEveryFramePktGenSendsFromTheOtherEndOfTheWire()
    {
        final Veth wire = lab.vethHere();
        // 64 MiB of receive blocks: a receiver descheduled for a while on a busy machine must not lose frames here.
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir)
            .withAfPacket(AfPacketConfig.DEFAULT.withRx(1 << 16, 1024, 2)));
        final ActorRef<PipelineRuntime.Command> runtime = pipelines.start("""
            pipeline {
              name = wire
              ports { in { port = "netmap:%s", to = count } }
              stages { count { type = counter, outputs { out = drop } } }
            }
            """.formatted(wire.remote()), backend);
        final long before = lab.counter(null, wire.remote(), "rx_packets");
        final long packets = 200_000;
        final long sent;
        try (NetmapPort tx = backend.open(PortSpec.parse("netmap:" + wire.local() + "/T"), PortOptions.DEFAULT))
        {
            final PacketGenerator generator = new PacketGenerator(tx, FrameSpec.DEFAULT,
                RunLimits.DEFAULT.withCount(packets).withRate(400_000));
            generator.run();
            sent = generator.counters().packets();
        }
        final long kernel = lab.counter(null, wire.remote(), "rx_packets") - before;
        pipelines.await(runtime, status -> arrived(status) >= kernel, Duration.ofSeconds(20));
        final PipelineReport report = pipelines.stop(runtime);

        final PortStatus in = report.receivers().get(0);
        assertEquals(packets, sent, "pkt-gen sent them all");
        assertEquals(sent, kernel, "the kernel delivered them all to the other end");
        assertEquals(sent, in.received(), report.render());
        assertEquals(0, in.kernelDropped(), "nothing dropped in the socket rings");
        assertEquals(sent, report.stages().get(0).in(), "the counter saw every frame");
        assertEquals(sent, in.dropped().get("drop"), "and every frame ended as routed: dropped 'drop'");
        assertTrue(report.clean(), report.render());
        assertEquals("emulated", in.backend());
    }

    @Test
    void shouldGiveEachRingOfAnInterfaceItsOwnReceiverAndSpreadFlowsOverThem()
    {
        final Veth wire = lab.vethHere("numrxqueues", "2", "numtxqueues", "2");
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir)
            .withAfPacket(AfPacketConfig.DEFAULT.withRx(1 << 16, 1024, 2)));
        final ActorRef<PipelineRuntime.Command> runtime = pipelines.start("""
            pipeline {
              name = rings
              ports { in { port = "netmap:%s", rings = per-ring, to = count } }
              stages { count { type = counter, outputs { out = drop } } }
            }
            """.formatted(wire.remote()), backend);
        final long packets = 100_000;
        try (NetmapPort tx = backend.open(PortSpec.parse("netmap:" + wire.local() + "/T"), PortOptions.DEFAULT))
        {
            new PacketGenerator(tx, FrameSpec.DEFAULT.withRanges(Ipv4Range.parse("10.0.0.1:1000-10.0.0.1:1999"),
                Ipv4Range.parse("10.1.0.1:1234")), RunLimits.DEFAULT.withCount(packets).withRate(400_000)).run();
        }
        pipelines.await(runtime, status -> arrived(status) >= packets, Duration.ofSeconds(20));
        final PipelineReport report = pipelines.stop(runtime);

        assertEquals(2, report.receivers().size(), "one receiver per ring: " + report.render());
        final long total = report.receivers().stream().mapToLong(PortStatus::received).sum();
        assertEquals(packets, total, report.render());
        for (final PortStatus ring : report.receivers())
        {
            assertTrue(ring.received() > packets / 5, "each ring took a fair share: " + report.render());
            assertTrue(ring.portName().matches("netmap:" + wire.remote() + "-[01]/R"), ring.portName());
            assertEquals(0, ring.kernelDropped(), report.render());
        }
        assertTrue(report.clean(), report.render());
    }

    @Test
    void shouldAnswerArpingAndPingFromTheLinuxStack() throws Exception
    {
        final String ns = lab.namespace("ping");
        final Veth veth = lab.veth(ns);
        exec(ns, "ip", "addr", "add", "10.9.0.2/24", "dev", veth.remote());
        final ActorRef<PipelineRuntime.Command> runtime = pipelines.start("""
            pipeline {
              name = responder
              ports { port0 { port = "netmap:%s", to = arp } }
              stages {
                arp {
                  type = arp-responder
                  params { addresses = [ { ip = "10.9.0.1", mac = "02:00:00:00:00:01" } ] }
                  outputs { reply = port0, out = icmp }
                }
                icmp {
                  type = icmp-echo
                  params { addresses = ["10.9.0.1"] }
                  outputs { reply = port0, out = drop }
                }
              }
            }
            """.formatted(veth.local()), backend());
        try
        {
            final NetnsLab.Result arping = lab.exec(ns, 30, "arping", "-c", "3", "-I", veth.remote(), "10.9.0.1");
            assertTrue(arping.ok(), arping.output());
            assertTrue(arping.output().toLowerCase().contains("02:00:00:00:00:01"), arping.output());

            final NetnsLab.Result ping = lab.exec(ns, 60, "ping", "-c", "200", "-i", "0.01", "-W", "1", "10.9.0.1");
            assertTrue(ping.output().contains("200 packets transmitted, 200 received"), ping.output());
            assertTrue(ping.ok(), ping.output());
        }
        finally
        {
            final PipelineReport report = pipelines.stop(runtime);
            assertTrue(report.clean(), report.render());
        }
    }

    @Test
    void shouldBridgeTwoNamespacesWithNoLossAndCountAsTheKernelCounts() throws Exception
    {
        final String nsA = lab.namespace("a");
        final String nsB = lab.namespace("b");
        final Veth a = lab.veth(nsA);
        final Veth b = lab.veth(nsB);
        exec(nsA, "ip", "addr", "add", "10.9.1.1/24", "dev", a.remote());
        exec(nsB, "ip", "addr", "add", "10.9.1.2/24", "dev", b.remote());
        // Complete checksums on the wire: with TX checksum offload on, a veth hands the engine UDP packets whose
        // checksum is left to hardware that never comes, and the receiving stack would drop them.
        exec(nsA, "ethtool", "-K", a.remote(), "tx", "off");
        exec(nsB, "ethtool", "-K", b.remote(), "tx", "off");
        final ActorRef<PipelineRuntime.Command> runtime = pipelines.start("""
            pipeline {
              name = bridge
              ports {
                a { port = "netmap:%s", to = bridge }
                b { port = "netmap:%s", to = bridge }
              }
              stages { bridge { type = learning-bridge, params { ports = [a, b] }, outputs { a = a, b = b } } }
            }
            """.formatted(a.local(), b.local()), backend());
        final long aRx0 = lab.counter(null, a.local(), "rx_packets");
        final long bRx0 = lab.counter(null, b.local(), "rx_packets");
        final long aTx0 = lab.counter(null, a.local(), "tx_packets");
        final long bTx0 = lab.counter(null, b.local(), "tx_packets");
        PipelineReport report = null;
        try
        {
            final NetnsLab.Result ab = lab.exec(nsA, 60, "ping", "-c", "50", "-i", "0.01", "-W", "1", "10.9.1.2");
            assertTrue(ab.output().contains("50 packets transmitted, 50 received"), ab.output());
            final NetnsLab.Result ba = lab.exec(nsB, 60, "ping", "-c", "50", "-i", "0.01", "-W", "1", "10.9.1.1");
            assertTrue(ba.output().contains("50 packets transmitted, 50 received"), ba.output());

            final Path sinkOut = dir.resolve("sink.txt");
            final Process sink = lab.start(nsB, sinkOut, java("receive", "10.9.1.2", "9000", "10000"));
            awaitText(sinkOut, "listening");
            final NetnsLab.Result source = lab.exec(nsA, 60, java("send", "10.9.1.2", "9000", "10000"));
            assertTrue(source.ok(), source.output());
            assertTrue(sink.waitFor(30, TimeUnit.SECONDS), "the sink finished");
            assertEquals("received 10000 good 10000 bad 0 duplicates 0", Files.readString(sinkOut).lines()
                .filter(l -> l.startsWith("received")).findFirst().orElse(""), Files.readString(sinkOut));
        }
        finally
        {
            report = pipelines.stop(runtime);
        }
        assertTrue(report.clean(), report.render());
        final PortStatus inA = report.receivers().stream().filter(p -> p.name().equals("a")).findFirst().orElseThrow();
        final PortStatus inB = report.receivers().stream().filter(p -> p.name().equals("b")).findFirst().orElseThrow();
        assertEquals(lab.counter(null, a.local(), "rx_packets") - aRx0, inA.received(), report.render());
        assertEquals(lab.counter(null, b.local(), "rx_packets") - bRx0, inB.received(), report.render());
        final long toA = report.transmitters().stream().filter(t -> t.name().equals("a"))
            .mapToLong(TransmitterStatus::transmitted).sum();
        final long toB = report.transmitters().stream().filter(t -> t.name().equals("b"))
            .mapToLong(TransmitterStatus::transmitted).sum();
        assertEquals(lab.counter(null, a.local(), "tx_packets") - aTx0, toA, report.render());
        assertEquals(lab.counter(null, b.local(), "tx_packets") - bTx0, toB, report.render());
        assertEquals(0, inA.kernelDropped() + inB.kernelDropped(), report.render());
    }

    // ---------------------------------------------------------------- helpers

    private EmulatedBackend backend()
    {
        return new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
    }

    /** @return frames that reached the port's rings or were dropped by the kernel before them, over all rings. */
    private static long arrived(final PipelineStatus status)
    {
        return status.receivers().stream().mapToLong(p -> p.received() + p.kernelDropped()).sum();
    }

    private static String[] java(final String... args)
    {
        final List<String> command = new ArrayList<>(List.of(
            ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
            UdpPeer.class.getName()));
        command.addAll(List.of(args));
        return command.toArray(new String[0]);
    }

    private static void exec(final String ns, final String... command)
    {
        final NetnsLab.Result result = lab.exec(ns, 30, command);
        assertTrue(result.ok(), String.join(" ", command) + ": " + result.output());
    }

    private static void awaitText(final Path file, final String text) throws Exception
    {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && (!Files.exists(file) || !Files.readString(file).contains(text)))
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
