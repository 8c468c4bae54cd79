package org.netmapengine.engine.bench;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.netmapengine.actors.PipelineReport;
import org.netmapengine.engine.NetmapEngine;
import org.netmapengine.engine.NetmapEngineActor;
import org.netmapengine.engine.traffic.TrafficRunner;
import org.netmapengine.engine.traffic.TrafficSettings;
import org.netmapengine.io.backend.Backends;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine end to end: pkt-gen sends 64-byte UDP frames into an emulated pipe; a receiver takes them; a fused
 * pipeline parses Ethernet, IPv4 and UDP, classifies on the UDP port and counts; a transmitter puts them into a
 * second pipe; a sink counts what arrives. Variant {@code async}: the counter runs in an actor of its own (one
 * async boundary). Rates are what the sink received; allocation is summed over every thread of the JVM.
 */
public final class EngineBenchmark
{
    /**
     * What one measurement runs.
     *
     * @param batch        the receiver's batch size.
     * @param burst        frames pkt-gen writes per TX sync: how many packets arrive per wake-up of the receiver.
     * @param slots        slots per ring of both pipes.
     * @param idle         the ports' idle strategy: poll, backoff, yield or spin.
     * @param extraBuffers the receiver's buffers: with its batch pool, the bound on packets in flight.
     */
    public record Setup(int batch, int burst, int slots, String idle, int extraBuffers, double warmupSeconds,
        double seconds)
    {
        @Override
        public String toString()
        {
            return "batch=" + batch + " burst=" + burst + " slots=" + slots + " idle=" + idle;
        }
    }

