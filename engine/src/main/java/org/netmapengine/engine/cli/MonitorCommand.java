package org.netmapengine.engine.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import org.netmapengine.engine.NodeConfig;
import org.netmapengine.engine.cluster.ClusterNode;
import org.netmapengine.engine.monitor.ClusterView;
import org.netmapengine.engine.monitor.LiveTable;
import org.netmapengine.engine.monitor.MonitorService;
import org.netmapengine.engine.monitor.MonitorSettings;
import org.netmapengine.pipeline.PipelineConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code netmap-engine monitor}: a cluster node with the monitor role only. It aggregates what the packet nodes
 * publish, prints a table per interval, serves {@code /metrics} (Prometheus) and {@code /status} (JSON) over HTTP,
 * takes control requests there, and logs membership events with their times; until Ctrl-C, SIGTERM or the end of
 * {@code --duration}.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
        "Run a monitor: a cluster node that shows every packet node's ports, stages and JVM in a table, serves " +
            "them over HTTP (GET /metrics in Prometheus text format, GET /status as JSON), logs members joining, " +
            "becoming unreachable, downed and removed, and forwards control requests (POST /control/stop, start, " +
            "reload ?node=HOST:PORT&pipeline=NAME; a reload's body is the new pipeline's HOCON).", ""},
    footer = {"", "Examples:",
        "  netmap-engine monitor                                   # cluster port 25520, http://127.0.0.1:9464",
        "  netmap-engine run --seeds 127.0.0.1:25520               # a packet node joining it (another shell)",
        "  curl -s 127.0.0.1:9464/metrics",
        "  curl -s -X POST --data-binary @new.conf '127.0.0.1:9464/control/reload?node=127.0.0.1:41234&pipeline=default'",
        "", "Caveats: nodes of one cluster share netmap-engine.cluster.name and transport; the HTTP endpoints have no " +
        "authentication, so they listen on 127.0.0.1 unless netmap-engine.monitor.http.hostname says otherwise."})
final class MonitorCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration layered over the embedded default " +
        "(netmap-engine.cluster, netmap-engine.monitor, akka).")
    Path config;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--http-port", paramLabel = "PORT", description = "Overrides netmap-engine.monitor.http.port " +
        "(0: any free port).")
    Integer httpPort;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after D (10, 30s, 5m); default: until " +
        "Ctrl-C or SIGTERM.")
    String duration;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Config node;
        try
        {
            node = monitorConfig(NodeConfig.load(config, overrides()).config());
        }
        catch (final PipelineConfigException e)
        {
            err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (!ClusterNode.isCluster(node))
        {
            throw new IllegalArgumentException("a monitor is a cluster node: akka.actor.provider must be cluster");
        }
        final Duration limit = null == duration ? null : RunCommand.parseDuration(duration);
        final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(),
            node.getString("netmap-engine.cluster.name"), node);
        final CountDownLatch stopRequested = new CountDownLatch(1);
        final StopHook hook = StopHook.install(stopRequested);
        MonitorService monitor = null;
        try
        {
            ClusterNode.join(system);
            final MonitorSettings settings = MonitorSettings.from(node);
            monitor = MonitorService.start(system, settings);
            out.println("monitor " + system.address() + " (" + node.getString("akka.remote.artery.transport") +
                "), seeds " + node.getStringList("akka.cluster.seed-nodes") + (null == monitor.httpAddress() ? "" :
                ", http://" + host(monitor.httpAddress()) + "/metrics and /status"));
            out.flush();
            final LiveTable table = new LiveTable(System.currentTimeMillis());
            final long start = System.nanoTime();
            while (!stopRequested.await(settings.tableInterval().toMillis(), TimeUnit.MILLISECONDS))
            {
                final ClusterView view = monitor.view().toCompletableFuture().get(10, TimeUnit.SECONDS);
                out.print(table.render(view));
                out.flush();
                if (null != limit && System.nanoTime() - start >= limit.toNanos())
                {
                    break;
                }
            }
            return ExitCodes.OK;
        }
        finally
        {
            if (null != monitor)
            {
                monitor.close();
            }
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            StopHook.done(hook);
        }
    }

    private Config overrides()
    {
        Config overrides = cluster.overrides(ConfigFactory.empty(), false);
        if (null != httpPort)
        {
            overrides = overrides.withValue("netmap-engine.monitor.http.port", ConfigValueFactory.fromAnyRef(httpPort));
        }
        return overrides;
    }

    /** @return the node's configuration as a monitor's: its cluster port, the monitor role only. */
    private Config monitorConfig(final Config loaded)
    {
        final int port = null == cluster.port ? loaded.getInt("netmap-engine.monitor.cluster-port") : cluster.port;
        final Config monitor = loaded
            .withValue("netmap-engine.cluster.port", ConfigValueFactory.fromAnyRef(port))
            .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
            .withValue("netmap-engine.roles", ConfigValueFactory.fromIterable(List.of("monitor")))
            .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(List.of("monitor")));
        return ClusterNode.prepare(monitor);
    }

    private static String host(final InetSocketAddress address)
    {
        return address.getHostString() + ":" + address.getPort();
    }
}
