package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pipelines run by the actor runtime on emulated pipes, fed by pkt-gen and drained into a verifying sink; at
 * shutdown every packet must be accounted for: {@code received + copies = transmitted + dropped + in flight},
 * in flight 0, and what the transmitters sent equals what the owners were told.
 */
class PipelineRuntimeTest
{
    @RegisterExtension
    static final PipelineDriver pipelines = new PipelineDriver();

    @TempDir
    Path dir;

    private EmulatedBackend backend()
    {
        return new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
    }

    /**
     * Ports in (netmap:P}0, to FIRST) and out (netmap:P{1), with the given stages. Out ports wait up to 30 s for
     * room: on a loaded machine the sink thread can be descheduled longer than the 100 ms default, and these tests
     * count what arrives, not what a full ring would drop.
     */
    private ActorRef<PipelineRuntime.Command> startPipeline(
        final EmulatedBackend backend, final String parent, final String first, final String stages)
    {
        return startPipeline(backend, "pipeline {\n name = " + parent + "\n ports {\n" +
            "  in { port = \"netmap:" + parent + "}0\", to = " + first + " }\n" +
            "  out { port = \"netmap:" + parent + "{1\", tx.wait-timeout = 30s }\n }\n stages {\n" + stages + "\n }\n}\n",
            PipelineRuntime.Tuning.DEFAULT);
    }

    private static ActorRef<PipelineRuntime.Command> startPipeline(
        final EmulatedBackend backend, final String hocon, final PipelineRuntime.Tuning tuning)
    {
        return pipelines.start(PipelineDriver.compile(hocon), backend, tuning);
    }

    /** Tuning with room for 64 batches in flight per receiver. */
    private static final PipelineRuntime.Tuning DEEP = new PipelineRuntime.Tuning(64, 32, 256, Duration.ofSeconds(5),
        Duration.ofSeconds(2), "netmap-engine.dispatchers.port");

