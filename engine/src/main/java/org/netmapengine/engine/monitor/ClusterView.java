package org.netmapengine.engine.monitor;

import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeSnapshot;

import java.util.List;
import java.util.Map;

/**
 * What a monitor knows of the cluster at one moment: its members, the membership events it saw, the latest
 * snapshot of every packet node and the control requests it forwarded. Immutable; built by
 * {@link MonitorAggregator}, read by the HTTP endpoints and the live table.
 *
 * @param timeMillis  when the view was taken, by the monitor's clock.
 * @param self        the monitor's own node ({@code host:port}).
 * @param members     every member the monitor sees, by node name.
 * @param events      the latest membership events, oldest first.
 * @param eventCounts how many events of each kind it saw since it started (every kind present, 0 or more).
 * @param nodes       the latest snapshot of every packet node that is a member, by node name.
 * @param control     the latest control requests and how they ended, oldest first.
 */
public record ClusterView(
    long timeMillis,
    String self,
    List<Member> members,
    List<Event> events,
    Map<String, Long> eventCounts,
    List<Node> nodes,
    List<Control> control)
{
    /** The kinds of membership event a monitor logs and counts. */
    public static final List<String> EVENT_KINDS =
        List.of("joined", "weakly-up", "up", "left", "exited", "downed", "removed", "unreachable", "reachable");

    /**
     * A member of the cluster.
     *
     * @param status      joining, weakly-up, up, leaving, exiting, down (as Akka's member status).
     * @param sinceMillis when it reached that status or reachability, by the monitor's clock.
     */
    public record Member(String node, String address, long incarnation, List<String> roles, String status,
        boolean reachable, long sinceMillis)
    {
    }

    /** A membership event: {@code kind} is one of {@link #EVENT_KINDS}. */
    public record Event(long timeMillis, String kind, String node, List<String> roles)
    {
    }

    /** A packet node's latest snapshot, when it came, and the node's membership. */
    public record Node(NodeSnapshot snapshot, long receivedMillis, String status, boolean reachable)
    {
    }

    /** A control request the monitor forwarded and its answer. */
    public record Control(long timeMillis, ControlReceiver.ControlResult result)
    {
    }

    /** @return the member named {@code node}, or null. */
    public Member member(final String node)
    {
        return members.stream().filter(m -> m.node().equals(node)).findFirst().orElse(null);
    }

    /** @return the latest snapshot of packet node {@code node}, or null. */
    public Node node(final String node)
    {
        return nodes.stream().filter(n -> n.snapshot().node().equals(node)).findFirst().orElse(null);
    }
}
