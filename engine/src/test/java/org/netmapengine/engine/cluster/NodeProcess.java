package org.netmapengine.engine.cluster;

import org.netmapengine.engine.cli.NetmapEngineCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code netmap-engine} command in a JVM of its own, as a user runs it: its stdout and stderr go to files in
 * the test's directory; it is stopped with SIGTERM, or killed with {@code kill -9} (Process.destroy would close our
 * end of its streams and is not a crash).
 */
final class NodeProcess implements AutoCloseable
{
    /** The launcher's flags, and a small footprint: several of these share two cores with the test. */
    static final List<String> JVM_OPTIONS = List.of(
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "-Xmx192m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private NodeProcess(final String name, final Process process, final Path out, final Path err)
    {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static NodeProcess start(final String name, final Path dir, final List<String> args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NetmapEngineCommand.class.getName());
        command.addAll(args);
        final Path out = dir.resolve(name + ".out");
        final Path err = dir.resolve(name + ".err");
        final Process process = new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
            .start();
        return new NodeProcess(name, process, out, err);
    }

    long pid()
    {
        return process.pid();
    }

    boolean alive()
    {
        return process.isAlive();
    }

    /** @return everything it printed on stdout so far. */
    String out()
    {
        return read(out);
    }

    /** @return everything it logged on stderr so far. */
    String err()
    {
        return read(err);
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (final IOException e)
        {
            return "(unreadable: " + e + ")";
        }
    }

    /** A crash: SIGKILL, no shutdown hook, no cluster leave; waits until it is gone. */
    void kill9() throws Exception
    {
        signal("-9");
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops it as a service manager does, and waits for it to finish (its final accounting printed). */
    int terminate() throws Exception
    {
        signal("-TERM");
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            kill9();
            throw new AssertionError(name + " did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    private void signal(final String signal) throws Exception
    {
        if (process.isAlive())
        {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close()
    {
        try
        {
            kill9();
        }
        catch (final Exception e)
        {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString()
    {
        return name + " (pid " + process.pid() + ")";
    }
}
