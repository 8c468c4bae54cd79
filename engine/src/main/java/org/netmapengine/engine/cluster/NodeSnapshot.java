package org.netmapengine.engine.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What a packet node publishes to the monitors every {@code netmap-engine.cluster.publish-interval}: its ports,
 * stages and JVM. Counters are totals since the pipeline started (a restarted pipeline or node starts from zero
 * again); the monitor computes rates from two snapshots of the same incarnation.
 *
 * @param node        the node's cluster address as {@code host:port}: its name at the monitor.
 * @param incarnation the node's unique id in the cluster: a restarted node has a new one.
 * @param roles       its cluster roles.
 * @param sequence    1 for the first snapshot of this incarnation, then one more each time.
 * @param wallMillis  when it was taken, by the node's clock.
 * @param nanoTime    when it was taken, by the node's monotonic clock (only differences mean something).
 * @param uptimeMillis how long the node has run.
 * @param pipelines   the pipelines it runs.
 */
public record NodeSnapshot(
    String node,
    long incarnation,
    List<String> roles,
    long sequence,
    long wallMillis,
    long nanoTime,
    long uptimeMillis,
    List<String> pipelines,
    List<PortSnapshot> ports,
    List<StageSnapshot> stages,
    JvmSnapshot jvm)
{
    public NodeSnapshot
    {
        roles = new ArrayList<>(roles);
        pipelines = new ArrayList<>(pipelines);
        ports = new ArrayList<>(ports);
        stages = new ArrayList<>(stages);
    }
}
