package org.netmapengine.pipeline.stages;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;

/**
 * Bad input never escapes the classifiers: random bytes of random length, and well-formed frames with random bytes
 * overwritten and random cuts, are each decided exactly once, to a declared output or with a parser drop reason.
 */
class ClassifierPropertiesTest
{
    private static final String ETHERTYPE_RULES = "rules { ipv4 = 0x0800, ipv6 = 0x86dd, arp = 0x0806 }";
    private static final String PORT_RULES =
        "rules { dns = { protocol = udp, ports = 53 }, web = { protocol = tcp, ports = \"80,443\", match = either } }";

    @Property(tries = 1000)
    void shouldDecideRandomBytesOnceInClassifyEthertype(@ForAll("randomFrames") final List<byte[]> frames)
    {
        assertDecidedOnce(new ClassifyEthertype(Params.of(ETHERTYPE_RULES)), frames);
    }

    @Property(tries = 1000)
    void shouldDecideRandomBytesOnceInClassifyPort(@ForAll("randomFrames") final List<byte[]> frames)
    {
        assertDecidedOnce(new ClassifyPort(Params.of(PORT_RULES)), frames);
    }

    @Property(tries = 1000)
    void shouldDecideDamagedFramesOnceInClassifyEthertype(@ForAll("damagedFrames") final List<byte[]> frames)
    {
        assertDecidedOnce(new ClassifyEthertype(Params.of(ETHERTYPE_RULES)), frames);
    }

    @Property(tries = 1000)
    void shouldDecideDamagedFramesOnceInClassifyPort(@ForAll("damagedFrames") final List<byte[]> frames)
    {
        assertDecidedOnce(new ClassifyPort(Params.of(PORT_RULES)), frames);
    }

    @Provide
    Arbitrary<List<byte[]>> randomFrames()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200).list().ofMinSize(1).ofMaxSize(32);
    }

    @Provide
    Arbitrary<List<byte[]>> damagedFrames()
    {
        final Arbitrary<byte[]> templates = Arbitraries.of(
            ethernet(0x0800, ipv4(UDP, udp(1000, 53, 16))),
            ethernet(0x0800, ipv4(TCP, tcp(1000, 443, 0)), 0x8100, 5),
            ethernet(0x86DD, ipv6(UDP, udp(53, 1000, 8)), 0x88A8, 1, 0x8100, 2),
            ethernet(0x86DD, ipv6(TCP, tcp(80, 1000, 0))),
            ethernet(0x0806, new byte[28]));
        final Arbitrary<byte[]> damaged = Combinators.combine(
            templates,
            Arbitraries.integers().between(0, 90).list().ofMaxSize(4),
            Arbitraries.bytes().list().ofSize(4),
            Arbitraries.integers().between(0, 100)).as(ClassifierPropertiesTest::damage);
        return damaged.list().ofMinSize(1).ofMaxSize(32);
    }

    private static byte[] damage(
        final byte[] template, final List<Integer> offsets, final List<Byte> values, final int cutPercent)
    {
        final byte[] frame = template.clone();
        for (int i = 0; i < offsets.size(); i++)
        {
            if (offsets.get(i) < frame.length)
            {
                frame[offsets.get(i)] = values.get(i);
            }
        }
        return java.util.Arrays.copyOf(frame, frame.length * cutPercent / 100);
    }

    private static void assertDecidedOnce(final Stage stage, final List<byte[]> frames)
    {
        final OffHeapBatch batch = OffHeapBatch.of(frames.toArray(new byte[0][]));
        final RecordingOutputs outputs = TestStageContext.start(stage, frames.size());

        stage.process(batch.batch(), outputs);

        outputs.assertEachDecidedOnce(frames.size());
        final List<String> allowed = new ArrayList<>(stage.outputs());
        for (final ParseResult result : ParseResult.values())
        {
            if (ParseResult.OK != result)
            {
                allowed.add("x " + result.reason().name());
            }
        }
        for (final String decision : outputs.decisions(frames.size()))
        {
            assertTrue(allowed.contains(decision), decision);
        }
    }
}
