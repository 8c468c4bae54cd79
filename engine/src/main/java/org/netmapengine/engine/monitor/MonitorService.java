package org.netmapengine.engine.monitor;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The monitor role on a node: the {@link MonitorAggregator} and, when enabled, its {@link MonitorHttpServer}.
 */
public final class MonitorService implements AutoCloseable
{
    private final ActorSystem<?> system;
    private final ActorRef<MonitorAggregator.Command> aggregator;
    private final MonitorHttpServer http;

    private MonitorService(final ActorSystem<?> system, final ActorRef<MonitorAggregator.Command> aggregator,
        final MonitorHttpServer http)
    {
        this.system = system;
        this.aggregator = aggregator;
        this.http = http;
    }

    /**
     * @throws IOException when the HTTP address cannot be bound.
     */
    public static MonitorService start(final ActorSystem<?> system, final MonitorSettings settings) throws IOException
    {
        final ActorRef<MonitorAggregator.Command> aggregator = system.systemActorOf(MonitorAggregator.create(settings),
            "netmap-engine-monitor", Props.empty());
        return new MonitorService(system, aggregator,
            settings.httpEnabled() ? MonitorHttpServer.start(system, aggregator, settings) : null);
    }

    public ActorRef<MonitorAggregator.Command> aggregator()
    {
        return aggregator;
    }

    /** @return the HTTP server's address, or null when HTTP is off. */
    public InetSocketAddress httpAddress()
    {
        return null == http ? null : http.address();
    }

    /** @return the monitor's view of the cluster now. */
    public CompletionStage<ClusterView> view()
    {
        return AskPattern.ask(aggregator, MonitorAggregator.GetView::new, Duration.ofSeconds(5), system.scheduler());
    }

    @Override
    public void close()
    {
        if (null != http)
        {
            http.close();
        }
    }
}
