package org.netmapengine.engine.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import org.netmapengine.actors.PipelineReport;
import org.netmapengine.engine.EngineMetrics;
import org.netmapengine.engine.EngineSettings;
import org.netmapengine.engine.LiveReport;
import org.netmapengine.engine.NetmapEngine;
import org.netmapengine.engine.NetmapEngineActor;
import org.netmapengine.engine.NodeConfig;
import org.netmapengine.engine.cluster.ClusterNode;
import org.netmapengine.engine.cluster.ClusterSettings;
import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeAgent;
import org.netmapengine.engine.monitor.MonitorService;
import org.netmapengine.engine.monitor.MonitorSettings;
import org.netmapengine.engine.traffic.TrafficRunner;
import org.netmapengine.engine.traffic.TrafficSettings;
import org.netmapengine.io.backend.Backends;
import org.netmapengine.pipeline.PipelineConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code netmap-engine run}: a node. Starts an ActorSystem, its sinks, its pipelines, then its generators; prints
 * a line of rates per interval; on the end of {@code --duration}, Ctrl-C or SIGTERM stops in order (generators,
 * pipelines, sinks) and prints the final accounting.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Run a node: its pipelines and its traffic (netmap-engine.pipelines, netmap-engine.traffic). Without " +
            "--config it runs the embedded default (the repository's application.conf): pkt-gen into an emulated " +
            "pipe, a pipeline that classifies, counts, mirrors and transmits into a second pipe, and sinks.", ""},
    footer = {"", "Examples:", "  netmap-engine run --duration 30s", "  netmap-engine run --config my-node.conf",
        "  netmap-engine run --config pipeline.conf   # a file with just pipeline { ... }"})