    private static void assertBalanced(final PipelineReport report)
    {
        final PortStatus in = report.receivers().get(0);
        assertEquals(0, in.inFlight(), "in flight at close");
        assertEquals(in.received() + in.copies(), in.transmitted() + in.droppedTotal(), report.render());
        assertEquals(report.transmitters().get(0).transmitted(), in.transmitted(), "transmitters and owners agree");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAccountForEveryPacketOfANormalRun() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "normal", "classify", """
            classify {
              type = classify-ethertype
              params { rules { ipv4 = 0x0800 } }
              outputs { ipv4 = count, miss = drop }
            }
            count { type = counter, outputs { out = tee } }
            tee { type = tee, params { copies = [mirror] }, outputs { out = out, mirror = drop } }
            """);
        final long packets = 2_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:normal{0", "netmap:normal}1", packets, 0).start())
        {
            assertTrue(traffic.awaitSunk(packets, 60_000), "sink got " + traffic.sunk() + " of " + packets);
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            final PortStatus in = report.receivers().get(0);
            assertEquals(packets, in.received());
            assertEquals(packets, in.transmitted());
            assertEquals(packets, in.copies(), "every packet was mirrored");
            assertEquals(packets, in.dropped().get("drop"), "and every mirror copy dropped");
            assertTrue(traffic.sink.checks().isClean(), "the sink saw every packet once, in order, intact");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"poll", "backoff", "yield", "spin"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCarryEveryPacketOfPacedTrafficWhateverTheIdleStrategy(final String idle) throws Exception
    {
        final EmulatedBackend backend = backend();
        final String parent = "idle" + idle;
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "pipeline {\n name = " + parent +
            "\n ports {\n  in { port = \"netmap:" + parent + "}0\", to = count, idle = " + idle + " }\n" +
            "  out { port = \"netmap:" + parent + "{1\", idle = " + idle + ", tx.wait-timeout = 30s }\n }\n" +
            " stages {\n  count { type = counter, outputs { out = out } }\n }\n}\n", PipelineRuntime.Tuning.DEFAULT);
        // Paced, so the receiver finds its ring empty between bursts and idles its way many times.
        final long packets = 100_000;
        try (Traffic traffic = new Traffic(backend, "netmap:" + parent + "{0", "netmap:" + parent + "}1", packets,
            100_000).start())
        {
            assertTrue(traffic.awaitSunk(packets, 60_000), "sink got " + traffic.sunk() + " of " + packets);
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            assertEquals(packets, report.receivers().get(0).transmitted());
            assertTrue(report.receivers().get(0).idlePolls() > 0, "it idled: " + report.render());
            assertTrue(traffic.sink.checks().isClean(), "the sink saw every packet once, in order, intact");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldDropOnlyThePacketsAStageThrowsOnAndGoOn() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "throws", "thrower", """
            thrower { class = "org.netmapengine.actors.stages.ThrowsOnEveryThousandth", outputs { out = out } }
            """);
        final long packets = 1_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:throws{0", "netmap:throws}1", packets, 0).start())
        {
            assertTrue(traffic.awaitSunk(packets - packets / 1000, 60_000), "sink got " + traffic.sunk());
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            final PortStatus in = report.receivers().get(0);
            assertEquals(packets, in.received());
            assertEquals(packets / 1000, in.dropped().get("error"), "exactly the packets that made it throw");
            assertEquals(packets - packets / 1000, in.transmitted());
            assertEquals(packets - packets / 1000, traffic.sunk());
            assertTrue(report.stages().get(0).errors() >= packets / 1000);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldHoldASlowStagesInputInTheRingAndLoseNothing() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "slow", "slow", """
            slow { class = "org.netmapengine.actors.stages.Slow", outputs { out = out } }
            """);
        final long packets = 300_000;
        try (Traffic traffic = new Traffic(backend, "netmap:slow{0", "netmap:slow}1", packets, 0).start())
        {
            assertTrue(traffic.awaitSunk(packets, 90_000), "sink got " + traffic.sunk() + " of " + packets);
            final PipelineStatus running = pipelines.status(runtime);
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            assertEquals(packets, report.receivers().get(0).received());
            assertEquals(0, report.receivers().get(0).droppedTotal(), "nothing lost inside the engine");
            assertTrue(running.receivers().get(0).stalls() > 0, "the receiver stopped taking packets at times");
            assertTrue(traffic.sink.checks().isClean());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRecoverThePacketsOfAStageActorStoppedMidRun() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "stopped", "first", """
            first { type = counter, outputs { out = second } }
            second { type = counter, async = true, outputs { out = out } }
            """);
        try (Traffic traffic = new Traffic(backend, "netmap:stopped{0", "netmap:stopped}1", 3_000_000, 0).start())
        {
            assertTrue(traffic.awaitSunk(100_000, 30_000));
            runtime.tell(new PipelineRuntime.StopSegment("second"));
            Thread.sleep(300);
            traffic.stopGenerator();
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            final PortStatus in = report.receivers().get(0);
            assertTrue(in.dropped().getOrDefault("stage-stopped", 0L) > 0, report.render());
            assertEquals(in.received(), in.transmitted() + in.droppedTotal());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAccountForEveryPacketWhenShutDownWhileTrafficFlows() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "busy", "count", """
            count { type = counter, outputs { out = out } }
            """);
        try (Traffic traffic = new Traffic(backend, "netmap:busy{0", "netmap:busy}1", 0, 0).start())
        {
            assertTrue(traffic.awaitSunk(500_000, 30_000));
            final PipelineReport report = pipelines.stop(runtime);
            final long transmitted = report.receivers().get(0).transmitted();
            assertTrue(traffic.awaitSunk(transmitted, 10_000), "the sink gets everything transmitted");

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            assertEquals(transmitted, traffic.sunk());
            assertTrue(traffic.sink.checks().isClean());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldNameTheStageThatLeaksHandles() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "leak", "leaky", """
            leaky { class = "org.netmapengine.actors.stages.Leaky", outputs { out = out } }
            """);
        try (Traffic traffic = new Traffic(backend, "netmap:leak{0", "netmap:leak}1", 100_000, 0).start())
        {
            assertTrue(traffic.awaitSunk(90_000, 30_000));
            Thread.sleep(200);
            final PipelineReport report = pipelines.stop(runtime);

            assertFalse(report.clean());
            final StageStatus leaky = report.stages().get(0);
            assertTrue(leaky.leaked() > 0);
            assertTrue(report.leaks().contains("stage leaky: leaked " + leaky.leaked() + " handles (neither sent " +
                "nor dropped; their buffers were recovered as dropped 'unrouted')"), report.leaks().toString());
            assertEquals(0, report.receivers().get(0).inFlight(), "yet every buffer came back");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunParallelInstancesAndAsyncBoundariesWithoutLoss() throws Exception
    {
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "par", "by-port", """
            by-port {
              type = classify-port
              parallelism = 2
              params { rules { dns = { protocol = udp, ports = 53 } } }
              outputs { dns = gather, miss = gather }
            }
            gather { type = counter, async = true, outputs { out = out } }
            """);
        final long packets = 1_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:par{0", "netmap:par}1", packets, 0).start())
        {
            assertTrue(traffic.awaitSunk(packets, 60_000), "sink got " + traffic.sunk());
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            final long perInstance0 = report.stages().stream().filter(s -> s.name().equals("by-port#0"))
                .mapToLong(StageStatus::in).sum();
            final long perInstance1 = report.stages().stream().filter(s -> s.name().equals("by-port#1"))
                .mapToLong(StageStatus::in).sum();
            assertEquals(packets, perInstance0 + perInstance1);
            assertTrue(perInstance0 > 0 && perInstance1 > 0, "both instances got flows");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCarryEveryPacketThroughTheBranchesOfAFusedSegment() throws Exception
    {
        final EmulatedBackend backend = backend();
        final String hocon = """
            pipeline {
              name = branches
              ports {
                in { port = "netmap:br}0", to = by-port, extra-buffers = 16384 }
                out { port = "netmap:br{1", tx.wait-timeout = 30s }
                mirror { port = "netmap:br{2", tx.wait-timeout = 30s }
              }
              stages {
                by-port {
                  type = classify-port
                  params { rules { dns = { protocol = udp, ports = "53" } } }
                  outputs { dns = count-dns, miss = count-other }
                }
                count-dns { type = counter, outputs { out = tee } }
                count-other { type = counter, outputs { out = out } }
                tee { type = tee, params { copies = [mirror] }, outputs { out = out, mirror = mirror } }
              }
            }
            """;
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, hocon, DEEP);
        final long packets = 1_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:br{0", "netmap:br}1", packets, 0);
             Traffic mirror = new Traffic(backend, "netmap:br{9", "netmap:br}2", 0, 0))
        {
            mirror.startSinkOnly();
            traffic.start();
            assertTrue(traffic.awaitSunk(packets, 60_000), "sink got " + traffic.sunk());
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            final PortStatus in = report.receivers().get(0);
            assertEquals(packets, in.transmitted() - in.copies(), "every packet left through out");
            final long dns = report.stages().stream().filter(s -> s.name().equals("count-dns"))
                .mapToLong(StageStatus::in).sum();
            assertTrue(dns > 0 && dns < packets, "both branches carried packets: " + dns);
            assertEquals(dns, in.copies(), "every DNS packet was mirrored");
            assertTrue(mirror.awaitSunk(dns, 10_000), "and the mirror port got every copy: " + mirror.sunk());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldKeepMovingWithManyBatchesInFlight() throws Exception
    {
        final EmulatedBackend backend = backend();
        final String hocon = """
            pipeline {
              name = deep
              ports {
                in { port = "netmap:deep}0", to = by-port, extra-buffers = 16384 }
                out { port = "netmap:deep{1", tx.wait-timeout = 30s }
              }
              stages {
                by-port {
                  type = classify-port
                  params { rules { dns = { protocol = udp, ports = "53" } } }
                  outputs { dns = count, miss = count }
                }
                count { type = counter, outputs { out = out } }
              }
            }
            """;
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, hocon, DEEP);
        final long packets = 3_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:deep{0", "netmap:deep}1", packets, 0).start())
        {
            assertTrue(traffic.awaitSunk(packets, 60_000), "sink got " + traffic.sunk() + " of " + packets);
            final PipelineReport report = pipelines.stop(runtime);

            assertTrue(report.clean(), report.render());
            assertBalanced(report);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRestartAFailedStageActorAndGiveBackTheBuffersItHeld() throws Exception
    {
        org.netmapengine.actors.stages.FailsItsActorOnce.ARMED.set(true);
        final EmulatedBackend backend = backend();
        final ActorRef<PipelineRuntime.Command> runtime = startPipeline(backend, "restart", "fails", """
            fails { class = "org.netmapengine.actors.stages.FailsItsActorOnce", outputs { out = count } }
            count { type = counter, outputs { out = out } }
            """);
        final long packets = 1_000_000;
        try (Traffic traffic = new Traffic(backend, "netmap:restart{0", "netmap:restart}1", packets, 0).start())
        {
            final long deadline = System.currentTimeMillis() + 60_000;
            while (org.netmapengine.actors.stages.FailsItsActorOnce.ARMED.get() && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(10);
            }
            traffic.generator.stop();
            Thread.sleep(500);
            final PipelineReport report = pipelines.stop(runtime);

            assertFalse(org.netmapengine.actors.stages.FailsItsActorOnce.ARMED.get(), "the stage failed its actor");
            assertTrue(report.clean(), report.render());
            assertBalanced(report);
            final PortStatus in = report.receivers().get(0);
            assertTrue(in.dropped().getOrDefault("error", 0L) > 0, "what the failed actor held came back as error");
            assertEquals(1, report.stages().get(0).restarts(), report.render());
            assertTrue(traffic.awaitSunk(in.transmitted(), 10_000), "and traffic went on after the restart");
        }
    }
}
