package org.netmapengine.engine.monitor;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeIdentity;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.serialization.NodeMessage;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitor role's aggregator: keeps the cluster's membership (logging every event with its time), the latest
 * snapshot each packet node publishes, and forwards control requests to the node they name. Packet nodes find it
 * through the Receptionist under {@link #KEY}.
 * <p>
 * A node's snapshot is kept while it is a member (also while unreachable: the last one it sent) and dropped when it
 * is removed; a snapshot from a node that is not a member (yet, or any more) is ignored.
 */
public final class MonitorAggregator extends AbstractBehavior<MonitorAggregator.Command>
{
    /** Where packet nodes find the monitors. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "netmap-engine-monitor");

    /** The aggregator's protocol: {@link Publish} comes from packet nodes, the rest from the monitor's own node. */
    public sealed interface Command
    {
    }

    /** A packet node's counters. */
    public record Publish(NodeSnapshot snapshot) implements Command, NodeMessage
    {
    }

    /** The monitor's view of the cluster now. */
    public record GetView(ActorRef<ClusterView> replyTo) implements Command
    {
    }

    /**
     * Carry out {@code action} ({@code stop}, {@code start} or {@code reload} with {@code hocon}) on pipeline
     * {@code pipeline} of packet node {@code node} ({@code host:port} or its full address).
     */
    public record Control(String node, String action, String pipeline, String hocon,
        ActorRef<ControlReceiver.ControlResult> replyTo) implements Command
    {
    }

    private record MemberChanged(ClusterEvent.MemberEvent event) implements Command
    {
    }

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command
    {
    }

    private record ReceiversChanged(Receptionist.Listing listing) implements Command
    {
    }

    private record Controlled(ControlReceiver.ControlResult result, ActorRef<ControlReceiver.ControlResult> replyTo)
        implements Command
    {
    }

    private final MonitorSettings settings;
    private final String self;
    private final Map<String, ClusterView.Member> members = new TreeMap<>();
    private final Map<String, ClusterView.Node> nodes = new TreeMap<>();
    private final Map<String, ActorRef<ControlReceiver.Command>> receivers = new HashMap<>();
    private final Deque<ClusterView.Event> events = new ArrayDeque<>();
    private final Map<String, Long> eventCounts = new LinkedHashMap<>();
    private final Deque<ClusterView.Control> control = new ArrayDeque<>();

    public static Behavior<Command> create(final MonitorSettings settings)
    {
        return Behaviors.setup(context -> new MonitorAggregator(context, settings));
    }

    private MonitorAggregator(final ActorContext<Command> context, final MonitorSettings settings)
    {
        super(context);
        this.settings = settings;
        final Cluster cluster = Cluster.get(context.getSystem());
        this.self = NodeIdentity.label(cluster.selfMember().address());
        ClusterView.EVENT_KINDS.forEach(kind -> eventCounts.put(kind, 0L));
        cluster.subscriptions().tell(Subscribe.create(
            context.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new), ClusterEvent.MemberEvent.class));
        cluster.subscriptions().tell(Subscribe.create(
            context.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
            ClusterEvent.ReachabilityEvent.class));
        context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
        context.getSystem().receptionist().tell(Receptionist.subscribe(ControlReceiver.KEY,
            context.messageAdapter(Receptionist.Listing.class, ReceiversChanged::new)));
    }

    @Override
    public Receive<Command> createReceive()
    {
        return newReceiveBuilder()
            .onMessage(MemberChanged.class, this::onMemberChanged)
            .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
            .onMessage(ReceiversChanged.class, this::onReceiversChanged)
            .onMessage(Publish.class, this::onPublish)
            .onMessage(GetView.class, this::onGetView)
            .onMessage(Control.class, this::onControl)
            .onMessage(Controlled.class, this::onControlled)
            .build();
    }

    private Behavior<Command> onMemberChanged(final MemberChanged changed)
    {
        final ClusterEvent.MemberEvent event = changed.event();
        final String kind = kind(event);
        if (null == kind)
        {
            return this;
        }
        final Member member = event.member();
        final NodeIdentity id = NodeIdentity.of(member);
        final long now = record(kind, id);
        final ClusterView.Member known = members.get(id.node());
        if (event instanceof ClusterEvent.MemberRemoved)
        {
            if (null != known && known.incarnation() == id.incarnation())
            {
                members.remove(id.node());
            }
            final ClusterView.Node node = nodes.get(id.node());
            if (null != node && node.snapshot().incarnation() == id.incarnation())
            {
                nodes.remove(id.node());
            }
            return this;
        }
        final boolean reachable = null == known || known.incarnation() != id.incarnation() || known.reachable();
        members.put(id.node(), new ClusterView.Member(id.node(), member.address().toString(), id.incarnation(),
            id.roles(), status(member), reachable, now));
        return this;
    }

    private Behavior<Command> onReachabilityChanged(final ReachabilityChanged changed)
    {
        final boolean reachable = changed.event() instanceof ClusterEvent.ReachableMember;
        final Member member = changed.event().member();
        final NodeIdentity id = NodeIdentity.of(member);
        final long now = record(reachable ? "reachable" : "unreachable", id);
        final ClusterView.Member known = members.get(id.node());
        if (null != known && known.incarnation() == id.incarnation())
        {
            members.put(id.node(), new ClusterView.Member(known.node(), known.address(), known.incarnation(),
                known.roles(), status(member), reachable, now));
        }
        return this;
    }

    /** Logs and keeps one membership event; @return its time. */
    private long record(final String kind, final NodeIdentity id)
    {
        final long now = System.currentTimeMillis();
        getContext().getLog().info("member {}: {} {} at {}", kind, id.node(), id.roles(), Instant.ofEpochMilli(now));
        events.addLast(new ClusterView.Event(now, kind, id.node(), id.roles()));
        while (events.size() > settings.events())
        {
            events.removeFirst();
        }
        eventCounts.merge(kind, 1L, Long::sum);
        return now;
    }

    private Behavior<Command> onReceiversChanged(final ReceiversChanged changed)
    {
        receivers.clear();
        for (final ActorRef<ControlReceiver.Command> receiver :
            changed.listing().getServiceInstances(ControlReceiver.KEY))
        {
            final Address address = receiver.path().address();
            receivers.put(address.hasLocalScope() ? self : NodeIdentity.label(address), receiver);
        }
        return this;
    }

    private Behavior<Command> onPublish(final Publish publish)
    {
        final NodeSnapshot snapshot = publish.snapshot();
        final ClusterView.Member member = members.get(snapshot.node());
        if (null != member && member.incarnation() == snapshot.incarnation())
        {
            nodes.put(snapshot.node(), new ClusterView.Node(snapshot, System.currentTimeMillis(), member.status(),
                member.reachable()));
        }
        return this;
    }

    private Behavior<Command> onGetView(final GetView get)
    {
        final List<ClusterView.Node> current = new ArrayList<>();
        for (final ClusterView.Node node : nodes.values())
        {
            final ClusterView.Member member = members.get(node.snapshot().node());
            current.add(null == member ? node :
                new ClusterView.Node(node.snapshot(), node.receivedMillis(), member.status(), member.reachable()));
        }
        get.replyTo().tell(new ClusterView(System.currentTimeMillis(), self, List.copyOf(members.values()),
            List.copyOf(events), Collections.unmodifiableMap(new LinkedHashMap<>(eventCounts)), List.copyOf(current),
            List.copyOf(control)));
        return this;
    }

    private Behavior<Command> onControl(final Control request)
    {
        final String node = nodeName(request.node());
        final ActorRef<ControlReceiver.Command> receiver = receivers.get(node);
        if (null == receiver)
        {
            getContext().getSelf().tell(new Controlled(new ControlReceiver.ControlResult(node, request.action(),
                request.pipeline(), false, List.of("no packet node " + node + " in the cluster; packet nodes: " +
                new TreeMap<>(receivers).keySet()), -1, ""), request.replyTo()));
            return this;
        }
        getContext().getLog().info("asking {} to {} pipeline {}", node, request.action(), request.pipeline());
        getContext().ask(ControlReceiver.ControlResult.class, receiver, settings.controlTimeout(),
            replyTo -> switch (request.action())
            {
                case "stop" -> new ControlReceiver.StopPipeline(request.pipeline(), replyTo);
                case "start" -> new ControlReceiver.StartPipeline(request.pipeline(), replyTo);
                default -> new ControlReceiver.ReloadPipeline(request.pipeline(), request.hocon(), replyTo);
            },
            (result, failure) -> new Controlled(null != result ? result : new ControlReceiver.ControlResult(node,
                request.action(), request.pipeline(), false, List.of("no answer from " + node + " within " +
                settings.controlTimeout().toSeconds() + "s"), -1, ""), request.replyTo()));
        return this;
    }

    private Behavior<Command> onControlled(final Controlled controlled)
    {
        final ControlReceiver.ControlResult result = controlled.result();
        if (result.ok())
        {
            getContext().getLog().info("{} of pipeline {} on {}: done{}", result.action(), result.pipeline(),
                result.node(), result.leaked() >= 0 ? ", leaked " + result.leaked() : "");
        }
        else
        {
            getContext().getLog().warn("{} of pipeline {} on {} refused:\n  {}", result.action(), result.pipeline(),
                result.node(), String.join("\n  ", result.errors()));
        }
        control.addLast(new ClusterView.Control(System.currentTimeMillis(), result));
        while (control.size() > settings.controls())
        {
            control.removeFirst();
        }
        controlled.replyTo().tell(result);
        return this;
    }

    /** @return {@code host:port} for {@code host:port} or a full address {@code akka://system@host:port}. */
    static String nodeName(final String node)
    {
        final int at = node.lastIndexOf('@');
        return at < 0 ? node : node.substring(at + 1);
    }

    private static String kind(final ClusterEvent.MemberEvent event)
    {
        if (event instanceof ClusterEvent.MemberJoined)
        {
            return "joined";
        }
        if (event instanceof ClusterEvent.MemberWeaklyUp)
        {
            return "weakly-up";
        }
        if (event instanceof ClusterEvent.MemberUp)
        {
            return "up";
        }
        if (event instanceof ClusterEvent.MemberLeft)
        {
            return "left";
        }
        if (event instanceof ClusterEvent.MemberExited)
        {
            return "exited";
        }
        if (event instanceof ClusterEvent.MemberDowned)
        {
            return "downed";
        }
        if (event instanceof ClusterEvent.MemberRemoved)
        {
            return "removed";
        }
        return null;
    }

    /** @return Akka's member status in lower case words joined by '-': {@code weakly-up}, {@code down}. */
    private static String status(final Member member)
    {
        return member.status().toString().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
