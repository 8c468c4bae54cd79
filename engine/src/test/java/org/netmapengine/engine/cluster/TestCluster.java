package org.netmapengine.engine.cluster;

import org.netmapengine.engine.monitor.MiniJson;
import org.netmapengine.engine.monitor.PrometheusParser;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cluster of {@code netmap-engine} JVMs on 127.0.0.1 for one test: a monitor and packet nodes, each with its own
 * configuration file, emulated directory and ports, and the HTTP calls a user makes to the monitor. Failure
 * detection and the split-brain resolver are set to act within seconds. {@link #close} kills whatever still runs.
 */
final class TestCluster implements AutoCloseable
{
    /** Heartbeats and the pause after which a silent node is unreachable. */
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final Duration ACCEPTABLE_PAUSE = Duration.ofMillis(2500);
    /** How long membership must be stable before the split-brain resolver downs the unreachable side. */
    static final Duration STABLE_AFTER = Duration.ofSeconds(3);
    /** Gossip, leader actions and receptionist replication. */
    static final Duration GOSSIP = Duration.ofMillis(500);

    final Path dir;
    final String transport;
    final int monitorPort;
    final int httpPort;
    private final List<NodeProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TestCluster(final Path dir, final String transport) throws IOException
    {
        this.dir = dir;
        this.transport = transport;
        this.monitorPort = freePort();
        this.httpPort = freePort();
    }

    /** @return a port free for TCP and UDP on 127.0.0.1 now. */
    static int freePort() throws IOException
    {
        while (true)
        {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     tcp.getLocalPort())))
            {
                return udp.getLocalPort();
            }
            catch (final java.net.BindException e)
            {
                // Taken for UDP: try another.
            }
        }
    }

    /** @return the settings every process of the cluster shares. */
    String common()
    {
        return """
            netmap-engine.cluster {
              transport = %s
              aeron.directory-parent = "%s"
            }
            akka {
              cluster {
                failure-detector {
                  heartbeat-interval = %dms
                  acceptable-heartbeat-pause = %dms
                  expected-response-after = 500ms
                }
                split-brain-resolver {
                  stable-after = %dms
                  down-all-when-unstable = off
                }
                gossip-interval = %dms
                leader-actions-interval = %dms
                unreachable-nodes-reaper-interval = %dms
                retry-unsuccessful-join-after = 2s
                distributed-data.gossip-interval = %dms
                distributed-data.notify-subscribers-interval = 200ms
              }
            }
            """.formatted(transport, dir.resolve("aeron"), HEARTBEAT.toMillis(), ACCEPTABLE_PAUSE.toMillis(),
            STABLE_AFTER.toMillis(), GOSSIP.toMillis(), GOSSIP.toMillis(), GOSSIP.toMillis(), GOSSIP.toMillis());
    }

    /** @return the node's own traffic for the default pipeline: {@code count} packets (0: until stopped) at {@code rate}. */
    static String traffic(final long rate, final long count)
    {
        return """
            netmap-engine.traffic {
              generators.gen {
                port = "netmap:demo{0"
                rate = %d
                burst = 32
                count = %d
                src = "10.0.0.1:1024-10.0.0.1:1087"
                dst = "10.1.0.1:53-10.1.0.4:54"
              }
              sinks { sink { port = "netmap:demo}1" }, mirror-sink { port = "netmap:demo}2" } }
            }
            """.formatted(rate, count);
    }

    NodeProcess startMonitor() throws IOException
    {
        final Path config = write("monitor.conf", common());
        return start("monitor", List.of("monitor", "--config", config.toString(), "--cluster-port",
            Integer.toString(monitorPort), "--http-port", Integer.toString(httpPort)));
    }

    /** Starts a packet node running the default pipeline with {@code extra} settings, joining the monitor. */
    NodeProcess startNode(final String name, final int port, final String extra) throws IOException
    {
        final Path config = write(name + ".conf", common() + extra);
        final Path emulated = Files.createDirectories(dir.resolve("emulated-" + name));
        return start(name, List.of("run", "--config", config.toString(), "--emulated-dir", emulated.toString(),
            "--cluster-port", Integer.toString(port), "--seeds", "127.0.0.1:" + monitorPort));
    }

    private NodeProcess start(final String name, final List<String> args) throws IOException
    {
        final NodeProcess process = NodeProcess.start(name, dir, args);
        processes.add(process);
        return process;
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text);
    }

    /** @return GET {@code path} from the monitor, or null while it does not answer. */
    HttpResponse<String> get(final String path)
    {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> post(final String path, final String body)
    {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private HttpResponse<String> send(final HttpRequest request)
    {
        try
        {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException e)
        {
            return null;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return {@code /metrics}, parsed by the strict parser (which throws on any violation), or null. */
    Map<String, PrometheusParser.Family> scrape()
    {
        final HttpResponse<String> response = get("/metrics");
        if (null == response || 200 != response.statusCode())
        {
            return null;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"))
        {
            throw new AssertionError("content type " + response.headers().firstValue("Content-Type"));
        }
        return PrometheusParser.parse(response.body());
    }

    /** @return {@code /status}, parsed, or null. */
    Map<String, Object> status()
    {
        final HttpResponse<String> response = get("/status");
        return null == response || 200 != response.statusCode() ? null :
            MiniJson.object(MiniJson.parse(response.body()));
    }

    /** @return the member {@code node} in {@code status}, or null. */
    static Map<String, Object> member(final Map<String, Object> status, final String node)
    {
        if (null == status)
        {
            return null;
        }
        return MiniJson.array(status.get("members")).stream().map(MiniJson::object)
            .filter(m -> node.equals(m.get("node"))).findFirst().orElse(null);
    }

    /** @return the time of the latest event {@code kind} of {@code node} in {@code status}, or null. */
    static Long eventTime(final Map<String, Object> status, final String node, final String kind)
    {
        if (null == status)
        {
            return null;
        }
        Long time = null;
        for (final Object e : MiniJson.array(status.get("events")))
        {
            final Map<String, Object> event = MiniJson.object(e);
            if (node.equals(event.get("node")) && kind.equals(event.get("event")))
            {
                time = (Long)event.get("time");
            }
        }
        return time;
    }

    /** @return the first non-null, non-false answer of {@code probe}, polled every 100 ms for up to {@code timeout}. */
    <T> T await(final String what, final Duration timeout, final Supplier<T> probe) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            final T answer = probe.get();
            if (null != answer && !Boolean.FALSE.equals(answer))
            {
                return answer;
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "\n" + logs());
            }
            Thread.sleep(100);
        }
    }

    /** @return the tail of every process's output, for a failure message. */
    String logs()
    {
        final StringBuilder logs = new StringBuilder();
        for (final NodeProcess p : processes)
        {
            final String out = p.out();
            final String err = p.err();
            logs.append("---- ").append(p).append(p.alive() ? " running" : " ended").append(" stdout:\n")
                .append(out, Math.max(0, out.length() - 3000), out.length())
                .append("---- stderr:\n").append(err, Math.max(0, err.length() - 4000), err.length());
        }
        return logs.toString();
    }

    @Override
    public void close()
    {
        processes.forEach(NodeProcess::close);
    }
}
