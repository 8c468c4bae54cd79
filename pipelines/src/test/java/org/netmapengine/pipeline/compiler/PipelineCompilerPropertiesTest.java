package org.netmapengine.pipeline.compiler;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.netmapengine.pipeline.graph.CompiledPipeline;
import org.netmapengine.pipeline.graph.PortDef;
import org.netmapengine.pipeline.graph.Segment;
import org.netmapengine.pipeline.graph.StageDef;
import org.netmapengine.pipeline.graph.Target;

import java.util.HashSet;
import java.util.Set;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever a definition holds, the compiler either compiles it or reports located errors: no other exception
 * escapes. And what compiles is a consistent model: every stage in exactly one segment, stage exits are segment
 * entries, stages come after their feeders, every output has a target.
 */
class PipelineCompilerPropertiesTest
{
    private static final List<String> KEYS = List.of(
        "name", "ports", "stages", "port", "to", "batch", "extra-buffers", "idle", "strategy", "timeout",
        "min-park", "max-park", "cpu", "rings", "tx", "when-full", "backend", "type", "class", "params", "outputs",
        "async", "parallelism", "rules", "copies", "reason", "protocol", "match", "in", "out", "a", "b", "drop",
        "ipv4", "miss");
    private static final List<Object> LEAVES = List.of(
        "netmap:eth0", "netmap:eth0-1", "netmap:eth0-x", "vale0:a", "counter", "tee", "drop", "transmit",
        "classify-port", "classify-ethertype", "com.acme.PassThrough", "com.acme.Nope", "java.lang.String",
        "in", "out", "a", "b", "poll", "backoff", "spin", "per-ring", "udp", "tcp", "53", "80-90", "0x0800", "1ms",
        "", 0, 1, -1, 4, 70000, 2.5, true, false);

    @Property(tries = 1000)
    void shouldOnlyCompileOrReportErrors(@ForAll("pipelines") final Map<String, Object> pipeline)
    {
        final Config root = ConfigFactory.empty().withValue("pipeline", ConfigValueFactory.fromAnyRef(pipeline));
        try
        {
            PipelineCompiler.compile(root, "pipeline", StageRegistry.standard());
        }
        catch (final PipelineValidationException e)
        {
            // reported, located errors: fine
        }
    }

    @Property(tries = 500)
    void shouldCompileAcyclicReachableGraphsIntoConsistentModels(
        @ForAll("wiredPipelines") final Map<String, Object> pipeline)
    {
        final Config root = ConfigFactory.empty().withValue("pipeline", ConfigValueFactory.fromAnyRef(pipeline));

        final CompiledPipeline compiled = PipelineCompiler.compile(root, "pipeline", StageRegistry.standard());

        Statistics.collect(compiled.segments().size() + " segments");
        assertConsistent(compiled);
    }

    /**
     * Acyclic by construction: stage i (a tee with outputs out and copy) sends only to later stages, a port or drop;
     * a stage no earlier stage feeds gets a port of its own, so every stage is reachable.
     */
    @Provide
    Arbitrary<Map<String, Object>> wiredPipelines()
    {
        return Arbitraries.integers().between(1, 6).flatMap(n -> Combinators.combine(
            Arbitraries.integers().between(0, 99).list().ofSize(2 * n),
            Arbitraries.of(true, false, false, false).list().ofSize(n),
            Arbitraries.of(1, 1, 1, 2, 4).list().ofSize(n)).as(PipelineCompilerPropertiesTest::wired));
    }

