package org.netmapengine.io.emulated;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two JVMs share one emulated pipe through its region file.
 */
class PipeAcrossProcessesTest
{
    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren()
    {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldMoveFiftyMillionPacketsFromAnotherProcessWithoutLossDuplicationOrReordering() throws Exception
    {
        final long packets = 50_000_000L;
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort slave = backend.open(PortSpec.parse("netmap:proc}0"), PortOptions.DEFAULT))
        {
            final Process sender = start("netmap:proc{0", "send", Long.toString(packets));
            final SequencedTraffic.Received received = SequencedTraffic.receive(slave, packets);

            assertEquals(packets, received.packets(), "received");
            assertEquals(0, received.outOfOrder(), "lost, duplicated or reordered (first bad: " + received.firstBad() + ")");
            assertTrue(sender.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, sender.exitValue());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReportASenderProcessThatDiedInsteadOfWaitingForever() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort slave = backend.open(PortSpec.parse("netmap:dead}0"), PortOptions.DEFAULT))
        {
            final Process peer = start("netmap:dead{0", "hold");
            peer.destroyForcibly().waitFor();

            final NetmapException e = assertThrows(NetmapException.class, () -> slave.poll(NetmapPort.POLLIN, 20_000));
            assertEquals(NetmapException.Reason.PEER_DIED, e.reason());
            assertEquals("netmap:dead}0: the process holding the other end of this pipe (pid " + peer.pid() +
                ") died without closing it; packets it had not received are lost, and the end can be opened again",
                e.getMessage());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReportAReceiverProcessThatDiedWhenTheRingFills() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort master = backend.open(PortSpec.parse("netmap:full{0"), PortOptions.DEFAULT))
        {
            final Process peer = start("netmap:full}0", "hold");
            peer.destroyForcibly().waitFor();

            final NetmapException e = assertThrows(NetmapException.class,
                () -> SequencedTraffic.send(master, 1_000_000, 256));
            assertEquals(NetmapException.Reason.PEER_DIED, e.reason());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLetAnotherProcessReopenTheEndOfOneThatDied() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort slave = backend.open(PortSpec.parse("netmap:again}0"), PortOptions.DEFAULT))
        {
            start("netmap:again{0", "hold").destroyForcibly().waitFor();
            final Process second = start("netmap:again{0", "send", "10000");

            final SequencedTraffic.Received received = SequencedTraffic.receive(slave, 10_000);
            assertEquals(10_000, received.packets());
            assertEquals(0, received.outOfOrder());
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldResetARegionThatOnlyDeadProcessesUsed() throws Exception
    {
        final EmulatedConfig config = EmulatedConfig.DEFAULT.withDirectory(dir).withBuffers(8192);
        start("netmap:stale{0", "hold").destroyForcibly().waitFor();
        assertTrue(dir.resolve("stale.nmem").toFile().exists(), "a killed process leaves its region file");

        final EmulatedBackend backend = new EmulatedBackend(config);
        try (NetmapPort port = backend.open(PortSpec.parse("netmap:stale{1"), PortOptions.DEFAULT))
        {
            final EmulatedRegion region = EmulatedRegion.acquire(config, "stale", 0, "test");
            try
            {
                assertEquals(8192 - 2 - 2 * 1024, region.freeBuffers(),
                    "the dead process's pipe and extra buffers are gone: only the new pipe's rings hold buffers");
            }
            finally
            {
                region.region().release();
            }
        }
        assertTrue(!dir.resolve("stale.nmem").toFile().exists(), "the last user removes the file");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseToAttachToARegionWhoseHeaderDisagreesWithItsCounts() throws Exception
    {
        start("netmap:damaged{0", "hold");
        damage("damaged", EmulatedRegionDescriptor.RING_COUNT_OFFSET, 1 << 20);
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));

        final NetmapException e = assertThrows(NetmapException.class,
            () -> backend.open(PortSpec.parse("netmap:damaged}0"), PortOptions.DEFAULT));

        assertEquals(NetmapException.Reason.INVALID_REQUEST, e.reason());
        assertTrue(e.getMessage().startsWith("netmap:damaged}0: " + dir.resolve("damaged.nmem") + " has an " +
            "inconsistent layout (the header says Layout["), e.getMessage());
        assertTrue(e.getMessage().endsWith("]): a damaged region file; stop the processes using it, or delete it"),
            e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseAPipeEntryWithMoreRingsThanAPipeCanHave() throws Exception
    {
        start("netmap:entry{0", "hold");
        damage("entry", EmulatedRegionDescriptor.HEADER_SIZE + EmulatedRegionDescriptor.PIPE_RINGS_OFFSET, 1000);
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));

        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> backend.open(PortSpec.parse("netmap:entry}0"), PortOptions.DEFAULT));

        assertEquals(dir.resolve("entry.nmem") + ": a pipe with 1000 rings, not in [1, 16]: a damaged region file",
            e.getMessage());
    }

    /** Writes {@code value} over the int at {@code offset} of region file {@code name}, as a stray write would. */
    private void damage(final String name, final int offset, final int value) throws IOException
    {
        try (FileChannel file = FileChannel.open(dir.resolve(name + ".nmem"), StandardOpenOption.READ,
            StandardOpenOption.WRITE))
        {
            file.map(FileChannel.MapMode.READ_WRITE, 0, 2 * 4096).order(ByteOrder.nativeOrder()).putInt(offset, value);
        }
    }

    /** Starts a {@link PipePeer} and waits until it has opened its end. */
    private Process start(final String port, final String... mode) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp", System.getProperty("java.class.path"),
            PipePeer.class.getName(), dir.toString(), port));
        command.addAll(List.of(mode));
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (null != line && !"OPEN".equals(line))
        {
            line = out.readLine();
        }
        assertEquals("OPEN", line, "peer " + port + " did not open");
        return process;
    }
}