final class RunCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration layered over the embedded default; its pipelines and traffic replace the " +
            "default ones. A file with a top-level pipeline { } runs that pipeline alone.")
    Path config;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after D (10, 30s, 5m); default: until " +
        "Ctrl-C or SIGTERM.")
    String duration;

    @Option(names = "--backend", paramLabel = "auto|kernel|emulated", description = "Overrides netmap-engine.backend.")
    String backend;

    @Option(names = "--emulated-dir", paramLabel = "DIR", description = "Overrides netmap-engine.emulated.directory.")
    Path emulatedDirectory;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final NodeConfig node;
        final TrafficSettings trafficSettings;
        try
        {
            final NodeConfig loaded = NodeConfig.load(config, cluster.overrides(overrides(), true));
            node = new NodeConfig(ClusterNode.prepare(loaded.config()), loaded.pipelinePaths());
            trafficSettings = TrafficSettings.from(node.config().getConfig("netmap-engine"));
        }
        catch (final PipelineConfigException e)
        {
            err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        final Duration limit = null == duration ? null : parseDuration(duration);
        final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(),
            node.config().getString("netmap-engine.cluster.name"), node.config());
        final CountDownLatch stopRequested = new CountDownLatch(1);
        final StopHook hook = StopHook.install(stopRequested);
        try
        {
            ClusterNode.join(system);
            return runNode(system, node, trafficSettings, limit, stopRequested, out, err);
        }
        finally
        {
            // Leaves the cluster first (coordinated shutdown), so the others see the node go rather than fail.
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            StopHook.done(hook);
        }
    }

    private int runNode(final ActorSystem<Void> system, final NodeConfig node, final TrafficSettings trafficSettings,
        final Duration limit, final CountDownLatch stopRequested, final PrintWriter out, final PrintWriter err)
        throws Exception
    {
        final NetmapEngine engine = NetmapEngine.get(system);
        final EngineSettings settings = engine.settings();
        final TrafficRunner traffic = new TrafficRunner(trafficSettings,
            port -> Backends.create(settings.backend(), settings.emulated()));
        traffic.startSinks();
        final List<NetmapEngineActor.StartResult> started =
            engine.startAll(node.config(), node.pipelinePaths()).toCompletableFuture().get();
        boolean ok = !started.isEmpty();
        for (final NetmapEngineActor.StartResult result : started)
        {
            if (result.started())
            {
                out.println("pipeline " + result.pipeline() + " running:");
                result.ports().forEach(p -> out.println("  " + p));
            }
            else
            {
                ok = false;
                err.println("pipeline " + result.pipeline() + " did not start:");
                result.errors().forEach(e -> err.println("  " + e));
            }
        }
        if (!ok)
        {
            if (started.isEmpty())
            {
                err.println("no pipeline to run: netmap-engine.pipelines is empty");
            }
            engine.shutdown().toCompletableFuture().get();
            traffic.close();
            return started.stream().anyMatch(NetmapEngineActor.StartResult::invalid) ? ExitCodes.CONFIG : ExitCodes.PORT;
        }
        traffic.startGenerators();
        final MonitorService monitor = joinAsMember(system, node, started, out);
        out.flush();
        try
        {
            final long start = System.nanoTime();
            final LiveReport live = new LiveReport(start);
            final long interval = settings.reportInterval().toMillis();
            while (!stopRequested.await(interval, TimeUnit.MILLISECONDS))
            {
                final EngineMetrics metrics = engine.metrics().toCompletableFuture().get(10, TimeUnit.SECONDS);
                out.println(live.line(metrics, traffic.generators(), traffic.sinks()));
                out.flush();
                if (null != limit && System.nanoTime() - start >= limit.toNanos())
                {
                    break;
                }
            }
            traffic.stopGenerators();
            final List<PipelineReport> reports = engine.shutdown().toCompletableFuture().get(60, TimeUnit.SECONDS);
            traffic.drainAndStopSinks(200, 5_000);
            traffic.close();
            boolean clean = true;
            for (final PipelineReport report : reports)
            {
                out.print(report.render());
                clean &= report.clean();
            }
            for (final TrafficRunner.Counters gen : traffic.generators())
            {
                out.printf("generator %s (%s): sent %d%n", gen.name(), gen.port(), gen.counters().packets());
            }
            for (final TrafficRunner.Counters sink : traffic.sinks())
            {
                out.printf("sink %s (%s): received %d%s%n", sink.name(), sink.port(), sink.counters().packets(),
                    null == sink.checks() ? "" : ", " + sink.checks().malformed() + " malformed, " +
                        sink.checks().checksumErrors() + " checksum errors");
            }
            out.flush();
            return clean ? ExitCodes.OK : ExitCodes.ACCOUNTING;
        }
        finally
        {
            if (null != monitor)
            {
                monitor.close();
            }
        }
    }

    /**
     * As a cluster member: a packet node's agent (publishes to the monitors, takes their control requests) and,
     * with the monitor role, the monitor's aggregator and HTTP endpoints.
     *
     * @return the monitor, or null when the node is not one.
     */
    private static MonitorService joinAsMember(final ActorSystem<Void> system, final NodeConfig node,
        final List<NetmapEngineActor.StartResult> started, final PrintWriter out) throws java.io.IOException
    {
        if (!ClusterNode.isCluster(node.config()))
        {
            return null;
        }
        final List<String> roles = node.config().getStringList("akka.cluster.roles");
        if (roles.contains("packet"))
        {
            final Map<String, ControlReceiver.Definition> definitions = new LinkedHashMap<>();
            for (int i = 0; i < started.size(); i++)
            {
                definitions.put(started.get(i).pipeline(),
                    new ControlReceiver.Definition(node.config(), node.pipelinePaths().get(i)));
            }
            final NetmapEngine engine = NetmapEngine.get(system);
            system.systemActorOf(NodeAgent.create(engine.ref(), ClusterSettings.from(node.config()).publishInterval()),
                "netmap-engine-node", Props.empty());
            system.systemActorOf(ControlReceiver.create(engine.ref(), definitions, engine.timeout()),
                "netmap-engine-control", Props.empty());
        }
        if (roles.contains("monitor"))
        {
            final MonitorService monitor = MonitorService.start(system, MonitorSettings.from(node.config()));
            if (null != monitor.httpAddress())
            {
                out.println("monitor: http://" + monitor.httpAddress().getHostString() + ":" +
                    monitor.httpAddress().getPort() + "/metrics");
            }
            return monitor;
        }
        return null;
    }

    private Config overrides()
    {
        Config overrides = ConfigFactory.empty();
        if (null != backend)
        {
            overrides = overrides.withValue("netmap-engine.backend", ConfigValueFactory.fromAnyRef(backend));
        }
        if (null != emulatedDirectory)
        {
            overrides = overrides.withValue("netmap-engine.emulated.directory",
                ConfigValueFactory.fromAnyRef(emulatedDirectory.toString()));
        }
        return overrides;
    }

    static Duration parseDuration(final String text)
    {
        if (text.matches("\\d+(\\.\\d+)?"))
        {
            return Duration.ofMillis((long)(Double.parseDouble(text) * 1000));
        }
        return ConfigFactory.parseString("d = " + text).getDuration("d");
    }
}
