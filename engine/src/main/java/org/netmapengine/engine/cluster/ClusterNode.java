package org.netmapengine.engine.cluster;

import akka.actor.typed.ActorSystem;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.aeron.CommonContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a node's ActorSystem a cluster member: before it starts, {@link #prepare} completes its configuration
 * (seed addresses, and with {@code aeron-udp} a media driver directory of its own, the stale ones of dead nodes
 * deleted); once it runs, {@link #join} joins the seed nodes, or the node itself when there are none: a
 * single-node cluster.
 * <p>
 * Nothing happens unless {@code akka.actor.provider = cluster}.
 */
public final class ClusterNode
{
    /** The Artery transports a node accepts. */
    public static final List<String> TRANSPORTS = List.of("tcp", "tls-tcp", "aeron-udp");
    /** Below this much free space under the media driver's directory, a node warns (one peer takes ~40 MB). */
    static final long LOW_SPACE = 128L << 20;

    /** How long {@link #join} waits for a node that joins itself to be up. */
    static final Duration SELF_JOIN_WAIT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private ClusterNode()
    {
    }

    /** @return whether {@code config} makes a cluster member ({@code akka.actor.provider = cluster}). */
    public static boolean isCluster(final Config config)
    {
        return "cluster".equals(config.getString("akka.actor.provider"));
    }

    /**
     * @param config the node's resolved configuration.
     * @return it, ready to create the node's ActorSystem with.
     * @throws IllegalArgumentException for an unknown transport or a bad Aeron term length.
     */
    public static Config prepare(final Config config)
    {
        if (!isCluster(config))
        {
            return config;
        }
        final ClusterSettings settings = ClusterSettings.from(config);
        if (!TRANSPORTS.contains(settings.transport()))
        {
            throw new IllegalArgumentException("netmap-engine.cluster.transport: expected tcp or aeron-udp, got '" +
                settings.transport() + "'");
        }
        Config prepared = config.withValue("akka.cluster.seed-nodes",
            ConfigValueFactory.fromIterable(seeds(config.getStringList("akka.cluster.seed-nodes"), settings.name())));
        if ("aeron-udp".equals(settings.transport()))
        {
            prepared = prepareAeron(prepared, settings);
        }
        return prepared;
    }

    /** @return the seeds as Akka addresses: {@code HOST:PORT} becomes {@code akka://NAME@HOST:PORT}. */
    public static List<String> seeds(final List<String> seeds, final String name)
    {
        final List<String> addresses = new ArrayList<>();
        for (final String seed : seeds)
        {
            final String trimmed = seed.trim();
            if (!trimmed.isEmpty())
            {
                addresses.add(trimmed.contains("://") ? trimmed : "akka://" + name + "@" + trimmed);
            }
        }
        return addresses;
    }

    private static Config prepareAeron(final Config config, final ClusterSettings settings)
    {
        final long term = settings.termBufferLength();
        if (0 != term && (term < 64 * 1024 || term > 1L << 30 || Long.bitCount(term) != 1))
        {
            throw new IllegalArgumentException("netmap-engine.cluster.aeron.term-buffer-length: expected a power of " +
                "two from 64k to 1g, got " + term);
        }
        if (0 != term && null == System.getProperty("aeron.term.buffer.length"))
        {
            // The embedded driver reads its term length from this property when Akka creates its context.
            System.setProperty("aeron.term.buffer.length", Long.toString(term));
        }
        final String dirKey = "akka.remote.artery.advanced.aeron.aeron-dir";
        if (!config.getString(dirKey).isEmpty())
        {
            return config;
        }
        final Path parent = settings.aeronParent().isEmpty() ?
            Path.of(CommonContext.getAeronDirectoryName()) : Path.of(settings.aeronParent());
        for (final Path stale : AeronDirectories.deleteStale(parent, settings.name()))
        {
            LOG.info("deleted the Aeron directory of a node that is gone: {}", stale);
        }
        final Path directory = AeronDirectories.newDirectory(parent, settings.name());
        warnOnLowSpace(parent);
        return config.withValue(dirKey, ConfigValueFactory.fromAnyRef(directory.toString()));
    }

    private static void warnOnLowSpace(final Path parent)
    {
        try
        {
            Files.createDirectories(parent);
            final long usable = Files.getFileStore(parent).getUsableSpace();
            if (usable < LOW_SPACE)
            {
                LOG.warn("only {} MiB free for Aeron in {}: each peer takes ~40 MB with 2 MiB terms (a 64 MB " +
                    "/dev/shm fits one node); make room or set netmap-engine.cluster.aeron.directory-parent",
                    usable >> 20, parent);
            }
        }
        catch (final IOException e)
        {
            LOG.warn("cannot check the space for Aeron in {}: {}", parent, e.toString());
        }
    }

    /**
     * Joins the configured seed nodes (Akka does it by itself, in the background: they may not be up yet), or the
     * node itself when there are none; then it waits until it is up, for at most {@code SELF_JOIN_WAIT}, so a
     * single-node cluster has formed before the node's traffic starts.
     */
    public static void join(final ActorSystem<?> system) throws InterruptedException
    {
        if (!isCluster(system.settings().config()))
        {
            return;
        }
        final Cluster cluster = Cluster.get(system);
        if (system.settings().config().getStringList("akka.cluster.seed-nodes").isEmpty())
        {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
            final long deadline = System.nanoTime() + SELF_JOIN_WAIT.toNanos();
            while (cluster.selfMember().status() != MemberStatus.up() && System.nanoTime() - deadline < 0)
            {
                Thread.sleep(10);
            }
        }
    }
}
