package org.netmapengine.io.abi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C compiler as an independent witness of a struct layout: a C program from the test resources, built with gcc
 * against the system's headers, prints one {@code name value} line per offset, size or constant.
 */
public final class GccLayout
{
    private GccLayout()
    {
    }

    /**
     * @param resource the C program, a test resource ({@code /abi/layout.c}).
     * @param dir      where to build it.
     * @return what it printed, by name.
     */
    public static Map<String, Long> measure(final String resource, final Path dir)
        throws IOException, InterruptedException
    {
        final Path source = dir.resolve("layout.c");
        try (InputStream in = GccLayout.class.getResourceAsStream(resource))
        {
            assertTrue(null != in, "no test resource " + resource);
            Files.copy(in, source);
        }
        final Path binary = dir.resolve("layout");
        run("gcc", "-O0", "-o", binary.toString(), source.toString());
        final Map<String, Long> values = new HashMap<>();
        for (final String line : run(binary.toString()).split("\n"))
        {
            final String[] parts = line.trim().split(" ");
            values.put(parts[0], Long.parseLong(parts[1]));
        }
        return values;
    }

    private static String run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
