package org.netmapengine.engine.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmapengine.engine.monitor.MiniJson;
import org.netmapengine.engine.monitor.PrometheusParser;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several JVMs on 127.0.0.1: a monitor ({@code netmap-engine monitor}) and packet nodes ({@code netmap-engine run},
 * the default pipeline over emulated pipes, each in its own directory), as a user runs them. Timings are printed
 * with the prefix {@code [cluster]} to the test's output.
 */
class ClusterMonitorTest
{
    private static final String IN = "in";

    @TempDir
    Path dir;

    private TestCluster cluster;

    @AfterEach
    void killChildren()
    {
        if (null != cluster)
        {
            cluster.close();
        }
    }

    private static String node(final int port)
    {
        return "127.0.0.1:" + port;
    }

    private static Double rx(final Map<String, PrometheusParser.Family> metrics, final String node)
    {
        return null == metrics ? null : PrometheusParser.value(metrics, "netmap_engine_port_rx_packets_total",
            "node", node, "pipeline", "default", "port", IN);
    }

    private static void report(final String what, final long millis)
    {
        System.out.printf("[cluster] %s: %d ms%n", what, millis);
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"tcp", "aeron-udp"})
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldSeeTwoNodesCountersGrowAndServeThemAsPrometheusTextThatMatchesTheNodesOwn(final String transport)
        throws Exception
    {
        cluster = new TestCluster(dir, transport);
        final long dead = ClusterConfigTest.deadPid();
        final Path stale = Files.createDirectories(dir.resolve("aeron").resolve("netmap-engine-" + dead + "-0badf00d"));
        // 25 s of traffic at 8,000 pps: the nodes' generators start with their pipelines, and on a loaded machine a
        // node has been seen up at the monitor only 11 s after its JVM started (aeron-udp); the monitor must still
        // see it counting.
        final long packets = 200_000;
        final long start = System.nanoTime();
        final NodeProcess monitor = cluster.startMonitor();
        final int portA = TestCluster.freePort();
        final int portB = TestCluster.freePort();
        final NodeProcess a = cluster.startNode("a", portA, TestCluster.traffic(8000, packets));
        final NodeProcess b = cluster.startNode("b", portB, TestCluster.traffic(8000, packets));
        final String nodeA = node(portA);
        final String nodeB = node(portB);

        cluster.await("both packet nodes up at the monitor", Duration.ofSeconds(60), () ->
        {
            final Map<String, Object> status = cluster.status();
            final Map<String, Object> ma = TestCluster.member(status, nodeA);
            final Map<String, Object> mb = TestCluster.member(status, nodeB);
            return null != ma && null != mb && "up".equals(ma.get("status")) && "up".equals(mb.get("status"));
        });
        report(transport + ": monitor and two packet nodes up, from the first JVM's start", millis(start));

        // The monitor sees each node's counters grow, up to what its generator sends.
        final Map<String, List<Double>> seen = new LinkedHashMap<>();
        seen.put(nodeA, new ArrayList<>());
        seen.put(nodeB, new ArrayList<>());
        final Map<String, PrometheusParser.Family> metrics = cluster.await("every packet counted at the monitor",
            Duration.ofSeconds(90), () ->
            {
                final Map<String, PrometheusParser.Family> m = cluster.scrape();
                seen.forEach((node, values) ->
                {
                    final Double v = rx(m, node);
                    if (null != v && (values.isEmpty() || !v.equals(values.get(values.size() - 1))))
                    {
                        values.add(v);
                    }
                });
                return packets == seen.get(nodeA).stream().mapToDouble(Double::doubleValue).max().orElse(0) &&
                    packets == seen.get(nodeB).stream().mapToDouble(Double::doubleValue).max().orElse(0) ? m : null;
            });
        report(transport + ": every packet counted at the monitor, from the first JVM's start", millis(start));
        System.out.println("[cluster] " + transport + ": rx packets seen at the monitor: " + seen);
        for (final Map.Entry<String, List<Double>> values : seen.entrySet())
        {
            assertTrue(values.getValue().size() >= 2 && values.getValue().get(0) < packets, "the monitor saw " +
                values.getKey() + " grow: " + values.getValue());
            for (int i = 1; i < values.getValue().size(); i++)
            {
                assertTrue(values.getValue().get(i) > values.getValue().get(i - 1), values.toString());
            }
        }
        assertEquals(1.0, PrometheusParser.value(metrics, "netmap_engine_port_info", "node", nodeA, "pipeline",
            "default", "port", IN, "netmap_port", "netmap:demo}0/R", "backend", "emulated"));
        assertEquals(1.0, PrometheusParser.value(metrics, "netmap_engine_member_reachable", "node", nodeB));
        assertNotNull(PrometheusParser.value(metrics, "netmap_engine_jvm_heap_used_bytes", "node", nodeA));
        assertFalse(PrometheusParser.samples(metrics, "netmap_engine_jvm_gc_collections_total", "node", nodeB).isEmpty());
        assertTrue(Pattern.compile(Pattern.quote(nodeA) + " +default +port +in +emulated +\\d+").matcher(monitor.out()).find(),
            "a row of the monitor's table:\n" + monitor.out());
        if ("aeron-udp".equals(transport))
        {
            assertAeronDirectories(stale, monitor, a, b);
        }

        // The nodes' own final accounting, after SIGTERM, is what the monitor served.
        final Map<String, PrometheusParser.Family> last = cluster.scrape();
        for (final NodeProcess node : List.of(a, b))
        {
            node.terminate();
            assertCountersMatch(last, node == a ? nodeA : nodeB, node.out(), packets);
        }
        final Map<String, Object> status = cluster.await("both nodes left and were removed", Duration.ofSeconds(30),
            () ->
            {
                final Map<String, Object> s = cluster.status();
                return null != TestCluster.eventTime(s, nodeA, "removed") &&
                    null != TestCluster.eventTime(s, nodeB, "removed") ? s : null;
            });
        assertNotNull(TestCluster.eventTime(status, nodeA, "left"), "a SIGTERM is a graceful leave");
        assertTrue(MiniJson.array(status.get("nodes")).isEmpty(), "removed nodes have no metrics");
        if ("aeron-udp".equals(transport))
        {
            assertEquals(List.of(directoryOf(monitor)), aeronDirectories(), "stopped nodes deleted theirs");
        }
    }

    private static long millis(final long since)
    {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private void assertAeronDirectories(final Path stale, final NodeProcess... processes) throws Exception
    {
        assertFalse(Files.exists(stale), "the directory of a dead process is deleted when a node starts");
        final List<String> expected = new ArrayList<>();
        for (final NodeProcess p : processes)
        {
            expected.add(directoryOf(p));
        }
        expected.sort(null);
        assertEquals(expected, aeronDirectories(), "one media driver directory per node");
    }

    private static String directoryOf(final NodeProcess process)
    {
        return "netmap-engine-" + process.pid();
    }

    /** @return the media driver directories under the cluster's parent, without their random part, sorted. */
    private List<String> aeronDirectories() throws Exception
    {
        try (Stream<Path> children = Files.list(dir.resolve("aeron")))
        {
            return children.map(p -> p.getFileName().toString())
                .peek(name -> assertTrue(name.matches("netmap-engine-\\d+-[0-9a-f]{8}"), name))
                .map(name -> name.substring(0, name.lastIndexOf('-'))).sorted().toList();
        }
    }

    private static final Pattern PORT = Pattern.compile("port in \\(netmap:demo}0/R, emulated\\): received (\\d+) " +
        "\\+ copies (\\d+) = transmitted (\\d+) \\+ dropped (\\d+)");
    private static final Pattern TRANSMITTER = Pattern.compile("transmitter (\\S+) \\([^)]*\\): transmitted (\\d+)");
    private static final Pattern STAGE = Pattern.compile("stage (\\S+): in (\\d+), out (\\d+)");

    /** The monitor's counters of {@code node} against the node's own final accounting on its stdout. */
    private static void assertCountersMatch(final Map<String, PrometheusParser.Family> metrics, final String node,
        final String out, final long packets)
    {
        assertTrue(out.contains("in flight 0, leaked 0: every packet accounted for"), out);
        final Matcher port = PORT.matcher(out);
        assertTrue(port.find(), out);
        assertEquals(packets, Long.parseLong(port.group(1)), "the generator's count");
        assertEquals(Double.parseDouble(port.group(1)), rx(metrics, node), node + " rx");
        final double dropped = PrometheusParser.samples(metrics, "netmap_engine_port_dropped_total", "node", node,
            "port", IN).stream().mapToDouble(PrometheusParser.Sample::value).sum();
        assertEquals(Double.parseDouble(port.group(4)), dropped, node + " drops");
        int transmitters = 0;
        final Matcher tx = TRANSMITTER.matcher(out);
        while (tx.find())
        {
            transmitters++;
            assertEquals(Double.parseDouble(tx.group(2)), PrometheusParser.value(metrics,
                "netmap_engine_port_tx_packets_total", "node", node, "pipeline", "default", "port", tx.group(1)),
                node + " tx " + tx.group(1));
        }
        assertEquals(2, transmitters, out);
        int stages = 0;
        final Matcher stage = STAGE.matcher(out);
        while (stage.find())
        {
            stages++;
            final String[] labels = {"node", node, "pipeline", "default", "stage", stage.group(1)};
            assertEquals(Double.parseDouble(stage.group(2)),
                PrometheusParser.value(metrics, "netmap_engine_stage_in_packets_total", labels), stage.group());
            assertEquals(Double.parseDouble(stage.group(3)),
                PrometheusParser.value(metrics, "netmap_engine_stage_out_packets_total", labels), stage.group());
        }
        assertEquals(5, stages, out);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldReportAKilledNodeUnreachableThenRemovedAndShowItsMetricsAgainWhenItRejoins() throws Exception
    {
        cluster = new TestCluster(dir, "tcp");
        cluster.startMonitor();
        final int portA = TestCluster.freePort();
        final int portB = TestCluster.freePort();
        cluster.startNode("a", portA, TestCluster.traffic(2000, 0));
        final NodeProcess b = cluster.startNode("b", portB, TestCluster.traffic(2000, 0));
        final String nodeA = node(portA);
        final String nodeB = node(portB);
        cluster.await("both nodes' counters at the monitor", Duration.ofSeconds(60), () ->
        {
            final Map<String, PrometheusParser.Family> m = cluster.scrape();
            return null != rx(m, nodeA) && rx(m, nodeA) > 0 && null != rx(m, nodeB) && rx(m, nodeB) > 0;
        });
        final long incarnation = (Long)TestCluster.member(cluster.status(), nodeB).get("incarnation");

        b.kill9();
        final long killed = System.currentTimeMillis();

        final long unreachable = cluster.await("b unreachable at the monitor", Duration.ofSeconds(30),
            () -> TestCluster.eventTime(cluster.status(), nodeB, "unreachable"));
        final Map<String, Object> whileUnreachable = cluster.status();
        final long removed = cluster.await("b removed at the monitor", Duration.ofSeconds(30),
            () -> TestCluster.eventTime(cluster.status(), nodeB, "removed"));
        report("kill -9 to unreachable", unreachable - killed);
        report("unreachable to removed", removed - unreachable);

        // Within the configured times: the failure detector's pause plus a few heartbeats, then the resolver's
        // stable-after plus a few rounds of gossip to down and remove.
        final long unreachableBound = TestCluster.ACCEPTABLE_PAUSE.toMillis() + 4 * TestCluster.HEARTBEAT.toMillis() + 3000;
        final long removedBound = TestCluster.STABLE_AFTER.toMillis() + 4 * TestCluster.GOSSIP.toMillis() + 4000;
        assertTrue(unreachable - killed <= unreachableBound, "unreachable after " + (unreachable - killed) + " ms");
        assertTrue(removed - unreachable <= removedBound, "removed " + (removed - unreachable) + " ms later");
        assertNotNull(TestCluster.eventTime(cluster.status(), nodeB, "downed"), "downed by the split-brain resolver");
        assertEquals(false, TestCluster.member(whileUnreachable, nodeB).get("reachable"));
        final Map<String, PrometheusParser.Family> afterRemoval = cluster.await("b's metrics gone",
            Duration.ofSeconds(5), () ->
            {
                final Map<String, PrometheusParser.Family> m = cluster.scrape();
                return null != m && null == rx(m, nodeB) ? m : null;
            });
        assertNull(PrometheusParser.value(afterRemoval, "netmap_engine_member_reachable", "node", nodeB));
        assertEquals(1.0, PrometheusParser.value(afterRemoval, "netmap_engine_member_events_total", "event", "removed"));
        final double aBefore = rx(afterRemoval, nodeA);
        cluster.await("a still counting", Duration.ofSeconds(10), () -> rx(cluster.scrape(), nodeA) > aBefore);

        // The node comes back at the same address: a new incarnation, and its metrics are served again.
        final long restarted = System.currentTimeMillis();
        cluster.startNode("b-again", portB, TestCluster.traffic(2000, 0));
        cluster.await("b's metrics again", Duration.ofSeconds(60), () ->
        {
            final Double v = rx(cluster.scrape(), nodeB);
            return null != v && v > 0;
        });
        report("restart to metrics again", System.currentTimeMillis() - restarted);
        final Map<String, Object> status = cluster.status();
        assertNotEquals(incarnation, TestCluster.member(status, nodeB).get("incarnation"));
        assertEquals(true, TestCluster.member(status, nodeB).get("reachable"));
        assertTrue(TestCluster.eventTime(status, nodeB, "up") > removed, "up again after its removal");
        final double bAgain = rx(cluster.scrape(), nodeB);
        cluster.await("b counting again", Duration.ofSeconds(10), () -> rx(cluster.scrape(), nodeB) > bAgain);
    }

    /** @return exit code, stdout and stderr of {@code netmap-engine control --monitor ... args}, run here. */
    private String[] control(final String... args)
    {
        final java.io.StringWriter out = new java.io.StringWriter();
        final java.io.StringWriter err = new java.io.StringWriter();
        final picocli.CommandLine command = org.netmapengine.engine.cli.NetmapEngineCommand.commandLine();
        command.setOut(new java.io.PrintWriter(out, true));
        command.setErr(new java.io.PrintWriter(err, true));
        final List<String> line = new ArrayList<>(List.of("control", "--monitor", "127.0.0.1:" + cluster.httpPort));
        line.addAll(List.of(args));
        final int exit = command.execute(line.toArray(new String[0]));
        return new String[]{Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldRejectAnInvalidReloadAtTheMonitorAndApplyAValidOneWithoutLeaks() throws Exception
    {
        cluster = new TestCluster(dir, "tcp");
        final NodeProcess monitor = cluster.startMonitor();
        final int port = TestCluster.freePort();
        final NodeProcess a = cluster.startNode("a", port, TestCluster.traffic(5000, 0));
        final String nodeA = node(port);
        cluster.await("a's counters at the monitor", Duration.ofSeconds(60), () ->
        {
            final Double v = rx(cluster.scrape(), nodeA);
            return null != v && v > 0;
        });
        final String control = "/control/%s?node=" + nodeA + "&pipeline=default";

        // Rejected on the node, shown at the monitor; the node keeps its pipeline and its traffic.
        final HttpResponse<String> rejected = cluster.post(control.formatted("reload"),
            "pipeline { ports { in { port = \"netmap:demo}0\", to = nowhere } } }");
        assertEquals(422, rejected.statusCode(), rejected.body());
        final String error = "(inline):1: pipeline.ports.in.to: 'nowhere' is not a stage: expected a stage, and the " +
            "pipeline has none";
        final Map<String, Object> answer = MiniJson.object(MiniJson.parse(rejected.body()));
        assertEquals(false, answer.get("ok"));
        assertEquals(List.of(error), answer.get("errors"));
        final Map<String, Object> shown = MiniJson.object(MiniJson.array(cluster.status().get("control")).get(0));
        assertEquals(List.of(error), shown.get("errors"));
        cluster.await("the error in the monitor's table", Duration.ofSeconds(5),
            () -> monitor.out().contains("reload default on " + nodeA + ": refused: " + error));
        assertTrue(monitor.err().contains("reload of pipeline default on " + nodeA + " refused:\n  " + error),
            monitor.err());
        final Map<String, PrometheusParser.Family> before = cluster.scrape();
        cluster.await("traffic goes on", Duration.ofSeconds(10), () -> rx(cluster.scrape(), nodeA) > rx(before, nodeA) &&
            null != PrometheusParser.value(cluster.scrape(), "netmap_engine_stage_in_packets_total", "node", nodeA,
                "pipeline", "default", "stage", "classify"));

        // Valid: the old pipeline stops with every buffer home, the new one runs.
        final HttpResponse<String> applied = cluster.post(control.formatted("reload"), """
            pipeline {
              ports {
                in { port = "netmap:demo}0", to = count }
                out { port = "netmap:demo{1" }
              }
              stages { count { type = counter, outputs { out = out } } }
            }
            """);
        assertEquals(200, applied.statusCode(), applied.body());
        final Map<String, Object> done = MiniJson.object(MiniJson.parse(applied.body()));
        assertEquals(true, done.get("ok"));
        assertEquals(0L, done.get("leaked"));
        assertTrue(((String)done.get("accounting")).contains("in flight 0, leaked 0: every packet accounted for"),
            done.toString());
        final Map<String, PrometheusParser.Family> reloaded = cluster.await("the new pipeline counting",
            Duration.ofSeconds(15), () ->
            {
                final Map<String, PrometheusParser.Family> m = cluster.scrape();
                final Double count = PrometheusParser.value(m, "netmap_engine_stage_in_packets_total", "node", nodeA,
                    "pipeline", "default", "stage", "count");
                return null != count && count > 0 ? m : null;
            });
        assertNull(PrometheusParser.value(reloaded, "netmap_engine_stage_in_packets_total", "node", nodeA,
            "pipeline", "default", "stage", "classify"), "the old stages are gone");

        // Stop and start with `netmap-engine control`, through the monitor: start runs the reloaded definition.
        final String[] stopped = control("stop", nodeA, "default");
        assertEquals("0", stopped[0], stopped[2]);
        assertTrue(stopped[1].startsWith("stop of pipeline default on " + nodeA + ": done\nfinal accounting of " +
            "pipeline 'default':\n"), stopped[1]);
        assertTrue(stopped[1].contains("in flight 0, leaked 0: every packet accounted for"), stopped[1]);
        cluster.await("no pipeline on a", Duration.ofSeconds(10), () -> PrometheusParser.samples(cluster.scrape(),
            "netmap_engine_pipeline_running", "node", nodeA).isEmpty());
        final String[] started = control("start", nodeA, "default");
        assertEquals("0", started[0], started[2]);
        cluster.await("counting again after start", Duration.ofSeconds(15), () ->
        {
            final Double count = PrometheusParser.value(cluster.scrape(), "netmap_engine_stage_in_packets_total",
                "node", nodeA, "pipeline", "default", "stage", "count");
            return null != count && count > 0;
        });
        final Path bad = Files.writeString(dir.resolve("bad.conf"), "pipeline { stages { x { type = nope } } }");
        final String[] refused = control("reload", nodeA, "default", bad.toString());
        assertEquals("4", refused[0], refused[1] + refused[2]);
        assertTrue(refused[2].startsWith("reload of pipeline default on " + nodeA + ": refused\n  "), refused[2]);
        assertTrue(refused[2].contains("nope"), refused[2]);
        final HttpResponse<String> unknown = cluster.post("/control/stop?node=127.0.0.1:1&pipeline=default", "");
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("no packet node 127.0.0.1:1 in the cluster; packet nodes: [" + nodeA + "]"),
            unknown.body());

        a.terminate();
        assertTrue(a.out().contains("in flight 0, leaked 0: every packet accounted for"), a.out());
    }
}
