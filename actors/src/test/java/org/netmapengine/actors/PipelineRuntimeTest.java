package org.netmapengine.actors;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.pipeline.compiler.PipelineCompiler;
import org.netmapengine.pipeline.compiler.StageRegistry;
import org.netmapengine.pipeline.graph.CompiledPipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineRuntimeTest
{
    private static ActorTestKit testKit;

    @TempDir
    Path dir;

    @BeforeAll
    static void start()
    {
        testKit = ActorTestKit.create(ConfigFactory.load());
        testKit.spawn(DeadLetterSalvager.create(), "salvager");
    }

    @AfterAll
    static void stop()
    {
        testKit.shutdownTestKit();
    }

    private ActorRef<PipelineRuntime.Command> startPipeline(final String hocon, final EmulatedBackend backend)
    {
        final CompiledPipeline pipeline = PipelineCompiler.compile(ConfigFactory.parseString(hocon).resolve(),
            PipelineCompiler.DEFAULT_PATH, StageRegistry.standard());
        final TestProbe<PipelineRuntime.StartResult> started = testKit.createTestProbe();
        testKit.spawn(PipelineRuntime.create(pipeline, port -> backend, PipelineRuntime.Tuning.DEFAULT, started.ref()));
        final PipelineRuntime.StartResult result = started.receiveMessage(Duration.ofSeconds(10));
        assertInstanceOf(PipelineRuntime.Started.class, result, result.toString());
        return ((PipelineRuntime.Started)result).runtime();
    }

    private static PipelineReport stopPipeline(final ActorRef<PipelineRuntime.Command> runtime)
    {
        final TestProbe<PipelineReport> report = testKit.createTestProbe();
        runtime.tell(new PipelineRuntime.Stop(report.ref()));
        return report.receiveMessage(Duration.ofSeconds(30));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAccountForEveryPacketOfANormalRun() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline("""
            pipeline {
              name = normal
              ports {
                in { port = "netmap:rt}0", to = classify, extra-buffers = 8192 }
                out { port = "netmap:rt{1" }
              }
              stages {
                classify {
                  type = classify-ethertype
                  params { rules { ipv4 = 0x0800 } }
                  outputs { ipv4 = count, miss = drop }
                }
                count { type = counter, outputs { out = tee } }
                tee { type = tee, params { copies = [mirror] }, outputs { out = out, mirror = drop } }
              }
            }
            """, backend);
        final long packets = 2_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:rt{0", "netmap:rt}1", packets, 0).start())
        {
            assertTrue(traffic.awaitSunk(packets, 60_000), "sink got " + traffic.sunk() + " of " + packets);
            final PipelineReport report = stopPipeline(runtime);

            System.out.println(report.render());
            assertTrue(report.clean(), report.render());
            final PortStatus in = report.receivers().get(0);
            assertEquals(packets, in.received());
            assertEquals(packets, in.transmitted());
            assertEquals(in.copies(), in.droppedTotal(), "every mirror copy was dropped, nothing else");
            assertEquals(packets, report.transmitters().get(0).transmitted());
            assertTrue(traffic.sink.checks().isClean(), "the sink saw every packet once, in order, intact");
        }
    }
}
