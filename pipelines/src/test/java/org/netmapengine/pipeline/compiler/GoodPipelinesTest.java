package org.netmapengine.pipeline.compiler;

import com.acme.PassThrough;
import org.junit.jupiter.api.Test;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.graph.CompiledPipeline;
import org.netmapengine.pipeline.graph.IdleSettings;
import org.netmapengine.pipeline.graph.PortDef;
import org.netmapengine.pipeline.graph.Segment;
import org.netmapengine.pipeline.graph.StageDef;
import org.netmapengine.pipeline.graph.Target;
import org.netmapengine.pipeline.graph.TxSettings;
import org.netmapengine.pipeline.stages.ClassifyEthertype;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pipelines that compile (under {@code src/test/resources/pipelines/good}): the model the runtime gets.
 */
class GoodPipelinesTest
{
    private static final Target DROP = Target.DROP;

    @Test
    void shouldFuseEverythingOneReceiverFeedsIntoOneSegment()
    {
        final CompiledPipeline pipeline = compile("fused.conf");

        assertEquals(List.of("[classify, count] x1 from ports [in] segments [] exits [drop, port out]"),
            describe(pipeline.segments()));
    }

    @Test
    void shouldOrderStagesTopologically()
    {
        assertEquals(List.of("classify", "count"), names(compile("fused.conf").stages()));
        assertEquals(List.of("a", "c", "b", "d"), names(compile("diamond.conf").stages()));
    }

    @Test
    void shouldResolveOutputsToStagesPortsAndDrop()
    {
        final CompiledPipeline pipeline = compile("fused.conf");

        assertEquals(Map.of("ipv4", new Target.StageTarget("count"), "arp", DROP, "miss", DROP),
            pipeline.stage("classify").wiring());
        assertEquals(Map.of("out", new Target.PortTarget("out")), pipeline.stage("count").wiring());
    }

    @Test
    void shouldNumberOutputsInTheOrderTheStageDeclaresThem()
    {
        final StageDef classify = compile("fused.conf").stage("classify");

        assertEquals(List.of("arp", "ipv4", "miss"), classify.outputs());
        assertEquals(List.of("arp", "ipv4", "miss"), List.copyOf(classify.wiring().keySet()));
        assertEquals(1, classify.outputId("ipv4"));
        assertEquals(-1, classify.outputId("nope"));
        assertEquals(DROP, classify.target(2));
    }

    @Test
    void shouldTellReceivingPortsFromTransmittingOnes()
    {
        final CompiledPipeline pipeline = compile("fused.conf");
        final PortDef in = pipeline.port("in");
        final PortDef out = pipeline.port("out");

        assertEquals(List.of(true, false), List.of(in.receives(), in.transmits()));
        assertEquals(Optional.of(new Target.StageTarget("classify")), in.to());
        assertEquals(List.of(false, true), List.of(out.receives(), out.transmits()));
        assertEquals(Optional.empty(), out.to());
    }

    @Test
    void shouldStartASegmentAtAnAsyncStage()
    {
        assertEquals(List.of(
            "[parse] x1 from ports [in] segments [] exits [stage inspect]",
            "[inspect] x1 from ports [] segments [parse] exits [port out]"),
            describe(compile("async.conf").segments()));
    }

    @Test
    void shouldRunStagesFusedAfterAParallelStageInEachInstance()
    {
        assertEquals(List.of(
            "[balance] x1 from ports [in] segments [] exits [stage work]",
            "[work, count-web] x4 from ports [] segments [balance] exits [stage gather]",
            "[gather] x1 from ports [] segments [work] exits [port out]"),
            describe(compile("parallel.conf").segments()));
    }

    @Test
    void shouldStartASegmentAtAStageFedByTwoSegments()
    {
        assertEquals(List.of(
            "[a] x1 from ports [in] segments [] exits [stage b, stage join]",
            "[b] x1 from ports [] segments [a] exits [stage join]",
            "[join] x1 from ports [] segments [a, b] exits [drop]"),
            describe(compile("fan-in.conf").segments()));
    }

    @Test
    void shouldKeepADiamondInOneSegmentInTopologicalOrder()
    {
        assertEquals(List.of("[a, c, b, d] x1 from ports [in] segments [] exits [drop]"),
            describe(compile("diamond.conf").segments()));
    }

    @Test
    void shouldFeedOneSegmentFromTwoPorts()
    {
        assertEquals(List.of("[count] x1 from ports [east, west] segments [] exits [drop]"),
            describe(compile("two-ports-one-stage.conf").segments()));
    }

    @Test
    void shouldFindEachStagesSegment()
    {
        final CompiledPipeline pipeline = compile("parallel.conf");

        assertEquals("work", pipeline.segmentOf("count-web").name());
        assertTrue(pipeline.segmentOf("count-web").contains("work"));
        assertNull(pipeline.segmentOf("nope"));
    }

    @Test
    void shouldCompileTransmitStagesIntoPortTargets()
    {
        final CompiledPipeline pipeline = compile("transmit.conf");

        assertEquals(List.of("count"), names(pipeline.stages()));
        assertEquals(new Target.PortTarget("out"), pipeline.stage("count").target("out"));
        assertEquals(Optional.of(new Target.PortTarget("out")), pipeline.port("bridge-in").to());
        assertTrue(pipeline.port("out").transmits());
        assertEquals(List.of("[count] x1 from ports [in] segments [] exits [port out]"),
            describe(pipeline.segments()));
    }

