package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.pcap.PcapFileWriter;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.FrameTemplate;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.RangeWalker;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An offline capture run through a pipeline as live traffic is: a {@code pcap:} port replays the file into the
 * same receiver, stages and accounting.
 */
class PcapReplayRuntimeTest
{
    @RegisterExtension
    static final PipelineDriver pipelines = new PipelineDriver();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunEveryPacketOfACaptureThroughThePipelineAsManyTimesAsAsked() throws Exception
    {
        final int packets = 50_000;
        final Path file = pktGenCapture(packets);
        final Backend backends = Backends.create(BackendKind.EMULATED, EmulatedConfig.DEFAULT.withDirectory(dir));
        final ActorRef<PipelineRuntime.Command> runtime = pipelines.start(String.join("\n",
            "pipeline {",
            "  ports { in { port = \"pcap:" + file + "@replay:loop=2\", to = classify } }",
            "  stages {",
            "    classify {",
            "      type = classify-port",
            "      params { rules { even = { protocol = udp, ports = \"0-65535\", match = src } } }",
            "      outputs { even = count, miss = drop }",
            "    }",
            "    count { type = counter, outputs { out = drop } }",
            "  }",
            "}"), backends);

        pipelines.await(runtime, status -> received(status) >= 2L * packets, Duration.ofSeconds(60));
        final PipelineReport done = pipelines.stop(runtime);

        assertTrue(done.clean(), done.render());
        final PortStatus in = done.receivers().get(0);
        assertEquals(2L * packets, in.received(), done.render());
        assertEquals(2L * packets, in.dropped().get("drop"), done.render());
        assertEquals(2L * packets, done.stages().stream().filter(s -> s.name().equals("count")).findFirst()
            .orElseThrow().in(), done.render());
    }

    private static long received(final PipelineStatus status)
    {
        return status.receivers().stream().mapToLong(PortStatus::received).sum();
    }

    /** @return a capture of pkt-gen's UDP frames over a range of addresses and ports. */
    private Path pktGenCapture(final int packets) throws Exception
    {
        final Path file = dir.resolve("pktgen.pcap");
        final FrameTemplate template = new FrameTemplate(FrameSpec.DEFAULT.withRanges(
            Ipv4Range.parse("10.0.0.1:1000-10.0.0.20:1010"), Ipv4Range.parse("10.1.0.1:53")));
        final RangeWalker walker = new RangeWalker(template.spec().src(), template.spec().dst());
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[template.length()]);
        try (PcapFileWriter writer = PcapFileWriter.create(file, 65535))
        {
            for (int i = 0; i < packets; i++)
            {
                template.writeTo(frame, walker, i);
                walker.advance();
                writer.write(frame, 0, template.length(), 1_700_000_000_000_000_000L + i * 1000L);
            }
        }
        return file;
    }
}
