package org.netmapengine.engine.traffic;

import org.netmapengine.io.pktgen.PacketGenerator;
import org.netmapengine.io.pktgen.PacketReceiver;
import org.netmapengine.io.pktgen.ReceiveChecks;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.io.pktgen.TrafficCounters;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the engine's generators and sinks, each on a thread of its own (a busy loop that owns its port, as
 * pkt-gen's threads do). Start the sinks before the pipelines and the generators after them; stop the
 * generators first and the sinks last, so what a pipeline transmits while it drains is still counted.
 */
public final class TrafficRunner implements AutoCloseable
{
    /** A generator's or sink's counters, by name. */
    public record Counters(String name, String port, TrafficCounters counters, ReceiveChecks checks)
    {
    }

    private final List<NetmapPort> ports = new ArrayList<>();
    private final List<PacketGenerator> generators = new ArrayList<>();
    private final List<PacketReceiver> sinks = new ArrayList<>();
    private final List<Thread> generatorThreads = new ArrayList<>();
    private final List<Thread> sinkThreads = new ArrayList<>();
    private final List<Counters> generatorCounters = new ArrayList<>();
    private final List<Counters> sinkCounters = new ArrayList<>();

    /** Opens every generator's and sink's port (all or none). */
    public TrafficRunner(final TrafficSettings settings, final Function<org.netmapengine.io.name.PortSpec, Backend> backends)
    {
        try
        {
            for (final TrafficSettings.Sink sink : settings.sinks())
            {
                final NetmapPort port = backends.apply(sink.port()).open(sink.port(), PortOptions.DEFAULT);
                ports.add(port);
                final PacketReceiver receiver = new PacketReceiver(port, RunLimits.DEFAULT, sink.verify());
                sinks.add(receiver);
                sinkThreads.add(new Thread(pinned(receiver, sink.cpus()), "sink-" + sink.name()));
                sinkCounters.add(new Counters(sink.name(), port.name(), receiver.counters(), receiver.checks()));
            }
            for (final TrafficSettings.Generator generator : settings.generators())
            {
                final NetmapPort port = backends.apply(generator.port()).open(generator.port(), PortOptions.DEFAULT);
                ports.add(port);
                final PacketGenerator loop = new PacketGenerator(port, generator.frames(), generator.limits());
                generators.add(loop);
                generatorThreads.add(new Thread(pinned(loop, generator.cpus()), "pkt-gen-" + generator.name()));
                generatorCounters.add(new Counters(generator.name(), port.name(), loop.counters(), null));
            }
        }
        catch (final RuntimeException e)
        {
            ports.forEach(NetmapPort::close);
            throw e;
        }
    }

    private static Runnable pinned(final Runnable loop, final int[] cpus)
    {
        return 0 == cpus.length ? loop : () ->
        {
            org.netmapengine.io.os.CpuAffinity.pinCurrentThread(cpus);
            loop.run();
        };
    }

    public void startSinks()
    {
        sinkThreads.forEach(Thread::start);
    }

    public void startGenerators()
    {
        generatorThreads.forEach(Thread::start);
    }

    public List<Counters> generators()
    {
        return generatorCounters;
    }

    public List<Counters> sinks()
    {
        return sinkCounters;
    }

    public void stopGenerators() throws InterruptedException
    {
        generators.forEach(PacketGenerator::stop);
        for (final Thread thread : generatorThreads)
        {
            thread.join(10_000);
        }
    }

    /**
     * Waits until the sinks have seen nothing new for {@code quietMillis} (what was transmitted has arrived),
     * at most {@code maxMillis}, then stops them.
     */
    public void drainAndStopSinks(final long quietMillis, final long maxMillis) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + maxMillis;
        long last = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - quietSince < quietMillis)
        {
            final long now = sinkCounters.stream().mapToLong(c -> c.counters().packets()).sum();
            if (now != last)
            {
                last = now;
                quietSince = System.currentTimeMillis();
            }
            Thread.sleep(5);
        }
        sinks.forEach(PacketReceiver::stop);
        for (final Thread thread : sinkThreads)
        {
            thread.join(10_000);
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        stopGenerators();
        sinks.forEach(PacketReceiver::stop);
        for (final Thread thread : sinkThreads)
        {
            thread.join(10_000);
        }
        ports.forEach(NetmapPort::close);
    }
}
