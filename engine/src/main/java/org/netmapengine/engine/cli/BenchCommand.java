package org.netmapengine.engine.cli;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.bench.PipeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code netmap-engine bench pipe}: 64-byte frames through an emulated pipe, one thread and two threads, at
 * several batch sizes, with {@code ring-limit} (the same work in C) run right after for comparison.
 */
@Command(
    name = "bench",
    description = "Benchmarks. Figures on a shared machine mean something only beside a reference measured in " +
        "the same run, so each benchmark runs its C reference too when it can find it.",
    subcommands = {BenchCommand.Pipe.class})
final class BenchCommand
{
    @Command(
        name = "pipe",
        mixinStandardHelpOptions = true,
        description = {
            "64-byte frames through an emulated netmap pipe: the sender writes each frame's Ethernet header, the " +
                "receiver reads it. Mode 1t: one thread sends a batch, then receives it; mode 2t: a sender thread " +
                "and a receiver thread. Reports Mpps and bytes allocated per packet, then runs ring-limit " +
                "1t-touch and 2t-touch (the same work in C) for comparison.",
            "Example: netmap-engine bench pipe --batch 32,256,512 --seconds 5"})
    static final class Pipe implements java.util.concurrent.Callable<Integer>
    {
        private static final Pattern MPPS = Pattern.compile("batch=(\\d+).*Mpps=([0-9.]+)");

        @Spec
        CommandSpec spec;

        @Option(names = "--batch", split = ",", defaultValue = "32,256,512", paramLabel = "N[,N...]",
            description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
        List<Integer> batches;

        @Option(names = "--mode", split = ",", defaultValue = "1t,2t", paramLabel = "1t|2t",
            description = "Modes. Default: ${DEFAULT-VALUE}.")
        List<String> modes;

        @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per figure. Default: ${DEFAULT-VALUE}.")
        double seconds;

        @Option(names = "--warmup", defaultValue = "2", description = "Warm-up seconds before each figure. Default: ${DEFAULT-VALUE}.")
        double warmup;

        @Option(names = "--emulated-dir", paramLabel = "DIR",
            description = "Where the benchmark's region file lives (a tmpfs). Default: /dev/shm/netmap-engine-bench.")
        Path directory = Path.of("/dev/shm/netmap-engine-bench");

        @Option(names = "--ring-limit", paramLabel = "PATH", defaultValue = "../shared/bench/ring-limit",
            description = "The C reference script; skipped when absent. Default: ${DEFAULT-VALUE}.")
        Path ringLimit;

        @Override
        public Integer call() throws Exception
        {
            final PrintWriter out = spec.commandLine().getOut();
            out.printf("pipe benchmark: 64-byte frames (60 + FCS), emulated pipe of 1024 slots, Agrona bounds " +
                "checks %s, %d CPUs%n", UnsafeBuffer.SHOULD_BOUNDS_CHECK ? "on" : "off",
                Runtime.getRuntime().availableProcessors());
            final PipeBenchmark benchmark = new PipeBenchmark(directory);
            final List<PipeBenchmark.Result> java = new ArrayList<>();
            for (final String mode : modes)
            {
                for (final int batch : batches)
                {
                    final PipeBenchmark.Result result = "1t".equals(mode) ?
                        benchmark.singleThread(batch, warmup, seconds) : benchmark.twoThreads(batch, warmup, seconds);
                    out.println("java " + result);
                    out.flush();
                    java.add(result);
                }
            }
            if (!Files.isExecutable(ringLimit))
            {
                out.println("ring-limit not found at " + ringLimit + ": no C reference (--ring-limit PATH)");
                return ExitCodes.OK;
            }
            for (final String mode : modes)
            {
                final List<String> command = new ArrayList<>(List.of(ringLimit.toString(), mode + "-touch",
                    Double.toString(seconds)));
                batches.forEach(b -> command.add(Integer.toString(b)));
                for (final String line : run(command))
                {
                    out.println("c    " + line);
                    final Matcher m = MPPS.matcher(line);
                    if (m.find())
                    {
                        final int batch = Integer.parseInt(m.group(1));
                        final double cMpps = Double.parseDouble(m.group(2));
                        java.stream().filter(r -> r.batch() == batch && r.mode().startsWith(mode)).findFirst()
                            .ifPresent(r -> out.printf("     %s batch %d: java %.2f Mpps / C %.2f Mpps = %.0f%%%n",
                                mode, batch, r.mpps(), cMpps, 100 * r.mpps() / cMpps));
                    }
                }
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static List<String> run(final List<String> command) throws IOException, InterruptedException
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.MINUTES);
            return output.lines().toList();
        }
    }
}
