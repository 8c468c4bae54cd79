package org.netmapengine.engine.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmapengine.engine.cluster.JvmSnapshot;
import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.cluster.PortSnapshot;
import org.netmapengine.engine.cluster.StageSnapshot;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest
{
    static final long NOW = 1_800_000_000_000L;

    /** A monitor's view of itself and two packet nodes, one unreachable; one node's pipeline has an awkward name. */
    static ClusterView view()
    {
        final JvmSnapshot jvm = new JvmSnapshot(50 << 20, 64 << 20, 256 << 20, 40,
            List.of(new JvmSnapshot.Gc("Copy", 12, 340), new JvmSnapshot.Gc("MarkSweepCompact", 1, 20)));
        final NodeSnapshot a = new NodeSnapshot("127.0.0.1:25521", 11, List.of("packet"), 7, NOW - 900, 5_000_000_000L,
            7_000, List.of("default"),
            List.of(new PortSnapshot("default", "in", "netmap:default}0/R", "emulated", 1000, 60_000, 0, 0,
                    Map.of("drop", 10L, "no-buffer", 2L), 0, 0, 4000, 4096, 96, 0, 0),
                new PortSnapshot("default", "out", "netmap:default{1/T", "emulated", 0, 0, 988, 59_280, Map.of(), 3, 0,
                    0, 0, 0, 0, 0)),
            List.of(new StageSnapshot("default", "classify", 1, 1000, 990, Map.of("drop", 10L), 0, 0, 0, 0),
                new StageSnapshot("default", "count", 2, 990, 988, Map.of(), 1, 2, 0, 1)), jvm);
        final NodeSnapshot b = new NodeSnapshot("127.0.0.1:25522", 22, List.of("packet"), 3, NOW - 5000, 1, 3_000,
            List.of("we\"ird\\pipe\nline"),
            List.of(new PortSnapshot("we\"ird\\pipe\nline", "in", "netmap:eth0", "kernel", 5, 300, 0, 0, Map.of(), 0, 0,
                10, 10, 0, 17, 1)), List.of(), jvm);
        return new ClusterView(NOW, "127.0.0.1:25520",
            List.of(new ClusterView.Member("127.0.0.1:25520", "akka://netmap-engine@127.0.0.1:25520", 1,
                    List.of("monitor"), "up", true, NOW - 9000),
                new ClusterView.Member("127.0.0.1:25521", "akka://netmap-engine@127.0.0.1:25521", 11,
                    List.of("packet"), "up", true, NOW - 8000),
                new ClusterView.Member("127.0.0.1:25522", "akka://netmap-engine@127.0.0.1:25522", 22,
                    List.of("packet"), "up", false, NOW - 1000)),
            List.of(new ClusterView.Event(NOW - 9000, "up", "127.0.0.1:25520", List.of("monitor")),
                new ClusterView.Event(NOW - 8500, "joined", "127.0.0.1:25521", List.of("packet")),
                new ClusterView.Event(NOW - 1000, "unreachable", "127.0.0.1:25522", List.of("packet"))),
            Map.of("joined", 2L, "up", 3L, "unreachable", 1L),
            List.of(new ClusterView.Node(a, NOW - 800, "up", true), new ClusterView.Node(b, NOW - 4900, "up", false)),
            List.of(new ClusterView.Control(NOW - 100, new ControlReceiver.ControlResult("127.0.0.1:25521", "reload",
                "default", false, List.of("(inline):1: pipeline.ports.in.to: 'nowhere' is not a stage"), -1, ""))));
    }

    @Test
    void shouldWriteEveryFamilyOnceWithHelpAndTypeAndCountersEndingInTotal()
    {
        final String text = PrometheusText.render(view());
        final Map<String, PrometheusParser.Family> families = PrometheusParser.parse(text);

        assertTrue(families.size() >= 30, families.keySet().toString());
        for (final PrometheusParser.Family family : families.values())
        {
            assertTrue(family.name().startsWith("netmap_engine_"), family.name());
            assertEquals(family.type().equals("counter"), family.name().endsWith("_total"), family.name());
            assertEquals(1, text.split("# TYPE " + family.name() + " ", -1).length - 1, family.name());
        }
    }

    @Test
    void shouldExportPortsStagesMembersAndJvmsWithTheirLabels()
    {
        final Map<String, PrometheusParser.Family> m = PrometheusParser.parse(PrometheusText.render(view()));
        final String[] in = {"node", "127.0.0.1:25521", "pipeline", "default", "port", "in"};

        assertEquals(1000.0, PrometheusParser.value(m, "netmap_engine_port_rx_packets_total", in));
        assertEquals(60_000.0, PrometheusParser.value(m, "netmap_engine_port_rx_bytes_total", in));
        assertEquals(10.0, PrometheusParser.value(m, "netmap_engine_port_dropped_total",
            "node", "127.0.0.1:25521", "pipeline", "default", "port", "in", "reason", "drop"));
        assertEquals(2.0, PrometheusParser.value(m, "netmap_engine_port_dropped_total",
            "node", "127.0.0.1:25521", "pipeline", "default", "port", "in", "reason", "no-buffer"));
        assertEquals(4000.0, PrometheusParser.value(m, "netmap_engine_port_free_buffers", in));
        assertEquals(96.0, PrometheusParser.value(m, "netmap_engine_port_in_flight_packets", in));
        assertEquals(1.0, PrometheusParser.value(m, "netmap_engine_port_info", "node", "127.0.0.1:25521",
            "pipeline", "default", "port", "in", "netmap_port", "netmap:default}0/R", "backend", "emulated"));
        assertEquals(988.0, PrometheusParser.value(m, "netmap_engine_port_tx_packets_total",
            "node", "127.0.0.1:25521", "pipeline", "default", "port", "out"));
        assertEquals(3.0, PrometheusParser.value(m, "netmap_engine_port_tx_dropped_total",
            "node", "127.0.0.1:25521", "pipeline", "default", "port", "out", "reason", "tx-full"));
        assertEquals(0.0, PrometheusParser.value(m, "netmap_engine_port_rx_missed_total",
            "node", "127.0.0.1:25521", "pipeline", "default", "port", "in", "reason", "kernel"));
        assertEquals(17.0, PrometheusParser.value(m, "netmap_engine_port_rx_missed_total",
            "node", "127.0.0.1:25522", "pipeline", "we\"ird\\pipe\nline", "port", "in", "reason", "kernel"));
        assertEquals(1.0, PrometheusParser.value(m, "netmap_engine_port_rx_missed_total",
            "node", "127.0.0.1:25522", "pipeline", "we\"ird\\pipe\nline", "port", "in", "reason", "oversize"));
        assertEquals(null, PrometheusParser.value(m, "netmap_engine_port_free_buffers",
            "node", "127.0.0.1:25521", "pipeline", "default", "port", "out"), "a port that only transmits owns none");

        final String[] count = {"node", "127.0.0.1:25521", "pipeline", "default", "stage", "count"};
        assertEquals(990.0, PrometheusParser.value(m, "netmap_engine_stage_in_packets_total", count));
        assertEquals(988.0, PrometheusParser.value(m, "netmap_engine_stage_out_packets_total", count));
        assertEquals(1.0, PrometheusParser.value(m, "netmap_engine_stage_errors_total", count));
        assertEquals(2.0, PrometheusParser.value(m, "netmap_engine_stage_in_flight_packets", count));
        assertEquals(1.0, PrometheusParser.value(m, "netmap_engine_stage_restarts_total", count));
        assertEquals(2.0, PrometheusParser.value(m, "netmap_engine_stage_instances", count));
        assertEquals(0.0, PrometheusParser.value(m, "netmap_engine_stage_leaked_total", count));

        assertEquals(0.0, PrometheusParser.value(m, "netmap_engine_member_reachable", "node", "127.0.0.1:25522"));
        assertEquals(1.0, PrometheusParser.value(m, "netmap_engine_member_up", "node", "127.0.0.1:25520",
            "roles", "monitor"));
        assertEquals(1.0, PrometheusParser.value(m, "netmap_engine_member_events_total", "event", "unreachable"));
        assertEquals(0.0, PrometheusParser.value(m, "netmap_engine_member_events_total", "event", "removed"),
            "every kind of event is there from the start");
        assertEquals((NOW - 1000) / 1000.0, PrometheusParser.value(m,
            "netmap_engine_member_event_timestamp_seconds", "node", "127.0.0.1:25522", "event", "unreachable"));
        assertEquals(4.9, PrometheusParser.value(m, "netmap_engine_node_snapshot_age_seconds",
            "node", "127.0.0.1:25522"));

        assertEquals(50.0 * (1 << 20), PrometheusParser.value(m, "netmap_engine_jvm_heap_used_bytes",
            "node", "127.0.0.1:25521"));
        assertEquals(0.34, PrometheusParser.value(m, "netmap_engine_jvm_gc_seconds_total", "node", "127.0.0.1:25521",
            "gc", "Copy"));
        assertEquals(12.0, PrometheusParser.value(m, "netmap_engine_jvm_gc_collections_total",
            "node", "127.0.0.1:25521", "gc", "Copy"));
    }

    @Test
    void shouldEscapeBackslashQuoteAndNewlineInLabelValues()
    {
        final String text = PrometheusText.render(view());

        assertTrue(text.contains("netmap_engine_port_rx_packets_total{node=\"127.0.0.1:25522\"," +
            "pipeline=\"we\\\"ird\\\\pipe\\nline\",port=\"in\"} 5\n"), text);
        assertEquals(5.0, PrometheusParser.value(PrometheusParser.parse(text), "netmap_engine_port_rx_packets_total",
            "node", "127.0.0.1:25522", "pipeline", "we\"ird\\pipe\nline", "port", "in"));
        assertEquals("a\\\\b\\n", PrometheusText.escapeHelp("a\\b\n"));
    }

    @Test
    void shouldWriteTheFamiliesOfAnEmptyCluster()
    {
        final ClusterView empty = new ClusterView(NOW, "127.0.0.1:25520", List.of(), List.of(), Map.of(), List.of(),
            List.of());
        final Map<String, PrometheusParser.Family> m = PrometheusParser.parse(PrometheusText.render(empty));

        assertTrue(m.containsKey("netmap_engine_port_rx_packets_total"));
        assertEquals(0.0, PrometheusParser.value(m, "netmap_engine_member_events_total", "event", "joined"));
    }

    /** The parser the cluster tests trust must refuse what a scraper refuses. */
    @ParameterizedTest
    @ValueSource(strings = {
        "# HELP a_total x\n# TYPE a_total counter\na_total 1",                                  // no final newline
        "# HELP a x\n# TYPE a counter\na 1\n",                                                  // counter without _total
        "# HELP a x\n# TYPE a gauge\n# TYPE a gauge\na 1\n",                                    // two TYPEs
        "# HELP a x\n# TYPE a gauge\na 1\n# HELP b x\n# TYPE b gauge\nb 1\na{x=\"1\"} 2\n",     // not contiguous
        "# HELP a x\n# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n",                             // same series twice
        "# HELP a x\n# TYPE a gauge\na{x=\"a\\tb\"} 1\n",                                       // bad escape
        "# HELP a x\n# TYPE a gauge\na{x=\"1\",x=\"2\"} 1\n",                                   // label twice
        "# HELP a x\n# TYPE a gauge\na{__x=\"1\"} 1\n",                                         // reserved label
        "# HELP a x\n# TYPE a gauge\na{1x=\"1\"} 1\n",                                          // bad label name
        "# HELP a x\n# TYPE a gauge\na{x=1} 1\n",                                               // unquoted
        "# HELP a x\n# TYPE a gauge\na one\n",                                                  // bad value
        "# HELP 1a x\n# TYPE 1a gauge\n1a 1\n",                                                 // bad metric name
        "# HELP a x\n# TYPE a gauge\na 1\n# HELP a y\n",                                        // HELP after samples
        "# TYPE a gauge\na 1\n",                                                                // no HELP
        "# HELP a_total x\n# TYPE a_total counter\na_total -1\n",                               // negative counter
        "# HELP a x\n# TYPE a gauges\na 1\n"})                                                  // bad type
    void shouldHaveAParserThatRefusesMalformedText(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> PrometheusParser.parse(text));
    }

    @Test
    void shouldHaveAParserThatAcceptsTheFormatsOwnExample()
    {
        final Map<String, PrometheusParser.Family> m = PrometheusParser.parse("""
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000
            # HELP msdos_file_access_time_seconds A path with backslashes.
            # TYPE msdos_file_access_time_seconds gauge
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            # HELP metric_without_timestamp_and_labels Plain.
            # TYPE metric_without_timestamp_and_labels gauge
            metric_without_timestamp_and_labels 12.47
            # HELP something_weird Infinity.
            # TYPE something_weird gauge
            something_weird{problem="division by zero"} +Inf -3982045
            """);

        assertEquals(3.0, PrometheusParser.value(m, "http_requests_total", "method", "post", "code", "400"));
        assertEquals(1.458255915e9, PrometheusParser.value(m, "msdos_file_access_time_seconds",
            "path", "C:\\DIR\\FILE.TXT", "error", "Cannot find file:\n\"FILE.TXT\""));
    }
}