    @Test
    void shouldWarnAboutAPortNothingUses() throws Exception
    {
        final List<PipelineConfigException> warnings = compile("transmit.conf").warnings();

        assertEquals(List.of(directory().resolve("transmit.conf") + ":7: pipeline.ports.spare: port 'spare' is " +
            "neither received from nor transmitted to: expected a to, or an output or transmit stage that leads to it"),
            warnings.stream().map(PipelineConfigException::getMessage).toList());
    }

    @Test
    void shouldReadEveryPortSetting()
    {
        final CompiledPipeline pipeline = compile("port-settings.conf");
        final PortDef in = pipeline.port("in");

        assertEquals("netmap:eth0", in.spec().name());
        assertEquals(64, in.batch());
        assertEquals(8192, in.extraBuffers());
        assertEquals(new IdleSettings(IdleSettings.Strategy.BACKOFF, IdleSettings.DEFAULT_POLL_TIMEOUT, 100, 10,
            Duration.ofNanos(10_000), Duration.ofMillis(2)), in.idle());
        assertArrayEquals(new int[]{ 2, 3 }, in.cpus());
        assertTrue(in.perRing());
        assertEquals(Optional.of(BackendKind.EMULATED), in.backend());
        assertEquals(new TxSettings(TxSettings.WhenFull.DROP, Duration.ofMillis(5)), in.tx());
    }

    @Test
    void shouldDefaultWhatAPortLeavesOut()
    {
        final CompiledPipeline pipeline = compile("port-settings.conf");
        final PortDef mirror = pipeline.port("mirror");
        final PortDef out = pipeline.port("out");

        assertEquals(IdleSettings.of(IdleSettings.Strategy.SPIN), mirror.idle());
        assertArrayEquals(new int[]{ 4 }, mirror.cpus());
        assertEquals(List.of(256, 4096, false), List.of(mirror.batch(), mirror.extraBuffers(), mirror.perRing()));
        assertEquals(List.of("netmap:eth1", 0, 0), List.of(out.spec().name(), out.extraBuffers(), out.cpus().length));
        assertEquals(IdleSettings.DEFAULT, out.idle());
        assertEquals(TxSettings.DEFAULT, out.tx());
        assertEquals(Optional.empty(), out.backend());
    }

    @Test
    void shouldAllowEntriesThatShareAPortButNoRing()
    {
        assertEquals(8, compile("shared-port.conf").ports().size());
    }

    @Test
    void shouldMakeAFreshUserStageForEachInstance()
    {
        final StageDef mine = compile("user-stages.conf").stage("mine");
        final int before = PassThrough.INSTANCES.get();

        final Stage first = mine.factory().create();
        final Stage second = mine.factory().create();

        assertNotSame(first, second);
        assertEquals(before + 2, PassThrough.INSTANCES.get());
        assertEquals("from the class path", ((PassThrough)first).note());
        assertEquals("com.acme.PassThrough", mine.typeName());
        assertEquals(PassThrough.class, mine.stageClass());
    }

    @Test
    void shouldCompileUserStagesWithANoArgumentConstructor()
    {
        final StageDef split = compile("user-stages.conf").stage("split");

        assertEquals(List.of("left", "right"), split.outputs());
        assertEquals(Map.of("left", DROP, "right", DROP), split.wiring());
    }

    @Test
    void shouldMakeStagesThatRunWithOutputIdsFromTheirDefinition()
    {
        final StageDef classify = compile("fused.conf").stage("classify");
        final Stage stage = classify.factory().create();
        final RecordingOutputs outputs = TestStageContext.start(stage, 2);

        stage.process(OffHeapBatch.of(new byte[60], new byte[3]).batch(), outputs);

        assertEquals(ClassifyEthertype.class, classify.stageClass());
        assertEquals("classify-ethertype", classify.typeName());
        assertEquals(List.of("miss", "x truncated-ethernet"), outputs.decisions(2));
    }

    @Test
    void shouldNameThePipelineAfterItsPathUnlessNamed()
    {
        assertEquals("fused", compile("fused.conf").name());
        assertEquals("pipeline", compile("async.conf").name());
    }

    @Test
    void shouldLocateEachDefinition() throws Exception
    {
        final CompiledPipeline pipeline = compile("fused.conf");
        final String file = directory().resolve("fused.conf").toString();

        assertEquals(file + ":6: pipeline.ports.out", pipeline.port("out").location().toString());
        assertEquals(file + ":13: pipeline.stages.classify", pipeline.stage("classify").location().toString());
        assertFalse(pipeline.stage("classify").async());
        assertEquals(1, pipeline.stage("classify").parallelism());
    }

    static CompiledPipeline compile(final String file)
    {
        try
        {
            return PipelineCompiler.compile(directory().resolve(file), "pipeline", StageRegistry.standard());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    static Path directory() throws URISyntaxException
    {
        return Path.of(GoodPipelinesTest.class.getResource("/pipelines/good").toURI());
    }

    private static List<String> names(final List<StageDef> stages)
    {
        return stages.stream().map(StageDef::name).toList();
    }

    private static List<String> describe(final List<Segment> segments)
    {
        return segments.stream().map(s -> names(s.stages()) + " x" + s.parallelism() + " from ports " +
            s.upstreamPorts() + " segments " + s.upstreamSegments() + " exits " +
            s.exits().stream().map(Target::describe).toList()).toList();
    }
}
