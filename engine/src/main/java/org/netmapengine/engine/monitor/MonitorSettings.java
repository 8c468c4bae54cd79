package org.netmapengine.engine.monitor;

import com.typesafe.config.Config;

import java.time.Duration;

/**
 * The monitor role's settings, from {@code netmap-engine.monitor} (documented in the top-level
 * {@code application.conf}).
 *
 * @param clusterPort     the cluster port {@code netmap-engine monitor} listens on (packet nodes name it as seed).
 * @param httpEnabled     whether to serve {@code /metrics} and {@code /status}.
 * @param httpHostname    the HTTP server's address.
 * @param httpPort        its port (0: any free port).
 * @param tableInterval   how often {@code netmap-engine monitor} prints its table.
 * @param events          membership events kept for {@code /status}.
 * @param controls        control results kept for {@code /status}.
 * @param controlTimeout  how long a control request may take (a reload drains the old pipeline first).
 */
public record MonitorSettings(
    int clusterPort,
    boolean httpEnabled,
    String httpHostname,
    int httpPort,
    Duration tableInterval,
    int events,
    int controls,
    Duration controlTimeout)
{
    public static MonitorSettings from(final Config config)
    {
        final Config monitor = config.getConfig("netmap-engine.monitor");
        return new MonitorSettings(
            monitor.getInt("cluster-port"),
            monitor.getBoolean("http.enabled"),
            monitor.getString("http.hostname"),
            monitor.getInt("http.port"),
            monitor.getDuration("table-interval"),
            monitor.getInt("events"),
            monitor.getInt("controls"),
            monitor.getDuration("control-timeout"));
    }
}
