package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.pipeline.testing.CaptureFrames;
import org.netmapengine.pipeline.testing.Tcpdump;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pipeline of {@code filter} stages agrees with tcpdump on the same capture. The capture (pkt-gen's frames over
 * ranges of addresses and ports, TCP with every common flag set, ICMP, IPv6 with extension headers, ARP, VLAN and
 * QinQ tags, fragments, malformed frames) is replayed by a {@code pcap:} port through one filter per expression;
 * every frame passes every filter ({@code match} through a counter, {@code miss} straight on), and each counter must
 * have seen as many frames as {@code tcpdump -r FILE -w OUT EXPRESSION} writes to OUT. Needs tcpdump
 * ({@code bash .ci/test} installs it).
 */
class FilterPipelineTcpdumpTest
{
    @RegisterExtension
    static final PipelineDriver pipelines = new PipelineDriver();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldCountInEachFilterAsManyPacketsAsTcpdumpMatches() throws Exception
    {
        final List<byte[]> frames = CaptureFrames.build(20_261_122L);
        final Path capture = dir.resolve("capture.pcap");
        CaptureFrames.write(frames, capture);
        final List<String> expressions = Tcpdump.EXPRESSIONS;

        final PipelineReport report = run(capture, expressions, frames.size());

        assertTrue(report.clean(), report.render());
        assertEquals(frames.size(), report.receivers().get(0).received(), report.render());
        final List<String> disagreements = new ArrayList<>();
        System.out.println("tcpdump pipeline expression");
        for (int i = 0; i < expressions.size(); i++)
        {
            final long tcpdump = Tcpdump.count(capture, expressions.get(i), dir);
            final long pipeline = stage(report, "matched" + i).in();
            assertEquals(frames.size(), stage(report, "filter" + i).in(), "every frame passes every filter");
            System.out.printf("%6d %6d  %s%n", tcpdump, pipeline, expressions.get(i));
            if (tcpdump != pipeline)
            {
                disagreements.add("'" + expressions.get(i) + "': tcpdump " + tcpdump + ", pipeline " + pipeline);
            }
        }
        assertEquals(List.of(), disagreements, "of " + frames.size() + " frames");
    }

    private PipelineReport run(final Path capture, final List<String> expressions, final int frames)
    {
        final StringBuilder stages = new StringBuilder();
        for (int i = 0; i < expressions.size(); i++)
        {
            final String next = i + 1 < expressions.size() ? "filter" + (i + 1) : "drop";
            stages.append("filter").append(i).append(" { type = filter, params { expression = ")
                .append(ConfigUtil.quoteString(expressions.get(i))).append(" }, outputs { match = matched").append(i)
                .append(", miss = ").append(next).append(" } }\n")
                .append("matched").append(i).append(" { type = counter, outputs { out = ").append(next).append(" } }\n");
        }
        final ActorRef<PipelineRuntime.Command> runtime = pipelines.start("""
            pipeline {
              name = filters
              ports { in { port = %s, to = filter0 } }
              stages { %s }
            }
            """.formatted(ConfigUtil.quoteString("pcap:" + capture), stages),
            Backends.create(BackendKind.EMULATED, EmulatedConfig.DEFAULT.withDirectory(dir)));
        // Every frame has ended once the port counts it dropped at the end of the chain.
        pipelines.await(runtime, status -> status.receivers().get(0).droppedTotal() >= frames, Duration.ofSeconds(60));
        return pipelines.stop(runtime);
    }

    private static StageStatus stage(final PipelineReport report, final String name)
    {
        return report.stages().stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no stage " + name + ": " + report.render()));
    }
}
