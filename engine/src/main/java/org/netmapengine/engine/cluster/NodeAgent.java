package org.netmapengine.engine.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import org.netmapengine.engine.EngineMetrics;
import org.netmapengine.engine.NetmapEngineActor;
import org.netmapengine.engine.monitor.MonitorAggregator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A packet node's agent in the cluster: once per interval it asks the node's {@link NetmapEngineActor} for every
 * pipeline's counters and publishes them, with the JVM's, as a {@link NodeSnapshot} to every monitor the
 * Receptionist lists under {@link MonitorAggregator#KEY}. Without monitors it asks nothing.
 */
public final class NodeAgent extends AbstractBehavior<NodeAgent.Command>
{
    /** The agent's protocol: its own tick and what it hears back. */
    public sealed interface Command
    {
    }

    private enum Publish implements Command
    {
        INSTANCE
    }

    private record Metrics(EngineMetrics metrics) implements Command
    {
    }

    private record MonitorsChanged(Receptionist.Listing listing) implements Command
    {
    }

    private final ActorRef<NetmapEngineActor.Command> engine;
    private final NodeIdentity self;
    private final long startNanos = System.nanoTime();
    private final ActorRef<EngineMetrics> metricsAdapter;
    private Set<ActorRef<MonitorAggregator.Command>> monitors = Set.of();
    private long sequence;

    /**
     * @param engine   the node's engine.
     * @param interval how often it publishes.
     */
    public static Behavior<Command> create(final ActorRef<NetmapEngineActor.Command> engine, final Duration interval)
    {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new NodeAgent(context, timers, engine,
            interval)));
    }

    private NodeAgent(final ActorContext<Command> context, final TimerScheduler<Command> timers,
        final ActorRef<NetmapEngineActor.Command> engine, final Duration interval)
    {
        super(context);
        this.engine = engine;
        this.self = NodeIdentity.of(context.getSystem());
        this.metricsAdapter = context.messageAdapter(EngineMetrics.class, Metrics::new);
        context.getSystem().receptionist().tell(Receptionist.subscribe(MonitorAggregator.KEY,
            context.messageAdapter(Receptionist.Listing.class, MonitorsChanged::new)));
        timers.startTimerWithFixedDelay(Publish.INSTANCE, interval);
    }

    @Override
    public Receive<Command> createReceive()
    {
        return newReceiveBuilder()
            .onMessage(MonitorsChanged.class, this::onMonitorsChanged)
            .onMessageEquals(Publish.INSTANCE, this::onPublish)
            .onMessage(Metrics.class, this::onMetrics)
            .build();
    }

    private Behavior<Command> onMonitorsChanged(final MonitorsChanged changed)
    {
        monitors = changed.listing().getServiceInstances(MonitorAggregator.KEY);
        getContext().getLog().debug("monitors: {}", monitors);
        return this;
    }

    private Behavior<Command> onPublish()
    {
        if (!monitors.isEmpty())
        {
            engine.tell(new NetmapEngineActor.GetMetrics(metricsAdapter));
        }
        return this;
    }

    private Behavior<Command> onMetrics(final Metrics metrics)
    {
        final List<String> pipelines = new ArrayList<>();
        metrics.metrics().pipelines().forEach(p -> pipelines.add(p.pipeline()));
        final NodeSnapshot snapshot = new NodeSnapshot(self.node(), self.incarnation(), self.roles(), ++sequence,
            System.currentTimeMillis(), metrics.metrics().nanoTime(), (System.nanoTime() - startNanos) / 1_000_000,
            pipelines, Snapshots.ports(metrics.metrics()), Snapshots.stages(metrics.metrics()), JvmSnapshot.now());
        final MonitorAggregator.Publish publish = new MonitorAggregator.Publish(snapshot);
        monitors.forEach(monitor -> monitor.tell(publish));
        return this;
    }
}
