package org.netmapengine.engine.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.netns.NetnsLab;
import org.netmapengine.io.netns.Veth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line on emulated NIC ports (a veth pair here): {@code ports open} says it is emulated and how, and
 * {@code run --config FILE} runs a standalone pipeline on one end while the node's own pkt-gen sends on the other,
 * reporting the backend and geometry at start and every packet at the end. Needs root.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmulatedNicRunTest
{
    private static NetnsLab lab;

    @TempDir
    Path dir;

    @BeforeAll
    static void openLab()
    {
        final String reason = NetnsLab.unavailableReason();
        assumeTrue(null == reason, () -> "skipped: " + reason);
        lab = NetnsLab.open();
    }

    @AfterAll
    static void closeLab()
    {
        if (null != lab)
        {
            lab.close();
        }
    }

    @Test
    void shouldOpenAnInterfaceInEmulatedModeAndSaySo()
    {
        final Veth wire = lab.vethHere();

        final CliRun run = CliRun.execute("ports", "open", "netmap:" + wire.local(), "--backend", "emulated");

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("netmap:" + wire.local() + ": backend=emulated (af_packet " + wire.local()), run.out());
        assertTrue(run.out().contains("rx TPACKET_V3 256 blocks x 64 KiB, retire 2 ms"), run.out());
    }

    @Test
    void shouldTakeAfPacketSettingsOnTheCommandLineAndRefuseUnknownOnes()
    {
        final Veth wire = lab.vethHere();

        final CliRun run = CliRun.execute("ports", "open", "netmap:" + wire.local(), "--backend", "emulated",
            "--af-packet", "rx-blocks=128", "--af-packet", "promiscuous=on");
        final CliRun bad = CliRun.execute("ports", "open", "netmap:" + wire.local(), "--backend", "emulated",
            "--af-packet", "rx-blokcs=128");

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("rx TPACKET_V3 128 blocks x 64 KiB, retire 2 ms, promiscuous;"), run.out());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertEquals("netmap-engine ports open: --af-packet rx-blokcs: unknown setting, expected one of slots, " +
            "buffer-size, rx-block-size, rx-blocks, retire, tx-frames, promiscuous, qdisc-bypass, multi-slot\n", bad.err());
    }

    @Test
    void shouldRunAPipelineOnAnInterfaceFedByTheNodesOwnPktGen() throws Exception
    {
        final Veth wire = lab.vethHere();
        final Path file = dir.resolve("nic.conf");
        Files.writeString(file, """
            pipeline {
              name = nic
              ports { in { port = "netmap:%s", to = count } }
              stages { count { type = counter, outputs { out = drop } } }
            }
            netmap-engine.emulated.af-packet { rx-blocks = 512, retire = 4ms }
            netmap-engine.traffic {
              generators.gen { port = "netmap:%s", count = 50000, rate = 200000 }
            }
            """.formatted(wire.remote(), wire.local()));

        final CliRun run = CliRun.execute("run", "--config", file.toString(), "--duration", "3", "--backend",
            "emulated", "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("netmap:" + wire.remote() + "/R: backend=emulated (af_packet " + wire.remote()),
            run.out());
        assertTrue(run.out().contains("rx TPACKET_V3 512 blocks x 64 KiB, retire 4 ms"), run.out());
        assertTrue(run.out().contains("port in (netmap:" + wire.remote() + "/R, emulated): received 50000 + copies 0 " +
            "= transmitted 0 + dropped 50000 {drop=50000} + in flight 0"), run.out());
        assertTrue(run.out().contains("generator gen (netmap:" + wire.local() + "): sent 50000"), run.out());
    }
}
