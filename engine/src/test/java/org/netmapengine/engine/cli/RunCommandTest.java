package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunTheEmbeddedDefaultAndAccountForEveryPacket()
    {
        final CliRun run = CliRun.execute("run", "--duration", "2", "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("pipeline default running:"), run.out());
        assertTrue(run.out().matches("(?s).*\\[ +1s\\] \\| in rx [0-9.]+ Mpps [0-9.]+ Gbit/s drops \\d+ free \\d+/4096.*"),
            run.out());
        assertTrue(run.out().contains("in flight 0, leaked 0: every packet accounted for"), run.out());
        assertTrue(run.out().contains("0 malformed, 0 checksum errors"), run.out());
        assertTrue(Files.notExists(dir.resolve("default.nmem")), "the region file is gone after the run");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunAStandalonePipelineFileWithItsOwnTraffic() throws Exception
    {
        final Path file = dir.resolve("p.conf");
        Files.writeString(file, """
            pipeline {
              name = solo
              ports {
                in { port = "netmap:solo}0", to = count }
                out { port = "netmap:solo{1" }
              }
              stages { count { type = counter, outputs { out = out } } }
            }
            netmap-engine.traffic {
              generators.gen { port = "netmap:solo{0", count = 100000 }
              sinks.sink { port = "netmap:solo}1" }
            }
            """);

        final CliRun run = CliRun.execute("run", "--config", file.toString(), "--duration", "2", "--emulated-dir",
            dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("port in (netmap:solo}0/R, emulated): received 100000 + copies 0 = " +
            "transmitted 100000 + dropped 0 {} + in flight 0"), run.out());
        assertTrue(run.out().contains("sink sink (netmap:solo}1): received 100000"), run.out());
    }

    @Test
    void shouldRefuseAnInvalidPipelineWithEveryErrorAndNotStart() throws Exception
    {
        final Path file = dir.resolve("bad.conf");
        Files.writeString(file, "pipeline {\n  ports { in { port = \"netmap:bad}0\", to = nowhere } }\n}\n");

        final CliRun run = CliRun.execute("run", "--config", file.toString(), "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.CONFIG, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(file + ":2: pipeline.ports.in.to: 'nowhere' is not a stage: expected a stage, " +
            "and the pipeline has none"), run.err());
    }

    @Test
    void shouldSayWhereAHoconSyntaxErrorIs() throws Exception
    {
        final Path file = dir.resolve("broken.conf");
        Files.writeString(file, "pipeline {\n  ports { in { port = \n");

        final CliRun run = CliRun.execute("run", "--config", file.toString());

        assertEquals(ExitCodes.CONFIG, run.exitCode());
        assertTrue(run.err().startsWith(file + ":"), run.err());
    }
}
