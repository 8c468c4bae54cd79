package org.netmapengine.engine.monitor;

import org.netmapengine.engine.cluster.JvmSnapshot;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.cluster.PortSnapshot;
import org.netmapengine.engine.cluster.StageSnapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table {@code netmap-engine monitor} prints per interval: the members, then one row per packet node (its JVM),
 * per port (packets per second in and out, Mbit/s received, drops, free buffers, in flight) and per stage
 * (packets per second in and out, drops, in flight, leaks), then the latest membership events and control answers.
 * Rates come from two snapshots of the same node incarnation, by the node's own clock.
 * <pre>
 * NODE             PIPELINE  KIND   NAME      BACKEND     IN pps   OUT pps  IN Mbit/s   DROPS  BUFFERS    IN FLIGHT  LEAKED
 * 127.0.0.1:25521  default   port   in        emulated     20000         0      10.24       0  3968/4096        128       -
 * </pre>
 */
public final class LiveTable
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
        .withZone(ZoneId.systemDefault());
    private static final String ROW = "%-21s %-10s %-6s %-12s %-9s %9s %9s %10s %8s %11s %10s %7s%n";
    private static final int RECENT = 4;

    private final Map<String, Rate> rates = new HashMap<>();
    private final long startMillis;

    public LiveTable(final long startMillis)
    {
        this.startMillis = startMillis;
    }

    /** @return the table for {@code view}, rates since the previous call. */
    public String render(final ClusterView view)
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append(String.format(Locale.ROOT, "[%5.0fs] monitor %s, %d member%s:", (view.timeMillis() - startMillis) / 1e3,
            view.self(), view.members().size(), 1 == view.members().size() ? "" : "s"));
        for (final ClusterView.Member m : view.members())
        {
            out.append(' ').append(m.node()).append(' ').append(m.reachable() ? m.status() : m.status() + "/unreachable")
                .append(' ').append(m.roles());
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, ROW, "NODE", "PIPELINE", "KIND", "NAME", "BACKEND", "IN pps", "OUT pps",
            "IN Mbit/s", "DROPS", "BUFFERS", "IN FLIGHT", "LEAKED"));
        for (final ClusterView.Node node : view.nodes())
        {
            final NodeSnapshot s = node.snapshot();
            final JvmSnapshot jvm = s.jvm();
            final long gcs = jvm.collectors().stream().mapToLong(JvmSnapshot.Gc::collections).sum();
            final long gcMillis = jvm.collectors().stream().mapToLong(JvmSnapshot.Gc::millis).sum();
            out.append(String.format(Locale.ROOT, "%-21s %-10s %-6s %-12s heap %d/%d MiB, gc %d in %.2f s, %d threads, " +
                "up %d s%n", s.node(), "-", "node", node.reachable() ? node.status() : "unreachable",
                jvm.heapUsed() >> 20, Math.max(jvm.heapMax(), jvm.heapCommitted()) >> 20, gcs, gcMillis / 1e3,
                jvm.threads(), s.uptimeMillis() / 1000));
            for (final PortSnapshot p : s.ports())
            {
                final double[] r = rates(s, "port/" + p.pipeline() + "/" + p.port(), p.rxPackets(), p.txPackets(),
                    p.rxBytes());
                out.append(String.format(Locale.ROOT, ROW, s.node(), p.pipeline(), "port", p.port(), p.backend(),
                    count(r[0]), count(r[1]), String.format(Locale.ROOT, "%.2f", 8 * r[2] / 1e6),
                    p.droppedTotal() + p.txFull() + p.txErrors() + p.kernelDropped() + p.oversizeDropped(),
                    0 == p.buffers() ? "-" : p.freeBuffers() + "/" + p.buffers(),
                    0 == p.buffers() ? "-" : Long.toString(p.inFlight()), "-"));
            }
            for (final StageSnapshot st : s.stages())
            {
                final double[] r = rates(s, "stage/" + st.pipeline() + "/" + st.stage(), st.in(), st.out(), 0);
                out.append(String.format(Locale.ROOT, ROW, s.node(), st.pipeline(), "stage", st.stage(), "-",
                    count(r[0]), count(r[1]), "-", st.droppedTotal(), "-", st.inFlight(), st.leaked()));
            }
        }
        final List<ClusterView.Event> events = view.events();
        for (final ClusterView.Event e : events.subList(Math.max(0, events.size() - RECENT), events.size()))
        {
            out.append("  event ").append(TIME.format(Instant.ofEpochMilli(e.timeMillis()))).append(' ')
                .append(e.kind()).append(' ').append(e.node()).append(' ').append(e.roles()).append('\n');
        }
        final List<ClusterView.Control> control = view.control();
        for (final ClusterView.Control c : control.subList(Math.max(0, control.size() - RECENT), control.size()))
        {
            out.append("  control ").append(TIME.format(Instant.ofEpochMilli(c.timeMillis()))).append(' ')
                .append(c.result().action()).append(' ').append(c.result().pipeline()).append(" on ")
                .append(c.result().node()).append(": ")
                .append(c.result().ok() ? "done" : "refused: " + String.join("; ", c.result().errors())).append('\n');
        }
        return out.toString();
    }

    private static String count(final double perSecond)
    {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    /** @return per second: in, out and bytes since the previous snapshot of this row's node incarnation. */
    private double[] rates(final NodeSnapshot s, final String row, final long in, final long out, final long bytes)
    {
        final String key = s.node() + "/" + row;
        final Rate previous = rates.get(key);
        if (null != previous && previous.incarnation == s.incarnation() && previous.sequence == s.sequence())
        {
            return previous.perSecond;
        }
        double[] perSecond = new double[3];
        if (null != previous && previous.incarnation == s.incarnation() && s.nanoTime() > previous.nanoTime &&
            in >= previous.in && out >= previous.out)
        {
            final double seconds = (s.nanoTime() - previous.nanoTime) / 1e9;
            perSecond = new double[]{(in - previous.in) / seconds, (out - previous.out) / seconds,
                (bytes - previous.bytes) / seconds};
        }
        rates.put(key, new Rate(s.incarnation(), s.sequence(), s.nanoTime(), in, out, bytes, perSecond));
        return perSecond;
    }

    private record Rate(long incarnation, long sequence, long nanoTime, long in, long out, long bytes, double[] perSecond)
    {
    }
}
