package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetmapEngineCommandTest
{
    @Test
    void shouldPrintTheVersionMavenBuilt()
    {
        final CliRun run = CliRun.execute("--version");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("netmap-engine 0.1.0-SNAPSHOT"), run.out());
    }

    @Test
    void shouldListExitCodesInTheUsageText()
    {
        final CliRun run = CliRun.execute("pkt-gen", "--help");

        assertTrue(run.out().contains("Exit codes:\n   0   done\n"), run.out());
    }
}
