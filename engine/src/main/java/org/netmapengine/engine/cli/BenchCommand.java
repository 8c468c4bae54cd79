package org.netmapengine.engine.cli;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.engine.bench.EngineBenchmark;
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
    subcommands = {BenchCommand.Pipe.class, BenchCommand.Engine.class, BenchCommand.Veth.class})
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

    @Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = {
            "The engine end to end: pkt-gen into an emulated pipe, a receiver, a fused pipeline (parse Ethernet/" +
                "IPv4/UDP, classify on the UDP port, count), a transmitter into a second pipe, a sink; 64-byte " +
                "frames. Then the same with the counter behind an async boundary. Reports Mpps at the sink and bytes " +
                "allocated per packet by the whole JVM; then, in the same run, the raw pipe benchmark and ring-limit.",
            "Example: netmap-engine bench engine --seconds 10"})
    static final class Engine implements java.util.concurrent.Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--batch", defaultValue = "512", description = "The receiver's batch size. Default: " +
            "${DEFAULT-VALUE} (pkt-gen's own default burst).")
        int batch;

        @Option(names = "--burst", defaultValue = "2048", description = "Frames pkt-gen writes per TX sync: what " +
            "arrives per wake-up of the receiver, as one interrupt of a NIC with interrupt moderation brings at " +
            "10 Mpps. Default: ${DEFAULT-VALUE}.")
        int burst;

        @Option(names = "--slots", defaultValue = "4096", description = "Slots per ring of both pipes (room for two " +
            "bursts). Default: ${DEFAULT-VALUE}.")
        int slots;

        @Option(names = "--idle", defaultValue = "poll", paramLabel = "poll|backoff|yield|spin",
            description = "The ports' idle strategy. Default: ${DEFAULT-VALUE}.")
        String idle;

        @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds. Default: ${DEFAULT-VALUE}.")
        double seconds;

        @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds. Default: ${DEFAULT-VALUE}.")
        double warmup;

        @Option(names = "--extra-buffers", defaultValue = "4096",
            description = "The receiver's buffers (the bound on packets in flight). Default: ${DEFAULT-VALUE}.")
        int extraBuffers;

        @Option(names = "--emulated-dir", paramLabel = "DIR", description = "Where the region files live (a tmpfs).")
        Path directory = Path.of("/dev/shm/netmap-engine-bench");

        @Option(names = "--ring-limit", paramLabel = "PATH", defaultValue = "../shared/bench/ring-limit",
            description = "The C reference script; skipped when absent. Default: ${DEFAULT-VALUE}.")
        Path ringLimit;

        @Option(names = "--no-references", description = "Skip the raw pipe benchmark and ring-limit.")
        boolean noReferences;

        @Option(names = "--threads", description = "Also print each busy thread's CPU share and allocation.")
        boolean threads;

        @Option(names = "--pin", description = "Pin pkt-gen and the receiver to CPU 0, the transmitter and the sink " +
            "to CPU 1.")
        boolean pin;

        @Override
        public Integer call() throws Exception
        {
            final PrintWriter out = spec.commandLine().getOut();
            out.printf("engine benchmark: 64-byte frames, %d CPUs, Agrona bounds checks %s%n",
                Runtime.getRuntime().availableProcessors(), UnsafeBuffer.SHOULD_BOUNDS_CHECK ? "on" : "off");
            final EngineBenchmark bench = new EngineBenchmark(directory, pin);
            final EngineBenchmark.Setup setup =
                new EngineBenchmark.Setup(batch, burst, slots, idle, extraBuffers, warmup, seconds);
            final EngineBenchmark.Result fused = bench.run(false, setup);
            out.println(fused);
            if (threads)
            {
                fused.threads().forEach(out::println);
            }
            out.flush();
            final EngineBenchmark.Result async = bench.run(true, setup);
            out.println(async);
            if (threads)
            {
                async.threads().forEach(out::println);
            }
            out.printf("one async boundary: %.1f ns/packet (fused %.1f ns, async %.1f ns)%n",
                1e3 / async.mpps() - 1e3 / fused.mpps(), 1e3 / fused.mpps(), 1e3 / async.mpps());
            out.flush();
            if (!noReferences)
            {
                final Pipe pipe = new Pipe();
                pipe.spec = spec;
                pipe.batches = List.of(batch);
                pipe.modes = List.of("1t", "2t");
                pipe.seconds = Math.min(seconds, 3);
                pipe.warmup = 1;
                pipe.directory = directory;
                pipe.ringLimit = ringLimit;
                pipe.call();
            }
            return fused.clean() && async.clean() ? ExitCodes.OK : ExitCodes.ACCOUNTING;
        }
    }

    @Command(
        name = "veth",
        mixinStandardHelpOptions = true,
        description = {
            "Capture on a veth pair, side by side in one run: netsniff-ng's trafgen sends 64-byte UDP frames for a " +
                "fixed time from one namespace, and each reader in turn receives at the other end: the engine " +
                "(pkt-gen -f rx on the emulated NIC port netmap:vb, AF_PACKET TPACKET_V3), netsniff-ng and tcpdump. " +
                "Runs the shared veth-capture script once per reader (it makes and removes the namespaces) and " +
                "reports, per reader, the send rate, what the kernel delivered to vb, what the reader received (pps) " +
                "and what it says it dropped.",
            "On a veth the kernel does the receive work on the sender's CPU: a slower reader shows up as a lower " +
                "send rate rather than as drops, so compare the received pps.",
            "Needs root and netsniff-ng and tcpdump (bash .ci/test installs them).",
            "Example: netmap-engine bench veth --seconds 10"})
    static final class Veth implements java.util.concurrent.Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds trafgen sends, per reader. " +
            "Default: ${DEFAULT-VALUE}.")
        double seconds;

        @Option(names = "--readers", split = ",", defaultValue = "none,engine,netsniff-ng,tcpdump",
            paramLabel = "R[,R...]", description = "Readers, in order: none (the sender alone), engine, netsniff-ng, " +
            "tcpdump. Default: ${DEFAULT-VALUE}.")
        List<String> readers;

        @Option(names = "--rounds", defaultValue = "1", description = "Rounds over the readers, each round starting " +
            "one reader later, so a drifting machine load spreads over all of them; medians are reported. " +
            "Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--veth-capture", paramLabel = "PATH", defaultValue = "../shared/bench/veth-capture",
            description = "The shared benchmark script. Default: ${DEFAULT-VALUE}.")
        Path script;

        @Override
        public Integer call() throws Exception
        {
            final PrintWriter out = spec.commandLine().getOut();
            if (!Files.isExecutable(script) && !Files.isReadable(script))
            {
                spec.commandLine().getErr().println("veth-capture not found at " + script + " (--veth-capture PATH)");
                return ExitCodes.PORT;
            }
            final List<VethBench.Reader> chosen = new ArrayList<>();
            for (final String name : readers)
            {
                chosen.add(VethBench.reader(name, seconds));
            }
            out.printf("veth capture benchmark: 64-byte UDP frames from trafgen for %.0f s per reader, %d round%s, " +
                "%d CPUs%n", seconds, rounds, 1 == rounds ? "" : "s", Runtime.getRuntime().availableProcessors());
            out.flush();
            final List<VethBench.Result> results = new ArrayList<>();
            for (int round = 0; round < Math.max(1, rounds); round++)
            {
                for (int i = 0; i < chosen.size(); i++)
                {
                    final VethBench.Result result = VethBench.run(script, seconds, chosen.get((i + round) % chosen.size()));
                    results.add(result);
                    out.println(result.line());
                    if (result.seconds() <= 0)
                    {
                        out.println("  veth-capture did not run: " + result.tail());
                    }
                    out.flush();
                }
            }
            if (rounds > 1)
            {
                out.println("medians over " + rounds + " rounds (drops: total):");
                for (final VethBench.Reader reader : chosen)
                {
                    out.println(VethBench.median(results, reader.name()).line());
                }
            }
            final VethBench.Result engine = VethBench.median(results, "engine");
            final VethBench.Result sniff = VethBench.median(results, "netsniff-ng");
            if (null != engine && null != sniff && sniff.receivedPps() > 0)
            {
                out.printf("engine / netsniff-ng received pps: %.0f%%%n", 100 * engine.receivedPps() / sniff.receivedPps());
            }
            out.flush();
            return ExitCodes.OK;
        }

    }
}
