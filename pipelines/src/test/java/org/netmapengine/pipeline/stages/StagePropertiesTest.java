package org.netmapengine.pipeline.stages;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.testing.AdversarialFrames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in stage over random, truncated, oversize and adversarial frames, at any offset in their buffers and
 * from any port: no exception escapes, every packet is decided exactly once, to a declared output or dropped, no
 * packet gets more copies than the stage declares, and every packet still fits its buffer.
 */
class StagePropertiesTest
{
    private static final List<String> PORTS = List.of("a", "b", "c", "elsewhere");
    private static final Map<String, Function<StageParameters, Stage>> STAGES = new LinkedHashMap<>();
    private static final Map<String, String> PARAMS = new LinkedHashMap<>();

    static
    {
        stage("arp-responder", ArpResponder::new,
            "addresses = [ { ip = \"10.0.0.2\", mac = \"02:00:00:00:00:99\" }, { ip = \"10.0.0.7\", mac = " +
            "\"02:00:00:00:00:98\" } ]");
        stage("classify", Classify::new, "rules = [ { name = web, protocol = tcp, dst-ports = \"80,443\" }, " +
            "{ name = syn, tcp-flags = \"syn,!ack\" }, { name = v6, src = \"2000::/16\" }, " +
            "{ name = tagged, vlan = \"1-100\", dst = [\"10.0.0.0/8\", \"2000::2\"] }, { name = arp, ethertype = arp }, " +
            "{ name = untagged, vlan = none, protocol = 58 } ]");
        stage("classify-ethertype", ClassifyEthertype::new, "rules { ipv4 = 0x0800, ipv6 = 0x86dd }");
        stage("classify-port", ClassifyPort::new, "rules { dns = { protocol = udp, ports = 53 } }");
        stage("counter", Counter::new, "interval = 1ms");
        stage("dedup", Dedup::new, "table-size = 64");
        stage("drop", Drop::new, "");
        stage("filter", Filter::new, "expression = \"tcp or (vlan and udp) or icmp6\"");
        stage("filter-drop", Filter::new, "expression = \"ip6\", on-miss = drop");
        stage("hash-lb", HashLb::new, "outputs = 4");
        stage("icmp-echo", IcmpEcho::new, "");
        stage("learning-bridge", LearningBridge::new, "ports = [a, b, c], mac-table-size = 4");
        stage("pcap-writer", PcapWriter::new, "");
        stage("print", Print::new, "max-per-second = 10000, bytes = 16");
        stage("rate-limit", RateLimit::new, "packets-per-second = 5, burst = 3");
        stage("rate-limit-mark", RateLimit::new, "bits-per-second = 1000, exceed = mark, dscp = 10");
        stage("rate-limit-output", RateLimit::new, "packets-per-second = 5, burst = 1, exceed = output");
        stage("round-robin", RoundRobin::new, "outputs = [x, y, z]");
        stage("sample", Sample::new, "every = 3");
        stage("sample-split", Sample::new, "probability = 0.5, copy = false, seed = 7");
        stage("static-nat", StaticNat::new, "mappings = [ { inside = \"10.0.0.1\", outside = \"192.0.2.1\" }, " +
            "{ inside = \"10.0.0.3\", outside = \"10.0.0.2\" } ]");
        stage("tee", Tee::new, "copies = [m]");
        stage("ttl-dec", p -> new TtlDec(), "");
        stage("vlan-pop", p -> new VlanPop(), "");
        stage("vlan-push", VlanPush::new, "vlan = 42, pcp = 5");
        stage("vlan-push-qinq", VlanPush::new, "vlan = 4095, tpid = 0x88a8, buffer-size = 256");
    }

    private static void stage(final String name, final Function<StageParameters, Stage> factory, final String params)
    {
        STAGES.put(name, factory);
        PARAMS.put(name, params);
    }

    /** One packet of a generated batch: its bytes, offset in its buffer and arrival port. */
    record Packet(byte[] frame, int offset, int inPort)
    {
    }

    @Property(tries = 3000)
    void shouldDecideEveryPacketOnceAndNeverThrow(
        @ForAll("stageNames") final String name, @ForAll("batches") final List<Packet> packets) throws Exception
    {
        final Stage stage = create(name);
        final OffHeapBatch batch = new OffHeapBatch(packets.size());
        for (final Packet packet : packets)
        {
            batch.add(packet.frame(), Math.min(packet.offset(), OffHeapBatch.BUFFER_SIZE - packet.frame().length),
                packet.inPort());
        }
        stage.start(new TestStageContext(name, stage.outputs(), PORTS));
        final RecordingOutputs outputs = new RecordingOutputs(stage.outputs(), packets.size());

        stage.process(batch.batch(), outputs);
        stage.process(batch.batch(), new RecordingOutputs(stage.outputs(), packets.size()));
        stage.stop();

        outputs.assertEachDecidedOnce(packets.size());
        for (final String decision : outputs.decisions(packets.size()))
        {
            assertTrue(stage.outputs().contains(decision) || decision.startsWith("x "), name + ": " + decision);
        }
        assertTrue(outputs.copies().size() <= packets.size() * stage.copiesPerPacket(), name + ": too many copies");
        for (int i = 0; i < packets.size(); i++)
        {
            assertTrue(batch.batch().offset(i) >= 0 &&
                batch.batch().offset(i) + batch.batch().length(i) <= OffHeapBatch.BUFFER_SIZE, name + ": packet " + i);
        }
    }

    @Provide
    Arbitrary<String> stageNames()
    {
        return Arbitraries.of(STAGES.keySet());
    }

    @Provide
    Arbitrary<List<Packet>> batches()
    {
        final Arbitrary<Packet> packet = Combinators.combine(
            AdversarialFrames.any(),
            Arbitraries.of(0, 0, 2, 4, OffHeapBatch.HEADROOM, OffHeapBatch.BUFFER_SIZE),
            Arbitraries.integers().between(-1, PORTS.size())).as(Packet::new);
        return packet.list().ofMinSize(1).ofMaxSize(48);
    }

    private static Stage create(final String name) throws Exception
    {
        String params = PARAMS.get(name);
        if ("pcap-writer".equals(name))
        {
            final Path file = Files.createTempFile("stage-properties", ".pcap");
            file.toFile().deleteOnExit();
            params = "file = \"" + file + "\", rotate-size = 2K";
        }
        return STAGES.get(name).apply(Params.of(params));
    }
}
