package org.netmapengine.engine.monitor;

import org.netmapengine.engine.cluster.JvmSnapshot;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.cluster.PortSnapshot;
import org.netmapengine.engine.cluster.StageSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A monitor's view in the Prometheus text exposition format (version 0.0.4), what {@code GET /metrics} serves.
 * <p>
 * Every family has one {@code # HELP} and one {@code # TYPE} line followed by all its samples; counters end in
 * {@code _total}; sizes are in bytes and times in seconds; label values escape backslash, double quote and newline.
 * Families are written even when they have no sample, so a scraper sees the same set every time.
 * <pre>
 * netmap_engine_port_rx_packets_total{node="127.0.0.1:25521",pipeline="default",port="in"} 1204224
 * </pre>
 */
public final class PrometheusText
{
    /** The {@code Content-Type} of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family> families = new LinkedHashMap<>();

    private PrometheusText()
    {
    }

    /** @return {@code view} in the text format. */
    public static String render(final ClusterView view)
    {
        final PrometheusText text = new PrometheusText();
        text.members(view);
        text.nodes(view);
        text.ports(view);
        text.stages(view);
        text.jvms(view);
        return text.toString();
    }

    private void members(final ClusterView view)
    {
        final Family up = gauge("netmap_engine_member_up", "1 when the member's status is up or weakly-up.");
        final Family reachable = gauge("netmap_engine_member_reachable",
            "1 when the monitor's node sees the member as reachable, 0 when unreachable.");
        final Family status = gauge("netmap_engine_member_status",
            "1 for the member's current status: joining, weakly-up, up, leaving, exiting or down.");
        for (final ClusterView.Member member : view.members())
        {
            final String roles = String.join(",", member.roles());
            up.add(member.status().equals("up") || member.status().equals("weakly-up") ? 1 : 0,
                "node", member.node(), "roles", roles);
            reachable.add(member.reachable() ? 1 : 0, "node", member.node());
            status.add(1, "node", member.node(), "status", member.status());
        }
        final Family events = counter("netmap_engine_member_events_total",
            "Membership events the monitor saw, by kind: joined, weakly-up, up, left, exited, downed, removed, " +
                "unreachable, reachable.");
        ClusterView.EVENT_KINDS.forEach(kind -> events.add(view.eventCounts().getOrDefault(kind, 0L), "event", kind));
        final Family last = gauge("netmap_engine_member_event_timestamp_seconds",
            "When the monitor last saw an event of each kind for a node, in seconds since the epoch (among the " +
                "events it keeps).");
        final Map<String, Long> latest = new LinkedHashMap<>();
        view.events().forEach(e -> latest.put(e.node() + "\n" + e.kind(), e.timeMillis()));
        latest.forEach((key, millis) ->
        {
            final int split = key.indexOf('\n');
            last.add(seconds(millis), "node", key.substring(0, split), "event", key.substring(split + 1));
        });
    }

    private void nodes(final ClusterView view)
    {
        final Family age = gauge("netmap_engine_node_snapshot_age_seconds",
            "Seconds since the monitor received the node's latest snapshot.");
        final Family uptime = gauge("netmap_engine_node_uptime_seconds", "How long the node has run.");
        final Family pipelines = gauge("netmap_engine_pipeline_running", "1 for each pipeline the node runs.");
        for (final ClusterView.Node node : view.nodes())
        {
            final NodeSnapshot s = node.snapshot();
            age.add(seconds(Math.max(0, view.timeMillis() - node.receivedMillis())), "node", s.node());
            uptime.add(seconds(s.uptimeMillis()), "node", s.node());
            s.pipelines().forEach(p -> pipelines.add(1, "node", s.node(), "pipeline", p));
        }
    }

    private void ports(final ClusterView view)
    {
        final Family info = gauge("netmap_engine_port_info",
            "1 for each port, with its netmap name and backend: kernel (native netmap) or emulated.");
        final Family rxPackets = counter("netmap_engine_port_rx_packets_total",
            "Packets taken from the port's RX rings.");
        final Family rxBytes = counter("netmap_engine_port_rx_bytes_total", "Bytes of the packets received.");
        final Family txPackets = counter("netmap_engine_port_tx_packets_total", "Packets put on the port's TX rings.");
        final Family txBytes = counter("netmap_engine_port_tx_bytes_total", "Bytes of the packets transmitted.");
        final Family dropped = counter("netmap_engine_port_dropped_total",
            "Packets received on the port and dropped anywhere in the pipeline, by reason.");
        final Family txDropped = counter("netmap_engine_port_tx_dropped_total",
            "Packets the port could not transmit, by reason: tx-full (its ring stayed full) or tx-error.");
        final Family missed = counter("netmap_engine_port_rx_missed_total",
            "Frames lost before the port's RX rings, by reason: kernel (the kernel's socket rings were full) or " +
            "oversize (larger than a buffer); only emulated NIC ports lose any. Never received, so not in dropped_total.");
        final Family free = gauge("netmap_engine_port_free_buffers", "Buffers in the free list of a receiving port.");
        final Family buffers = gauge("netmap_engine_port_buffers", "Extra buffers the port owns.");
        final Family inFlight = gauge("netmap_engine_port_in_flight_packets",
            "Packets the port issued that have not come back yet.");
        forEachPort(view, (node, p) ->
        {
            final String[] labels = {"node", node, "pipeline", p.pipeline(), "port", p.port()};
            info.add(1, "node", node, "pipeline", p.pipeline(), "port", p.port(), "netmap_port", p.netmapName(),
                "backend", p.backend());
            rxPackets.add(p.rxPackets(), labels);
            rxBytes.add(p.rxBytes(), labels);
            txPackets.add(p.txPackets(), labels);
            txBytes.add(p.txBytes(), labels);
            p.dropped().forEach((reason, count) -> dropped.add(count, with(labels, "reason", reason)));
            txDropped.add(p.txFull(), with(labels, "reason", "tx-full"));
            txDropped.add(p.txErrors(), with(labels, "reason", "tx-error"));
            if (p.buffers() > 0)
            {
                // Only receiving ports own buffers.
                missed.add(p.kernelDropped(), with(labels, "reason", "kernel"));
                missed.add(p.oversizeDropped(), with(labels, "reason", "oversize"));
                free.add(p.freeBuffers(), labels);
                buffers.add(p.buffers(), labels);
                inFlight.add(p.inFlight(), labels);
            }
        });
    }

    private void stages(final ClusterView view)
    {
        final Family in = counter("netmap_engine_stage_in_packets_total", "Packets that entered the stage.");
        final Family out = counter("netmap_engine_stage_out_packets_total", "Packets the stage sent to an output.");
        final Family dropped = counter("netmap_engine_stage_dropped_total", "Packets the stage dropped, by reason.");
        final Family errors = counter("netmap_engine_stage_errors_total", "Times the stage's process threw.");
        final Family leaked = counter("netmap_engine_stage_leaked_total",
            "Packets the stage neither sent nor dropped (recovered; a stage bug).");
        final Family restarts = counter("netmap_engine_stage_restarts_total",
            "Times the stage's actor was restarted after a failure.");
        final Family inFlight = gauge("netmap_engine_stage_in_flight_packets", "Packets the stage holds now.");
        final Family instances = gauge("netmap_engine_stage_instances", "Actors the stage runs in.");
        for (final ClusterView.Node node : view.nodes())
        {
            for (final StageSnapshot s : node.snapshot().stages())
            {
                final String[] labels = {"node", node.snapshot().node(), "pipeline", s.pipeline(), "stage", s.stage()};
                in.add(s.in(), labels);
                out.add(s.out(), labels);
                s.dropped().forEach((reason, count) -> dropped.add(count, with(labels, "reason", reason)));
                errors.add(s.errors(), labels);
                leaked.add(s.leaked(), labels);
                restarts.add(s.restarts(), labels);
                inFlight.add(s.inFlight(), labels);
                instances.add(s.instances(), labels);
            }
        }
    }

    private void jvms(final ClusterView view)
    {
        final Family used = gauge("netmap_engine_jvm_heap_used_bytes", "Heap in use.");
        final Family committed = gauge("netmap_engine_jvm_heap_committed_bytes", "Heap committed by the JVM.");
        final Family max = gauge("netmap_engine_jvm_heap_max_bytes", "The heap's limit (-1: none).");
        final Family threads = gauge("netmap_engine_jvm_threads", "Live threads.");
        final Family collections = counter("netmap_engine_jvm_gc_collections_total", "Collections, by collector.");
        final Family gcSeconds = counter("netmap_engine_jvm_gc_seconds_total",
            "Time spent in collections, by collector.");
        for (final ClusterView.Node node : view.nodes())
        {
            final String name = node.snapshot().node();
            final JvmSnapshot jvm = node.snapshot().jvm();
            used.add(jvm.heapUsed(), "node", name);
            committed.add(jvm.heapCommitted(), "node", name);
            max.add(jvm.heapMax(), "node", name);
            threads.add(jvm.threads(), "node", name);
            for (final JvmSnapshot.Gc gc : jvm.collectors())
            {
                collections.add(gc.collections(), "node", name, "gc", gc.name());
                gcSeconds.add(seconds(gc.millis()), "node", name, "gc", gc.name());
            }
        }
    }

    private static void forEachPort(final ClusterView view, final BiConsumer<String, PortSnapshot> action)
    {
        for (final ClusterView.Node node : view.nodes())
        {
            node.snapshot().ports().forEach(port -> action.accept(node.snapshot().node(), port));
        }
    }

    private Family counter(final String name, final String help)
    {
        if (!name.endsWith("_total"))
        {
            throw new IllegalArgumentException("a counter's name ends in _total: name=" + name);
        }
        return family(name, help, "counter");
    }

    private Family gauge(final String name, final String help)
    {
        return family(name, help, "gauge");
    }

    private Family family(final String name, final String help, final String type)
    {
        if (!METRIC_NAME.matcher(name).matches() || families.containsKey(name))
        {
            throw new IllegalArgumentException("bad or repeated metric name: name=" + name);
        }
        final Family family = new Family(name, help, type);
        families.put(name, family);
        return family;
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder(16 * 1024);
        families.values().forEach(family -> family.write(out));
        return out.toString();
    }

    private static String[] with(final String[] labels, final String name, final String value)
    {
        final String[] more = java.util.Arrays.copyOf(labels, labels.length + 2);
        more[labels.length] = name;
        more[labels.length + 1] = value;
        return more;
    }

    private static String seconds(final long millis)
    {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** @return {@code value} as a label value: backslash, double quote and newline escaped. */
    static String escapeLabelValue(final String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** @return {@code text} as HELP text: backslash and newline escaped. */
    static String escapeHelp(final String text)
    {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** One metric family: its HELP, its TYPE and its samples, written together. */
    private static final class Family
    {
        private final String name;
        private final String help;
        private final String type;
        private final List<String> samples = new ArrayList<>();

        Family(final String name, final String help, final String type)
        {
            this.name = name;
            this.help = help;
            this.type = type;
        }

        void add(final long value, final String... labels)
        {
            add(Long.toString(value), labels);
        }

        void add(final String value, final String... labels)
        {
            final StringBuilder sample = new StringBuilder(name.length() + 64);
            sample.append(name);
            if (labels.length > 0)
            {
                sample.append('{');
                for (int i = 0; i < labels.length; i += 2)
                {
                    if (!LABEL_NAME.matcher(labels[i]).matches() || labels[i].startsWith("__"))
                    {
                        throw new IllegalArgumentException("bad label name: name=" + labels[i]);
                    }
                    sample.append(0 == i ? "" : ",").append(labels[i]).append("=\"")
                        .append(escapeLabelValue(null == labels[i + 1] ? "" : labels[i + 1])).append('"');
                }
                sample.append('}');
            }
            samples.add(sample.append(' ').append(value).toString());
        }

        void write(final StringBuilder out)
        {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            samples.forEach(sample -> out.append(sample).append('\n'));
        }
    }
}
