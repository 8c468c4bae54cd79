package org.netmapengine.engine.cluster;

import com.typesafe.config.Config;

import java.time.Duration;

/**
 * The node's cluster settings, from {@code netmap-engine.cluster} (documented in the top-level
 * {@code application.conf}; Akka's own settings are mapped from them there).
 *
 * @param name              the ActorSystem's name: the same on every member of one cluster.
 * @param transport         {@code tcp} or {@code aeron-udp}.
 * @param publishInterval   how often a packet node publishes its snapshot.
 * @param aeronParent       where media driver directories go; empty for Aeron's default parent.
 * @param termBufferLength  Aeron's term buffer length in bytes (0: Aeron's default, 16 MiB).
 */
public record ClusterSettings(String name, String transport, Duration publishInterval, String aeronParent,
    long termBufferLength)
{
    public static ClusterSettings from(final Config config)
    {
        final Config cluster = config.getConfig("netmap-engine.cluster");
        return new ClusterSettings(
            cluster.getString("name"),
            config.getString("akka.remote.artery.transport"),
            cluster.getDuration("publish-interval"),
            cluster.getString("aeron.directory-parent"),
            cluster.getBytes("aeron.term-buffer-length"));
    }
}
