package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PktGenCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSendAndReceiveTheCountOverAPipeFromTwoThreads() throws Exception
    {
        final CompletableFuture<CliRun> rx = CompletableFuture.supplyAsync(() -> pktGen("-f", "rx", "-i", "netmap:cli}0",
            "-n", "100000", "--verify", "-T", "30"));
        final CliRun tx = pktGen("-f", "tx", "-i", "netmap:cli{0", "-n", "100000", "-s", "10.0.0.1:1000-10.0.0.9:1010");
        final CliRun received = rx.get(60, TimeUnit.SECONDS);

        assertEquals(ExitCodes.OK, tx.exitCode(), tx.err());
        assertEquals(ExitCodes.OK, received.exitCode(), received.err());
        assertTrue(tx.out().contains("Sent 100000 packets 6000000 bytes "), tx.out());
        assertTrue(received.out().contains("Received 100000 packets 6000000 bytes "), received.out());
        assertTrue(received.out().contains(
            "Checks: 0 lost, 0 duplicate, 0 reordered, 0 checksum errors, 0 malformed\n"), received.out());
    }

    @Test
    void shouldSendTheCountAtAPacedRate() throws Exception
    {
        final CompletableFuture<CliRun> rx = CompletableFuture.supplyAsync(() -> pktGen("-f", "rx", "-i", "netmap:rate}0",
            "-n", "2000", "-T", "30"));
        final CliRun tx = pktGen("-f", "tx", "-i", "netmap:rate{0", "-n", "2000", "-R", "20000");
        final CliRun received = rx.get(60, TimeUnit.SECONDS);

        assertTrue(tx.out().contains("Sent 2000 packets "), tx.out());
        assertTrue(received.out().contains("Received 2000 packets "), received.out());
    }

    @Test
    void shouldRejectABadPortNameWithUsageExitCode()
    {
        final CliRun run = pktGen("-f", "tx", "-i", "netmap:p{");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("netmap-engine pkt-gen: bad port name 'netmap:p{' at position 9: "), run.err());
    }

    @Test
    void shouldSayThatAnInterfaceDoesNotExistWithPortExitCode()
    {
        final CliRun run = pktGen("-f", "rx", "-i", "netmap:nosuchnic0");

        assertEquals(ExitCodes.PORT, run.exitCode());
        assertEquals("netmap-engine pkt-gen: netmap:nosuchnic0: no interface named 'nosuchnic0' in this network namespace " +
            "(ip link shows the ones there are)\n", run.err());
    }

    @Test
    void shouldRejectABadAddressRangeWithUsageExitCode()
    {
        final CliRun run = pktGen("-f", "tx", "-i", "netmap:p{0", "-s", "10.0.0.300");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--src': bad address range '10.0.0.300': " +
            "'10.0.0.300' is not an IPv4 address"), run.err());
    }

    @Test
    void shouldRejectABadMacWithUsageExitCode()
    {
        final CliRun run = pktGen("-f", "tx", "-i", "netmap:p{0", "-D", "aa:bb");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--dst-mac': bad MAC address 'aa:bb'"), run.err());
    }

    @Test
    void shouldRejectFramesLongerThanThePortsBuffers()
    {
        final CliRun run = pktGen("-f", "tx", "-i", "netmap:long{0", "-l", "4000");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("netmap-engine pkt-gen: netmap:long{0: frame length 4000 does not fit the port's 2048-byte " +
            "buffers; use a length of 2048 or less\n", run.err());
    }

    @Test
    void shouldRaiseShortFramesToTheEthernetMinimumSayingSo() throws Exception
    {
        final CompletableFuture<CliRun> rx = CompletableFuture.supplyAsync(() -> pktGen("-f", "rx", "-i", "netmap:min}0",
            "-n", "10", "-T", "30"));
        final CliRun tx = pktGen("-f", "tx", "-i", "netmap:min{0", "-l", "42", "-n", "10");

        assertEquals("netmap-engine pkt-gen: -l 42 is below the 60-byte Ethernet minimum (without FCS); using 60\n",
            tx.err());
        assertTrue(tx.out().contains("Sent 10 packets 600 bytes "), tx.out());
        assertTrue(rx.get(60, TimeUnit.SECONDS).out().contains("Received 10 packets 600 bytes "));
    }

    @Test
    void shouldRejectAnUnknownFunctionWithUsageExitCode()
    {
        final CliRun run = pktGen("-f", "ping", "-i", "netmap:p{0");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--function': unknown function 'ping': expected " +
            "tx or rx\n"), run.err());
    }

    private CliRun pktGen(final String... args)
    {
        final String[] all = new String[args.length + 5];
        all[0] = "pkt-gen";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--backend";
        all[args.length + 2] = "emulated";
        all[args.length + 3] = "--emulated-dir";
        all[args.length + 4] = dir.toString();
        return CliRun.execute(all);
    }
}
