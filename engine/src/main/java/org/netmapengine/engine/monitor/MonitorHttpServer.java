package org.netmapengine.engine.monitor;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.netmapengine.engine.cluster.ControlReceiver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The monitor's HTTP endpoints, on the JDK's own server (bound to {@code 127.0.0.1} unless configured otherwise):
 * <pre>
 *   GET  /metrics                                     Prometheus text format (PrometheusText)
 *   GET  /status                                      JSON (StatusJson)
 *   POST /control/stop?node=HOST:PORT&amp;pipeline=NAME    stop a pipeline on a packet node
 *   POST /control/start?node=HOST:PORT&amp;pipeline=NAME   start it again
 *   POST /control/reload?node=HOST:PORT&amp;pipeline=NAME  replace it by the HOCON in the body, validated on the node
 * </pre>
 * A control request answers with the node's {@code ControlResult} as JSON: 200 when done, 422 when refused
 * (a reload's compile errors are in {@code errors}; the node keeps its running pipeline), 400 for a bad request,
 * 503 when the monitor did not answer in time.
 */
public final class MonitorHttpServer implements AutoCloseable
{
    private static final String JSON = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ActorSystem<?> system;
    private final ActorRef<MonitorAggregator.Command> aggregator;
    private final Duration viewTimeout = Duration.ofSeconds(5);
    private final Duration controlTimeout;

    private MonitorHttpServer(final ActorSystem<?> system, final ActorRef<MonitorAggregator.Command> aggregator,
        final MonitorSettings settings) throws IOException
    {
        this.system = system;
        this.aggregator = aggregator;
        this.controlTimeout = settings.controlTimeout().plusSeconds(5);
        this.server = HttpServer.create(new InetSocketAddress(settings.httpHostname(), settings.httpPort()), 16);
        this.executor = Executors.newFixedThreadPool(2, runnable ->
        {
            final Thread thread = new Thread(runnable, "netmap-engine-monitor-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * @return a running server.
     * @throws IOException when the address cannot be bound (e.g. the port is taken).
     */
    public static MonitorHttpServer start(final ActorSystem<?> system,
        final ActorRef<MonitorAggregator.Command> aggregator, final MonitorSettings settings) throws IOException
    {
        final MonitorHttpServer http = new MonitorHttpServer(system, aggregator, settings);
        http.server.start();
        return http;
    }

    /** @return the address it listens on (the port chosen when configured as 0). */
    public InetSocketAddress address()
    {
        return server.getAddress();
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try
        {
            route(exchange);
        }
        catch (final java.util.concurrent.TimeoutException e)
        {
            reply(exchange, 503, TEXT, "the monitor did not answer in time\n");
        }
        catch (final Exception e)
        {
            system.log().error("monitor http: " + exchange.getRequestURI(), e);
            reply(exchange, 500, TEXT, e + "\n");
        }
        finally
        {
            exchange.close();
        }
    }

    private void route(final HttpExchange exchange) throws Exception
    {
        final String path = exchange.getRequestURI().getPath();
        final boolean get = method(exchange, "GET") || method(exchange, "HEAD");
        switch (path)
        {
            case "/" -> reply(exchange, 200, TEXT, "netmap-engine monitor: GET /metrics (Prometheus), GET /status " +
                "(JSON), POST /control/{stop,start,reload}?node=HOST:PORT&pipeline=NAME\n");
            case "/metrics" ->
            {
                if (get)
                {
                    reply(exchange, 200, PrometheusText.CONTENT_TYPE, PrometheusText.render(view()));
                }
                else
                {
                    reply(exchange, 405, TEXT, "use GET\n");
                }
            }
            case "/status" ->
            {
                if (get)
                {
                    reply(exchange, 200, JSON, StatusJson.render(view()) + "\n");
                }
                else
                {
                    reply(exchange, 405, TEXT, "use GET\n");
                }
            }
            default ->
            {
                if (path.startsWith("/control/"))
                {
                    control(exchange, path.substring("/control/".length()));
                }
                else
                {
                    reply(exchange, 404, TEXT, "no such endpoint: " + path + "\n");
                }
            }
        }
    }

    private ClusterView view() throws Exception
    {
        return AskPattern.ask(aggregator, MonitorAggregator.GetView::new, viewTimeout, system.scheduler())
            .toCompletableFuture().get(viewTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private void control(final HttpExchange exchange, final String action) throws Exception
    {
        if (!method(exchange, "POST"))
        {
            reply(exchange, 405, TEXT, "use POST\n");
            return;
        }
        if (!action.equals("stop") && !action.equals("start") && !action.equals("reload"))
        {
            reply(exchange, 400, TEXT, "unknown action '" + action + "': expected stop, start or reload\n");
            return;
        }
        final Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        final String node = query.get("node");
        final String pipeline = query.get("pipeline");
        final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (null == node || null == pipeline)
        {
            reply(exchange, 400, TEXT, "expected ?node=HOST:PORT&pipeline=NAME\n");
            return;
        }
        if (action.equals("reload") && body.isBlank())
        {
            reply(exchange, 400, TEXT, "a reload takes the pipeline's HOCON as the request body\n");
            return;
        }
        final ControlReceiver.ControlResult result =
            AskPattern.<MonitorAggregator.Command, ControlReceiver.ControlResult>ask(aggregator,
                replyTo -> new MonitorAggregator.Control(node, action, pipeline, body, replyTo), controlTimeout,
                system.scheduler())
            .toCompletableFuture().get(controlTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        reply(exchange, result.ok() ? 200 : 422, JSON, StatusJson.render(result) + "\n");
    }

    private static boolean method(final HttpExchange exchange, final String method)
    {
        return method.equals(exchange.getRequestMethod());
    }

    private static Map<String, String> query(final String raw)
    {
        final Map<String, String> query = new HashMap<>();
        if (null != raw)
        {
            for (final String pair : raw.split("&"))
            {
                final int eq = pair.indexOf('=');
                if (eq > 0)
                {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void reply(final HttpExchange exchange, final int status, final String type, final String body)
        throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        final boolean head = method(exchange, "HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
    }
}
