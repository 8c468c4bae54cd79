package org.netmapengine.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reader of {@code veth-capture} (the shared benchmark script: trafgen sends 64-byte UDP frames on a veth pair
 * between two namespaces for a fixed time while the reader captures at the other end) and what it measured: the
 * script's send and kernel-delivery rates, and what the reader says it received and dropped.
 */
final class VethBench
{
    private static final Pattern RATES = Pattern.compile("sent_pps=(\\d+) vb_rx_pps=(\\d+) seconds=([0-9.]+)");

    /** A reader's name, how to parse its final lines, and its command. */
    record Reader(String name, Pattern received, Pattern dropped, List<String> command)
    {
    }

    /**
     * What one run measured; {@code received} and {@code dropped} are -1 when the reader did not say; {@code tail}
     * is null for a median over runs.
     */
    record Result(String reader, double sentPps, double deliveredPps, double seconds, long received, long dropped,
        String tail)
    {
        double receivedPps()
        {
            return received < 0 || seconds <= 0 ? 0 : received / seconds;
        }

        String line()
        {
            return String.format(Locale.ROOT, "%-12s sent %9.0f pps  delivered to vb %9.0f pps  received %9.0f pps " +
                "%s drops %s", reader, sentPps, deliveredPps, receivedPps(),
                null == tail ? "" : "(" + Math.max(0, received) + " packets) ", dropped < 0 ? "n/a" : Long.toString(dropped));
        }
    }

    private VethBench()
    {
    }

    /**
     * @param seconds how long trafgen sends; the engine reader stops by itself a little after that, since a command
     *                the script starts in the background ignores the SIGINT it is sent (and so does a JVM then).
     */
    static Reader reader(final String name, final double seconds)
    {
        switch (name)
        {
            case "none":
                return new Reader(name, null, null, List.of("none"));
            case "engine":
                return new Reader(name, Pattern.compile("Received (\\d+) packets"),
                    Pattern.compile("kernel: \\d+ frames into the port's socket rings, (\\d+) dropped"),
                    engineCommand(seconds));
            case "netsniff-ng":
                return new Reader(name, Pattern.compile("(\\d+)\\s+packets passed filter"),
                    Pattern.compile("(\\d+)\\s+packets failed filter \\(out of space\\)"),
                    List.of("netsniff-ng", "--in", "vb", "--out", "/dev/null", "--silent", "--no-sock-mem"));
            case "tcpdump":
                return new Reader(name, Pattern.compile("(\\d+) packets captured"),
                    Pattern.compile("(\\d+) packets dropped by kernel"), List.of("tcpdump", "-i", "vb", "-n", "-w",
                        "/dev/null"));
            default:
                throw new IllegalArgumentException("unknown reader '" + name + "': expected none, engine, " +
                    "netsniff-ng or tcpdump");
        }
    }

    /**
     * This JVM, its class path, {@code pkt-gen -f rx} on the emulated NIC port {@code netmap:vb/R} for the script's
     * 3 s head start, the sending time and 2 s more.
     */
    private static List<String> engineCommand(final double seconds)
    {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
            System.getProperty("java.class.path"), NetmapEngineCommand.class.getName(), "pkt-gen", "-f", "rx", "-i",
            "netmap:vb/R", "--backend", "emulated", "-T", Long.toString(Math.round(seconds) + 5));
    }

    static Result run(final Path script, final double seconds, final Reader reader)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(script.toString(),
            Long.toString(Math.max(1, Math.round(seconds)))));
        command.addAll(reader.command());
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES))
        {
            process.destroyForcibly();
        }
        final Matcher rates = RATES.matcher(output);
        if (!rates.find())
        {
            return new Result(reader.name(), 0, 0, 0, -1, -1, output.trim());
        }
        return new Result(reader.name(), Double.parseDouble(rates.group(1)), Double.parseDouble(rates.group(2)),
            Double.parseDouble(rates.group(3)), find(reader.received(), output), find(reader.dropped(), output),
            output.substring(rates.end()).trim());
    }

    /**
     * @return a result with the median send, delivery and receive rates of {@code reader}'s runs and the total of
     * its drops, or null when it did not run.
     */
    static Result median(final List<Result> results, final String reader)
    {
        final List<Result> runs = results.stream().filter(r -> r.reader().equals(reader) && r.seconds() > 0).toList();
        if (runs.isEmpty())
        {
            return null;
        }
        final double seconds = 1.0;
        final double received = medianOf(runs.stream().mapToDouble(Result::receivedPps).toArray());
        final long drops = runs.stream().anyMatch(r -> r.dropped() < 0) ? -1 :
            runs.stream().mapToLong(Result::dropped).sum();
        return new Result(reader, medianOf(runs.stream().mapToDouble(Result::sentPps).toArray()),
            medianOf(runs.stream().mapToDouble(Result::deliveredPps).toArray()), seconds,
            runs.stream().allMatch(r -> r.received() < 0) ? -1 : Math.round(received * seconds), drops, null);
    }

    private static double medianOf(final double[] values)
    {
        final double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        final int n = sorted.length;
        return 0 == n % 2 ? (sorted[n / 2 - 1] + sorted[n / 2]) / 2 : sorted[n / 2];
    }

    private static long find(final Pattern pattern, final String output)
    {
        if (null == pattern)
        {
            return -1;
        }
        final Matcher m = pattern.matcher(output);
        long last = -1;
        while (m.find())
        {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }
}