    private static Map<String, Object> wired(final List<Integer> picks, final List<Boolean> async,
        final List<Integer> parallelism)
    {
        final int n = async.size();
        final Map<String, Object> stages = new LinkedHashMap<>();
        final Set<Integer> fed = new HashSet<>();
        for (int i = 0; i < n; i++)
        {
            final Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("out", target(i, n, picks.get(2 * i), fed));
            outputs.put("copy", target(i, n, picks.get(2 * i + 1), fed));
            final Map<String, Object> block = new LinkedHashMap<>();
            block.put("type", "tee");
            block.put("params", Map.of("copies", List.of("copy")));
            block.put("outputs", outputs);
            block.put("async", async.get(i));
            block.put("parallelism", parallelism.get(i));
            stages.put("s" + i, block);
        }
        final Map<String, Object> ports = new LinkedHashMap<>();
        for (int i = 0; i < n; i++)
        {
            if (!fed.contains(i) || 0 == picks.get(2 * i) % 5)
            {
                ports.put("in" + i, Map.of("port", "netmap:eth0-" + i, "to", "s" + i));
            }
        }
        ports.put("out", "netmap:eth9");
        final Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("ports", ports);
        pipeline.put("stages", stages);
        return pipeline;
    }

    private static String target(final int from, final int n, final int pick, final Set<Integer> fed)
    {
        final int later = n - from - 1;
        if (later > 0 && pick < 70)
        {
            final int to = from + 1 + pick % later;
            fed.add(to);
            return "s" + to;
        }
        return pick < 85 ? "out" : "drop";
    }

    private static void assertConsistent(final CompiledPipeline pipeline)
    {
        final Map<String, Segment> segmentOf = new HashMap<>();
        for (final Segment segment : pipeline.segments())
        {
            for (final StageDef stage : segment.stages())
            {
                if (null != segmentOf.put(stage.name(), segment))
                {
                    throw new AssertionError("stage in two segments: " + stage.name());
                }
            }
        }
        if (segmentOf.size() != pipeline.stages().size())
        {
            throw new AssertionError("stages outside segments: " + pipeline);
        }

        final Set<String> placed = new HashSet<>();
        for (final StageDef stage : pipeline.stages())
        {
            if (!stage.wiring().keySet().equals(new HashSet<>(stage.outputs())))
            {
                throw new AssertionError("unwired outputs: " + stage);
            }
            for (final StageDef other : pipeline.stages())
            {
                if (other.wiring().containsValue(new Target.StageTarget(stage.name())) &&
                    !placed.contains(other.name()))
                {
                    throw new AssertionError(stage.name() + " before its feeder " + other.name());
                }
            }
            placed.add(stage.name());
        }

        for (final Segment segment : pipeline.segments())
        {
            for (final Target exit : segment.exits())
            {
                if (exit instanceof Target.StageTarget &&
                    segmentOf.get(((Target.StageTarget)exit).stage()).entry() !=
                    pipeline.stage(((Target.StageTarget)exit).stage()))
                {
                    throw new AssertionError("exit into the middle of a segment: " + exit + " in " + segment);
                }
            }
        }
        for (final Segment segment : pipeline.segments())
        {
            for (final StageDef member : segment.stages().subList(1, segment.stages().size()))
            {
                if (member.async() || member.parallelism() > 1)
                {
                    throw new AssertionError("async or parallel stage fused: " + member);
                }
                for (final StageDef feeder : pipeline.stages())
                {
                    if (feeder.wiring().containsValue(new Target.StageTarget(member.name())) &&
                        segmentOf.get(feeder.name()) != segment)
                    {
                        throw new AssertionError("fused stage fed from another segment: " + member);
                    }
                }
            }
        }
        for (final PortDef port : pipeline.ports())
        {
            if (port.to().orElse(null) instanceof Target.StageTarget &&
                segmentOf.get(((Target.StageTarget)port.to().get()).stage()).entry() !=
                pipeline.stage(((Target.StageTarget)port.to().get()).stage()))
            {
                throw new AssertionError("port into the middle of a segment: " + port);
            }
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> pipelines()
    {
        return objects(4);
    }

    private Arbitrary<Map<String, Object>> objects(final int depth)
    {
        final Arbitrary<Object> values = depth <= 1 ? leaves() :
            Arbitraries.oneOf(leaves(), objects(depth - 1).map(m -> (Object)m), lists());
        return Arbitraries.maps(Arbitraries.of(KEYS), values).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private Arbitrary<Object> lists()
    {
        return leaves().list().ofMaxSize(3).map(l -> (Object)l);
    }

    private Arbitrary<Object> leaves()
    {
        return Arbitraries.of(LEAVES);
    }
}
