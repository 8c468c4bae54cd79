package org.netmapengine.io.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Network namespaces and veth pairs for tests and benchmarks that need the Linux network stack as a peer, with
 * the promise that they go away: {@link #close()} removes everything this lab made, a JVM shutdown hook does it
 * if {@code close} never runs, and a new lab first removes what labs of dead processes left behind (their names
 * carry their pid).
 * <p>
 * Names are unique per process and lab: namespaces {@code nmeng-PID-N-NAME}; interfaces at most 15 characters.
 * A veth pair has one end in the caller's namespace (where the engine opens it) and one in a lab namespace (where
 * {@code ping}, {@code arping}, sockets and {@code tcpdump} run through {@link #exec}); the caller's end has IPv6
 * off so the host's own stack stays quiet on it.
 * <p>
 * Needs root ({@code CAP_NET_ADMIN}) and iproute2: see {@link #unavailableReason()}. Thread-safe.
 */
public final class NetnsLab implements AutoCloseable
{
    private static final String PREFIX = "nmeng-";
    private static final AtomicInteger NEXT_LAB = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    /** The output of a command, and how it ended. */
    public record Result(int exitCode, String output)
    {
        public boolean ok()
        {
            return 0 == exitCode;
        }
    }

    private final String tag;
    private final int labId;
    private final Deque<String> namespaces = new ArrayDeque<>();
    private final Deque<String> links = new ArrayDeque<>();
    private final List<Process> processes = new ArrayList<>();
    private final Thread hook;
    private int nextLink;
    private boolean closed;

    private NetnsLab()
    {
        final int lab = NEXT_LAB.getAndIncrement();
        this.labId = lab;
        this.tag = PREFIX + PID + "-" + lab + "-";
        this.hook = new Thread(this::removeAll, "netns-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @return why namespaces cannot be made here (not root, no {@code ip netns}), or null when they can.
     */
    public static String unavailableReason()
    {
        if (!"root".equals(System.getProperty("user.name")))
        {
            return "network namespaces need root (CAP_NET_ADMIN); running as " + System.getProperty("user.name");
        }
        final Result list = run(List.of("ip", "netns", "list"));
        if (!list.ok())
        {
            return "'ip netns list' failed (install iproute2): " + list.output().trim();
        }
        return null;
    }

    /** Opens a lab after removing what labs of dead processes left. */
    public static NetnsLab open()
    {
        sweepStale();
        return new NetnsLab();
    }

    /**
     * Makes a namespace with its loopback up.
     *
     * @return its full name, for {@link #exec}.
     */
    public synchronized String namespace(final String name)
    {
        final String full = tag + name;
        check(run(List.of("ip", "netns", "add", full)), "ip netns add " + full);
        namespaces.push(full);
        check(run(List.of("ip", "-n", full, "link", "set", "lo", "up")), "lo up in " + full);
        // IPv6 off in the namespace: no router solicitations or neighbour discovery among the counted frames.
        run(List.of("ip", "netns", "exec", full, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; " +
            "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6"));
        return full;
    }

    /**
     * Makes a veth pair: {@code local} in this process's namespace, {@code remote} inside {@code namespace}, both
     * up, IPv6 off on the local end.
     *
     * @param options extra {@code ip link add} words, e.g. {@code numrxqueues 4}.
     * @return the pair's names as made (unique, at most 15 characters).
     */
    public synchronized Veth veth(final String namespace, final String... options)
    {
        final String base = nextBase();
        final String local = base + "l";
        final String remote = base + "r";
        final List<String> add = new ArrayList<>(List.of("ip", "link", "add", local));
        add.addAll(List.of(options));
        add.addAll(List.of("type", "veth", "peer", "name", remote, "netns", namespace));
        add.addAll(List.of(options));
        check(run(add), String.join(" ", add));
        links.push(local);
        writeSysctl(Path.of("/proc/sys/net/ipv6/conf", local, "disable_ipv6"), "1");
        check(run(List.of("ip", "link", "set", local, "up")), "ip link set " + local + " up");
        check(run(List.of("ip", "-n", namespace, "link", "set", remote, "up")), "up " + remote);
        return new Veth(local, namespace, remote);
    }

    /**
     * Makes a veth pair with both ends in this process's namespace, up, IPv6 off: a wire between two ports of
     * the engine (or pkt-gen and the engine).
     *
     * @return the pair: {@code local} and {@code remote} are both here, {@code namespace} is null.
     */
    public synchronized Veth vethHere(final String... options)
    {
        final String base = nextBase();
        final String a = base + "a";
        final String b = base + "b";
        final List<String> add = new ArrayList<>(List.of("ip", "link", "add", a));
        add.addAll(List.of(options));
        add.addAll(List.of("type", "veth", "peer", "name", b));
        add.addAll(List.of(options));
        check(run(add), String.join(" ", add));
        links.push(a);
        for (final String end : List.of(a, b))
        {
            writeSysctl(Path.of("/proc/sys/net/ipv6/conf", end, "disable_ipv6"), "1");
            check(run(List.of("ip", "link", "set", end, "up")), "ip link set " + end + " up");
        }
        return new Veth(a, null, b);
    }

    private String nextBase()
    {
        return "ne" + Long.toString(PID % 46656, 36) + Integer.toString(labId % 36, 36) +
            Integer.toString(nextLink++ % 1296, 36);
    }

    /** Runs {@code command} inside {@code namespace} and waits at most {@code timeoutSeconds}. */
    public Result exec(final String namespace, final long timeoutSeconds, final String... command)
    {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full, timeoutSeconds);
    }

    /** Runs {@code command} in the caller's namespace and waits at most {@code timeoutSeconds}. */
    public Result execHere(final long timeoutSeconds, final String... command)
    {
        return run(List.of(command), timeoutSeconds);
    }

    /**
     * Starts {@code command} inside {@code namespace} in the background, output to {@code output}; the lab
     * stops it at close if it still runs.
     */
    public synchronized Process start(final String namespace, final Path output, final String... command)
        throws IOException
    {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        final Process process = new ProcessBuilder(full).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        processes.add(process);
        return process;
    }

    /** @return a counter of {@code /sys/class/net/IF/statistics} in {@code namespace} (null: this one). */
    public long counter(final String namespace, final String ifname, final String counter)
    {
        final String path = "/sys/class/net/" + ifname + "/statistics/" + counter;
        final Result r = null == namespace ? run(List.of("cat", path)) : exec(namespace, 10, "cat", path);
        check(r, "read " + path);
        return Long.parseLong(r.output().trim());
    }

    /** Removes everything this lab made; idempotent. */
    @Override
    public void close()
    {
        removeAll();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException e)
        {
            // The JVM is shutting down; the hook has run or will find nothing left.
        }
    }

    private synchronized void removeAll()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final Process process : processes)
        {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        while (!links.isEmpty())
        {
            run(List.of("ip", "link", "del", links.pop()));
        }
        while (!namespaces.isEmpty())
        {
            run(List.of("ip", "netns", "del", namespaces.pop()));
        }
    }

    /** Removes namespaces of labs whose process is gone (a JVM killed before its hook ran). */
    private static void sweepStale()
    {
        final Result list = run(List.of("ip", "netns", "list"));
        for (final String line : list.output().split("\n"))
        {
            final String name = line.trim().split(" ")[0];
            if (!name.startsWith(PREFIX))
            {
                continue;
            }
            final String[] parts = name.substring(PREFIX.length()).split("-");
            try
            {
                final long pid = Long.parseLong(parts[0]);
                if (pid != PID && ProcessHandle.of(pid).isEmpty())
                {
                    run(List.of("ip", "netns", "del", name));
                }
            }
            catch (final NumberFormatException e)
            {
                // Not one of ours.
            }
        }
    }

    private static void writeSysctl(final Path path, final String value)
    {
        try
        {
            Files.writeString(path, value);
        }
        catch (final IOException e)
        {
            // IPv6 may be absent altogether: nothing to quieten.
        }
    }

    private static void check(final Result result, final String what)
    {
        if (!result.ok())
        {
            throw new IllegalStateException(what + " failed (exit " + result.exitCode() + "): " + result.output().trim());
        }
    }

    static Result run(final List<String> command)
    {
        return run(command, 30);
    }

    static Result run(final List<String> command, final long timeoutSeconds)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final StringBuilder out = new StringBuilder();
            final Thread reader = new Thread(() ->
            {
                try
                {
                    out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                catch (final IOException e)
                {
                    out.append(e);
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
            {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(1000);
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) +
                    "\n" + out);
            }
            reader.join();
            return new Result(process.exitValue(), out.toString());
        }
        catch (final IOException e)
        {
            return new Result(-2, "cannot run " + String.join(" ", command) + ": " + e.getMessage());
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return new Result(-3, "interrupted: " + String.join(" ", command));
        }
    }
}
