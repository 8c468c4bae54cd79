package org.netmapengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code netmap-engine run} in a JVM of its own, stopped the way a service manager stops it. */
class RunSignalTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldPrintTheFinalAccountingOnSigterm() throws Exception
    {
        final Process node = new ProcessBuilder(List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp", System.getProperty("java.class.path"),
            NetmapEngineCommand.class.getName(), "run", "--emulated-dir", dir.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        final StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = lines.readLine()))
            {
                out.append(line).append('\n');
                if (line.startsWith("[    2s]"))
                {
                    // SIGTERM as a service manager sends it (Process.destroy would also close our end of stdout).
                    new ProcessBuilder("kill", "-TERM", Long.toString(node.pid())).start().waitFor();
                }
            }
        }
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));

        assertTrue(out.toString().contains("final accounting of pipeline 'default':"), out.toString());
        assertTrue(out.toString().contains("in flight 0, leaked 0: every packet accounted for"), out.toString());
        assertEquals(128 + 15, node.exitValue(), "the status of a process ended by SIGTERM, after the accounting");
    }
}
