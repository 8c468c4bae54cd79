package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDescribeAValidName()
    {
        final CliRun run = CliRun.execute("ports", "parse", "netmap:p{1");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("port name:     netmap:p{1\n"), run.out());
        assertTrue(run.out().contains("mode:          pipe master end, pipe id 1 (NR_REG_ALL_NIC = 1)\n"), run.out());
    }

    @Test
    void shouldShowWhereABadNameGoesWrongWithUsageExitCode()
    {
        final CliRun run = CliRun.execute("ports", "parse", "netmap:eth0-x");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals("netmap-engine ports parse: bad port name 'netmap:eth0-x' at position 12: expected a ring " +
            "number after '-'\n  netmap:eth0-x\n              ^\n", run.err());
    }

    @Test
    void shouldOpenAPipeEndAndDescribeIt()
    {
        final CliRun run = CliRun.execute("ports", "open", "netmap:cli{0", "--backend", "emulated",
            "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("netmap:cli{0: backend=emulated (pipe master end in "), run.out());
        assertTrue(run.out().contains(" tx-rings=1 rx-rings=1 slots=1024 buf-size=2048 extra-bufs=0 "), run.out());
    }

    @Test
    void shouldSayThatAnInterfaceDoesNotExistWithPortExitCode()
    {
        final CliRun run = CliRun.execute("ports", "open", "netmap:nosuchnic0", "--backend", "emulated",
            "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.PORT, run.exitCode());
        assertEquals("netmap-engine ports open: netmap:nosuchnic0: no interface named 'nosuchnic0' in this network namespace " +
            "(ip link shows the ones there are)\n", run.err());
    }

    @Test
    void shouldRejectAnUnknownBackendWithUsageExitCode()
    {
        final CliRun run = CliRun.execute("ports", "open", "netmap:p{0", "--backend", "dpdk");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--backend': unknown backend 'dpdk': expected " +
            "auto, kernel or emulated\n"), run.err());
    }
}
