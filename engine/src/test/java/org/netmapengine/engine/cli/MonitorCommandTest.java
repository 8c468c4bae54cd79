package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster commands in this JVM: what they print and how they refuse bad options. */
class MonitorCommandTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRunAMonitorThatIsItsOwnSingleNodeClusterAndPrintItsTable()
    {
        final CliRun run = CliRun.execute("monitor", "--duration", "1", "--cluster-port", "0", "--http-port", "0");

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().matches("(?s)monitor akka://netmap-engine@127\\.0\\.0\\.1:\\d+ \\(tcp\\), seeds \\[\\], " +
            "http://127\\.0\\.0\\.1:\\d+/metrics and /status\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\[ +1s\\] monitor 127\\.0\\.0\\.1:\\d+, 1 member: 127\\.0\\.0\\.1:\\d+ up " +
            "\\[monitor\\]\nNODE +PIPELINE +KIND +NAME +BACKEND +IN pps +OUT pps +IN Mbit/s +DROPS +BUFFERS +IN FLIGHT " +
            "+LEAKED\n.*"), run.out());
    }

    @Test
    void shouldRefuseAnUnknownTransportBeforeStartingAnything()
    {
        final CliRun run = CliRun.execute("run", "--transport", "udp", "--emulated-dir", dir.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertEquals("netmap-engine run: netmap-engine.cluster.transport: expected tcp or aeron-udp, got 'udp'\n",
            run.err());
    }

    @Test
    void shouldRefuseAControlRequestWithoutItsFileOrWithAnUnknownAction()
    {
        final CliRun reload = CliRun.execute("control", "reload", "127.0.0.1:1", "default");
        final CliRun dance = CliRun.execute("control", "dance", "127.0.0.1:1", "default");

        assertEquals(ExitCodes.USAGE, reload.exitCode());
        assertEquals("netmap-engine control: reload needs the FILE of the new definition\n", reload.err());
        assertEquals("netmap-engine control: expected stop, start or reload, got 'dance'\n", dance.err());
    }

    @Test
    void shouldReadTheStringsOfTheMonitorsAnswer()
    {
        final String json = "{\"node\":\"n\",\"errors\":[\"a [1] \\\"b\\\"\",\"c\\nd\"],\"accounting\":\"x\\\\y\\n\"}";

        assertEquals(java.util.List.of("a [1] \"b\"", "c\nd"), ControlCommand.strings(json, "errors"));
        assertEquals(java.util.List.of("x\\y\n"), ControlCommand.strings(json, "accounting"));
        assertEquals(java.util.List.of(), ControlCommand.strings("{\"errors\":[]}", "errors"));
    }
}
