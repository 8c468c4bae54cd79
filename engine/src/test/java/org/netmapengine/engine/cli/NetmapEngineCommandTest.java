package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
    void shouldRunTheEmbeddedDefaultWithoutACommandAndLoseNothing(@TempDir final Path dir)
    {
        final CliRun run = CliRun.execute("--duration", "1", "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("embedded default: pkt-gen -> netmap:default{0: backend=emulated"), run.out());
        assertTrue(run.out().contains("Checks: 0 lost, 0 duplicate, 0 reordered, 0 checksum errors, 0 malformed"),
            run.out());
    }

    @Test
    void shouldListExitCodesInTheUsageText()
    {
        final CliRun run = CliRun.execute("pkt-gen", "--help");

        assertTrue(run.out().contains("Exit codes:\n   0   done\n"), run.out());
    }
}
