package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidateCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSayOkForTheDefaultConfiguration()
    {
        final CliRun run = CliRun.execute("validate", "../application.conf");

        assertEquals(ExitCodes.OK, run.exitCode(), run.out());
        assertEquals("OK: 1 pipeline in ../application.conf\n", run.out());
    }

    @Test
    void shouldPrintEveryErrorWithFileLineAndPath() throws Exception
    {
        final Path file = dir.resolve("bad.conf");
        Files.writeString(file, """
            pipeline {
              ports {
                in { port = "netmap:eth0-x", to = clasify }
              }
              stages {
                count { type = counter, outputs { out = nowhere } }
              }
            }
            """);

        final CliRun run = CliRun.execute("validate", file.toString());

        assertEquals(ExitCodes.CONFIG, run.exitCode());
        assertEquals(file + ":3: pipeline.ports.in.port: bad port name 'netmap:eth0-x' at position 12: expected a " +
            "ring number after '-'\n  netmap:eth0-x\n              ^\n" +
            file + ":3: pipeline.ports.in.to: 'clasify' is not a stage: expected count\n" +
            file + ":6: pipeline.stages.count.outputs.out: 'nowhere' is not a stage, a port or drop: expected one of " +
            "count, drop, in\n", run.out());
    }

    @Test
    void shouldSayThereIsNoPipelineInAFileWithout() throws Exception
    {
        final Path file = dir.resolve("empty.conf");
        Files.writeString(file, "netmap-engine.backend = emulated\nnetmap-engine.pipelines {}\n");

        final CliRun run = CliRun.execute("validate", file.toString());

        assertEquals(ExitCodes.CONFIG, run.exitCode());
        assertEquals(file + ": no pipeline: expected pipeline { ... } or netmap-engine.pipelines { NAME { ... } }\n",
            run.out());
    }
}
