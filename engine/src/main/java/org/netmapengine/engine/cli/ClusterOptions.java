package org.netmapengine.engine.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The cluster options {@code run} and {@code monitor} share; each overrides a {@code netmap-engine.cluster} key.
 */
final class ClusterOptions
{
    @Option(names = "--seeds", paramLabel = "HOST:PORT", split = ",",
        description = "Cluster nodes to join (HOST:PORT or akka://NAME@HOST:PORT, comma-separated), usually the " +
            "monitor. Overrides netmap-engine.cluster.seed-nodes; none: the node joins itself.")
    List<String> seeds;

    @Option(names = "--cluster-host", paramLabel = "HOST",
        description = "Address the node listens on for its peers. Overrides netmap-engine.cluster.hostname.")
    String hostname;

    @Option(names = "--cluster-port", paramLabel = "PORT",
        description = "Port the node listens on for its peers (0: any free port).")
    Integer port;

    @Option(names = "--transport", paramLabel = "tcp|aeron-udp",
        description = "Artery transport. Overrides netmap-engine.cluster.transport.")
    String transport;

    /**
     * @param withPort whether {@code --cluster-port} is the node's cluster port ({@code monitor} has its own key).
     * @return {@code overrides} with the options given on top, both as {@code netmap-engine.cluster} keys and as
     * the Akka keys they map to (so they win over Akka keys set in a file).
     */
    Config overrides(final Config overrides, final boolean withPort)
    {
        Config config = overrides;
        if (null != seeds)
        {
            config = set(config, "netmap-engine.cluster.seed-nodes", "akka.cluster.seed-nodes", seeds);
        }
        if (null != hostname)
        {
            config = set(config, "netmap-engine.cluster.hostname", "akka.remote.artery.canonical.hostname", hostname);
        }
        if (null != port && withPort)
        {
            config = set(config, "netmap-engine.cluster.port", "akka.remote.artery.canonical.port", port);
        }
        if (null != transport)
        {
            config = set(config, "netmap-engine.cluster.transport", "akka.remote.artery.transport", transport);
        }
        return config;
    }

    private static Config set(final Config config, final String key, final String akkaKey, final Object value)
    {
        return config.withValue(key, ConfigValueFactory.fromAnyRef(value))
            .withValue(akkaKey, ConfigValueFactory.fromAnyRef(value));
    }
}
