package org.netmapengine.engine.embedding;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.actors.PipelineReport;
import org.netmapengine.actors.StageStatus;
import org.netmapengine.engine.EngineMetrics;
import org.netmapengine.engine.NetmapEngine;
import org.netmapengine.engine.NetmapEngineActor;
import org.netmapengine.engine.traffic.TrafficRunner;
import org.netmapengine.engine.traffic.TrafficSettings;
import org.netmapengine.io.backend.Backends;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine inside an application's own ActorSystem, beside the application's own actors, running the
 * application's own stage class, watched by one of its actors.
 */
class EmbeddingTest
{
    @TempDir
    Path dir;

    private ActorSystem<Guardian.Command> system;

    @AfterEach
    void terminate() throws Exception
    {
        if (null != system)
        {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** The application's guardian: it keeps a watcher that polls the engine's metrics. */
    static final class Guardian
    {
        interface Command
        {
        }

        record Tick() implements Command
        {
        }

        record Seen(EngineMetrics metrics) implements Command
        {
        }

        record History(ActorRef<List<EngineMetrics>> replyTo) implements Command
        {
        }

        static Behavior<Command> create()
        {
            return Behaviors.setup(context -> Behaviors.withTimers(timers ->
            {
                final List<EngineMetrics> seen = new ArrayList<>();
                final ActorRef<EngineMetrics> adapter = context.messageAdapter(EngineMetrics.class, Seen::new);
                timers.startTimerWithFixedDelay(new Tick(), Duration.ofMillis(100));
                return Behaviors.receive(Command.class)
                    .onMessage(Tick.class, tick ->
                    {
                        NetmapEngine.get(context.getSystem()).ref().tell(new NetmapEngineActor.GetMetrics(adapter));
                        return Behaviors.same();
                    })
                    .onMessage(Seen.class, s ->
                    {
                        seen.add(s.metrics());
                        return Behaviors.same();
                    })
                    .onMessage(History.class, h ->
                    {
                        h.replyTo().tell(List.copyOf(seen));
                        return Behaviors.same();
                    })
                    .build();
            }));
        }
    }

    private Config config(final String pipeline)
    {
        return ConfigFactory.parseString("""
            netmap-engine {
              backend = emulated
              emulated.directory = "%s"
              pipelines.app { %s }
              traffic {
                generators.gen { port = "netmap:app{0", length = 60 }
                sinks { kept { port = "netmap:app}1" }, skipped { port = "netmap:app}2" } }
              }
            }
            """.formatted(dir, pipeline)).withFallback(ConfigFactory.load()).resolve();
    }

    private static final String PIPELINE = """
        ports {
          in { port = "netmap:app}0", to = split }
          kept { port = "netmap:app{1" }
          skipped { port = "netmap:app{2" }
        }
        stages {
          split {
            class = "org.netmapengine.engine.embedding.EveryOtherPacket"
            params { label = app }
            outputs { kept = kept, skipped = skipped }
          }
        }
        """;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunAnApplicationStageInsideTheApplicationsActorSystemAndReportToItsActors() throws Exception
    {
        final Config config = config(PIPELINE);
        system = ActorSystem.create(Guardian.create(), "app", config);
        final NetmapEngine engine = NetmapEngine.get(system);
        try (TrafficRunner traffic = new TrafficRunner(TrafficSettings.from(config.getConfig("netmap-engine")),
            port -> Backends.create(engine.settings().backend(), engine.settings().emulated())))
        {
            traffic.startSinks();
            final List<NetmapEngineActor.StartResult> started = engine.startAll(config).toCompletableFuture().get();
            assertTrue(started.get(0).started(), started.toString());
            assertEquals(List.of("app"), engine.pipelines().toCompletableFuture().get());
            traffic.startGenerators();
            Thread.sleep(1500);
            traffic.stopGenerators();

            final List<EngineMetrics> seen = AskPattern.<Guardian.Command, List<EngineMetrics>>ask(system,
                Guardian.History::new, Duration.ofSeconds(5), system.scheduler()).toCompletableFuture().get();
            final List<PipelineReport> reports = engine.shutdown().toCompletableFuture().get();
            traffic.drainAndStopSinks(200, 5000);

            assertTrue(seen.size() > 5, "the application's actor got metrics: " + seen.size());
            final long first = kept(seen.get(0));
            final long last = kept(seen.get(seen.size() - 1));
            assertTrue(last > first, "and saw the application stage's counter grow: " + first + " -> " + last);
            final PipelineReport report = reports.get(0);
            assertTrue(report.clean(), report.render());
            final long received = report.receivers().get(0).received();
            assertEquals((received + 1) / 2, traffic.sinks().get(0).counters().packets(), "every other packet kept");
            assertEquals(received / 2, traffic.sinks().get(1).counters().packets());
        }
    }

    private static long kept(final EngineMetrics metrics)
    {
        return metrics.pipelines().stream().flatMap(p -> p.segments().stream()).flatMap(s -> s.stages().stream())
            .filter(s -> s.name().equals("split")).mapToLong(s -> s.metrics().getOrDefault("app-kept", 0L)).sum();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRejectAnInvalidReloadWithItsErrorsAndKeepTheRunningPipeline() throws Exception
    {
        final Config config = config(PIPELINE);
        system = ActorSystem.create(Guardian.create(), "app", config);
        final NetmapEngine engine = NetmapEngine.get(system);
        assertTrue(engine.startAll(config).toCompletableFuture().get().get(0).started());

        final Config bad = ConfigFactory.parseString("pipeline { ports { in { port = \"netmap:app}0\", to = nowhere } } }");
        final NetmapEngineActor.ReloadResult rejected = engine.reload("app", bad, "pipeline").toCompletableFuture().get();

        assertFalse(rejected.applied());
        assertEquals(List.of("(inline):1: pipeline.ports.in.to: 'nowhere' is not a stage: expected a stage, and the " +
            "pipeline has none"), rejected.errors());
        assertEquals(List.of("app"), engine.pipelines().toCompletableFuture().get(), "the old pipeline still runs");
        assertTrue(engine.shutdown().toCompletableFuture().get().get(0).clean());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldApplyAValidReloadAndLeakNothing() throws Exception
    {
        final Config config = config(PIPELINE);
        system = ActorSystem.create(Guardian.create(), "app", config);
        final NetmapEngine engine = NetmapEngine.get(system);
        try (TrafficRunner traffic = new TrafficRunner(TrafficSettings.from(config.getConfig("netmap-engine")),
            port -> Backends.create(engine.settings().backend(), engine.settings().emulated())))
        {
            traffic.startSinks();
            assertTrue(engine.startAll(config).toCompletableFuture().get().get(0).started());
            traffic.startGenerators();
            Thread.sleep(500);

            final Config next = ConfigFactory.parseString("""
                pipeline {
                  name = app
                  ports {
                    in { port = "netmap:app}0", to = count }
                    kept { port = "netmap:app{1" }
                  }
                  stages { count { type = counter, outputs { out = kept } } }
                }
                """);
            final NetmapEngineActor.ReloadResult applied = engine.reload("app", next, "pipeline").toCompletableFuture().get();
            Thread.sleep(500);
            traffic.stopGenerators();
            final List<PipelineReport> reports = engine.shutdown().toCompletableFuture().get();
            traffic.drainAndStopSinks(200, 5000);

            assertTrue(applied.applied(), applied.errors().toString());
            assertTrue(applied.previous().clean(), applied.previous().render());
            assertEquals(0, applied.previous().leaked());
            assertTrue(reports.get(0).clean(), reports.get(0).render());
            assertTrue(reports.get(0).receivers().get(0).transmitted() > 0, "the new pipeline carried traffic");
            final StageStatus count = reports.get(0).stages().get(0);
            assertEquals("count", count.name());
        }
    }
}