    /**
     * One measurement.
     *
     * @param cpuBusy the CPU time of every thread of the JVM over the measured time, in CPUs (2.0: both CPUs of a
     *                2-CPU machine all the time). Well below the machine's CPUs while the rate is low means the
     *                threads spent their time waiting for one another to be woken, not working.
     */
    public record Result(String variant, Setup setup, long packets, double seconds, long allocatedBytes, boolean clean,
        double cpuBusy, List<String> threads)
    {
        public double mpps()
        {
            return packets / seconds / 1e6;
        }

        /**
         * @return CPU time of all threads per packet: what a packet costs the machine, whichever thread pays. Steadier
         *         than the rate on a shared machine, where waits for wake-ups move the rate and not this.
         */
        public double cpuNanosPerPacket()
        {
            return 0 == packets ? 0 : cpuBusy * seconds * 1e9 / packets;
        }

        public double bytesPerPacket()
        {
            return 0 == packets ? 0 : (double)allocatedBytes / packets;
        }

        @Override
        public String toString()
        {
            return String.format(java.util.Locale.ROOT, "engine %-6s %s secs=%.2f packets=%d Mpps=%.2f " +
                "alloc=%.3f B/pkt cpu=%.2f/%d (%.0f ns/pkt) accounting=%s", variant, setup, seconds, packets, mpps(),
                bytesPerPacket(), cpuBusy, Runtime.getRuntime().availableProcessors(), cpuNanosPerPacket(),
                clean ? "clean" : "NOT CLEAN");
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final Path directory;
    private final boolean pinned;

    /**
     * @param pinned pin pkt-gen and the receiver to CPU 0, the transmitter and the sink to CPU 1, so that each
     *               packet's cache lines stay on the core that wrote them until the transmitter swaps them away.
     */
    public EngineBenchmark(final Path directory, final boolean pinned)
    {
        this.directory = directory;
        this.pinned = pinned;
    }

    /**
     * @param async true to put the counter behind an async boundary.
     */
    public Result run(final boolean async, final Setup setup) throws Exception
    {
        final String parent = "bench" + (async ? "a" : "f") + ProcessHandle.current().pid();
        final String slots = "@conf:slots=" + setup.slots();
        final Config config = ConfigFactory.parseString("""
            netmap-engine {
              backend = emulated
              emulated.directory = "%s"
              pipelines.bench {
                ports {
                  in { port = "netmap:%s}0%s", to = by-port, batch = %d, idle = %s, extra-buffers = %d %s }
                  out { port = "netmap:%s{1%s", idle = %s %s }
                }
                stages {
                  by-port {
                    type = classify-port
                    params { rules { dns = { protocol = udp, ports = "53" } } }
                    outputs { dns = count, miss = count }
                  }
                  count { type = counter, async = %s, outputs { out = out } }
                }
              }
              traffic {
                generators.gen { port = "netmap:%s{0%s", length = 60, burst = %d,
                  src = "10.0.0.1:1024-10.0.0.1:1087", dst = "10.1.0.1:53-10.1.0.4:54" %s }
                sinks.sink { port = "netmap:%s}1%s", verify = false %s }
              }
            }
            akka.loglevel = WARNING
            """.formatted(directory, parent, slots, setup.batch(), setup.idle(), setup.extraBuffers(), pin(0), parent,
                slots, setup.idle(), pin(1), async, parent, slots, setup.burst(), pin(0), parent, slots, pin(1)))
            .withFallback(ConfigFactory.load()).resolve();
        final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench", config);
        try
        {
            final NetmapEngine engine = NetmapEngine.get(system);
            try (TrafficRunner traffic = new TrafficRunner(TrafficSettings.from(config.getConfig("netmap-engine")),
                port -> Backends.create(engine.settings().backend(), engine.settings().emulated())))
            {
                traffic.startSinks();
                final List<NetmapEngineActor.StartResult> started = engine.startAll(config).toCompletableFuture().get();
                if (!started.get(0).started())
                {
                    throw new IllegalStateException("benchmark pipeline did not start: " + started);
                }
                traffic.startGenerators();
                Thread.sleep((long)(setup.warmupSeconds() * 1000));
                final long packetsBefore = traffic.sinks().get(0).counters().packets();
                final java.util.Map<Long, long[]> before = perThread();
                final long start = System.nanoTime();
                Thread.sleep((long)(setup.seconds() * 1000));
                final long packets = traffic.sinks().get(0).counters().packets() - packetsBefore;
                final java.util.Map<Long, long[]> after = perThread();
                final long elapsed = System.nanoTime() - start;
                long allocated = 0;
                long cpuNanos = 0;
                final List<String> threads = new java.util.ArrayList<>();
                for (final java.util.Map.Entry<Long, long[]> t : after.entrySet())
                {
                    final long[] was = before.getOrDefault(t.getKey(), new long[2]);
                    final long bytes = t.getValue()[0] - was[0];
                    final long cpu = t.getValue()[1] - was[1];
                    allocated += bytes;
                    cpuNanos += cpu;
                    if (cpu > elapsed / 100 || bytes > packets / 100)
                    {
                        final java.lang.management.ThreadInfo info = THREADS.getThreadInfo(t.getKey());
                        threads.add(String.format(java.util.Locale.ROOT, "  %-48s cpu %5.1f%%  alloc %8.3f B/pkt",
                            null == info ? "?" : info.getThreadName(), 100.0 * cpu / elapsed,
                            0 == packets ? 0.0 : (double)bytes / packets));
                    }
                }
                traffic.stopGenerators();
                final org.netmapengine.actors.PortStatus rx = engine.metrics().toCompletableFuture().get()
                    .pipelines().get(0).receivers().get(0);
                threads.add(String.format(java.util.Locale.ROOT, "  receiver: average batch %.1f packets, %d idle polls, " +
                    "%d stalls", rx.averageBatch(), rx.idlePolls(), rx.stalls()));
                final List<PipelineReport> reports = engine.shutdown().toCompletableFuture().get(60, TimeUnit.SECONDS);
                traffic.drainAndStopSinks(200, 5000);
                return new Result(async ? "async" : "fused", setup, packets, elapsed / 1e9, allocated,
                    reports.get(0).clean(), (double)cpuNanos / elapsed, threads);
            }
        }
        finally
        {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** @return a {@code cpu} setting when the benchmark pins threads: the first side on CPU 0, the second on 1. */
    private String pin(final int cpu)
    {
        return pinned ? ", cpu = " + cpu : "";
    }

    /** @return bytes allocated and CPU nanoseconds used so far by each live thread. */
    private static java.util.Map<Long, long[]> perThread()
    {
        final java.util.Map<Long, long[]> all = new java.util.HashMap<>();
        final long[] ids = THREADS.getAllThreadIds();
        final long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++)
        {
            all.put(ids[i], new long[]{Math.max(0, bytes[i]), Math.max(0, THREADS.getThreadCpuTime(ids[i]))});
        }
        return all;
    }
}
