package org.netmapengine.engine.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.engine.NodeConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a node's configuration makes it a cluster member, and its Aeron directories. */
class ClusterConfigTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMakeTheDefaultNodeASingleNodeClusterOnAFreeLoopbackPortOverTcp()
    {
        final Config config = ClusterNode.prepare(NodeConfig.load(null).config());

        assertEquals("cluster", config.getString("akka.actor.provider"));
        assertEquals("tcp", config.getString("akka.remote.artery.transport"));
        assertEquals("127.0.0.1", config.getString("akka.remote.artery.canonical.hostname"));
        assertEquals(0, config.getInt("akka.remote.artery.canonical.port"));
        assertEquals(List.of(), config.getStringList("akka.cluster.seed-nodes"), "no seeds: the node joins itself");
        assertEquals(List.of("packet"), config.getStringList("akka.cluster.roles"));
        assertEquals("akka.cluster.sbr.SplitBrainResolverProvider", config.getString("akka.cluster.downing-provider-class"));
        assertEquals("keep-majority", config.getString("akka.cluster.split-brain-resolver.active-strategy"));
        assertFalse(config.getBoolean("akka.actor.allow-java-serialization"));
    }

    @Test
    void shouldDocumentTheSameClusterAndMonitorDefaultsAsTheLibrary()
    {
        final Config node = NodeConfig.load(null).config();
        final Config library = ConfigFactory.defaultReference();

        for (final String path : List.of("netmap-engine.cluster", "netmap-engine.monitor", "netmap-engine.roles"))
        {
            assertEquals(library.getValue(path).unwrapped(), node.getValue(path).unwrapped(), path);
        }
    }

    @Test
    void shouldTakeSeedsAsHostAndPortOrAsAddresses()
    {
        assertEquals(List.of("akka://netmap-engine@10.0.0.1:25520", "akka://other@h:1"),
            ClusterNode.seeds(List.of("10.0.0.1:25520", " akka://other@h:1 ", ""), "netmap-engine"));
    }

    @Test
    void shouldMapNodeSettingsOntoAkkasAndLetAkkasOwnWin() throws Exception
    {
        final Path file = dir.resolve("node.conf");
        Files.writeString(file, """
            netmap-engine.roles = [packet, monitor]
            netmap-engine.cluster { port = 25600, seed-nodes = ["127.0.0.1:25520"] }
            akka.remote.artery.canonical.hostname = "10.0.0.7"
            """);

        final Config config = ClusterNode.prepare(NodeConfig.load(file).config());

        assertEquals(25600, config.getInt("akka.remote.artery.canonical.port"));
        assertEquals("10.0.0.7", config.getString("akka.remote.artery.canonical.hostname"));
        assertEquals(List.of("packet", "monitor"), config.getStringList("akka.cluster.roles"));
        assertEquals(List.of("akka://netmap-engine@127.0.0.1:25520"), config.getStringList("akka.cluster.seed-nodes"));
    }

    @Test
    void shouldRefuseAnUnknownTransportAndABadTermLength()
    {
        final Config node = NodeConfig.load(null).config();

        assertEquals("netmap-engine.cluster.transport: expected tcp or aeron-udp, got 'udp'",
            assertThrows(IllegalArgumentException.class, () -> ClusterNode.prepare(
                node.withValue("akka.remote.artery.transport", ConfigFactory.parseString("t = udp").getValue("t"))))
                .getMessage());
        assertEquals("netmap-engine.cluster.aeron.term-buffer-length: expected a power of two from 64k to 1g, got 1000000",
            assertThrows(IllegalArgumentException.class, () -> ClusterNode.prepare(ConfigFactory.parseString("""
                akka.remote.artery.transport = aeron-udp
                netmap-engine.cluster.aeron.term-buffer-length = 1000000
                """).withFallback(node))).getMessage());
    }

    @Test
    void shouldGiveEachAeronNodeItsOwnDirectoryAndDeleteThoseOfDeadProcesses() throws Exception
    {
        final Path parent = dir.resolve("aeron");
        final long dead = deadPid();
        final Path stale = Files.createDirectories(parent.resolve("netmap-engine-" + dead + "-0badf00d"));
        Files.writeString(stale.resolve("cnc.dat"), "left behind by kill -9");
        final Path live = Files.createDirectories(parent.resolve("netmap-engine-" + ProcessHandle.current().pid() +
            "-12345678"));
        final Path foreign = Files.createDirectories(parent.resolve("other-" + dead + "-0badf00d"));
        final Path unlike = Files.createDirectories(parent.resolve("netmap-engine-" + dead));

        final Config config = ClusterNode.prepare(ConfigFactory.parseString("""
            akka.remote.artery.transport = aeron-udp
            netmap-engine.cluster.aeron.directory-parent = "%s"
            """.formatted(parent)).withFallback(NodeConfig.load(null).config()));

        final Path own = Path.of(config.getString("akka.remote.artery.advanced.aeron.aeron-dir"));
        assertEquals(parent, own.getParent());
        assertTrue(own.getFileName().toString().matches("netmap-engine-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}"),
            own.toString());
        assertFalse(Files.exists(stale), "the dead node's directory is gone");
        assertTrue(Files.exists(live) && Files.exists(foreign) && Files.exists(unlike), "the others are untouched");
        assertEquals(1, config.getInt("akka.remote.artery.advanced.aeron.idle-cpu-level"));
        assertEquals("2097152", System.getProperty("aeron.term.buffer.length"));
    }

    @Test
    void shouldKeepAnAeronDirectoryGivenExplicitly()
    {
        final Config config = ClusterNode.prepare(ConfigFactory.parseString("""
            akka.remote.artery.transport = aeron-udp
            akka.remote.artery.advanced.aeron.aeron-dir = "%s"
            """.formatted(dir.resolve("mine"))).withFallback(NodeConfig.load(null).config()));

        assertEquals(dir.resolve("mine").toString(), config.getString("akka.remote.artery.advanced.aeron.aeron-dir"));
    }

    /** @return the pid of a process that has ended. */
    static long deadPid() throws Exception
    {
        final Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return process.pid();
    }
}
