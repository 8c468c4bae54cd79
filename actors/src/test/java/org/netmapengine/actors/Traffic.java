package org.netmapengine.actors;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.PacketGenerator;
import org.netmapengine.io.pktgen.PacketReceiver;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

/**
 * A pipeline's real peers in a test: pkt-gen sending into the pipe a pipeline receives from, and a verifying
 * receiver (a sink) at the pipe the pipeline transmits into, each on its own thread.
 */
final class Traffic implements AutoCloseable
{
    private final NetmapPort generatorPort;
    private final NetmapPort sinkPort;
    final PacketGenerator generator;
    final PacketReceiver sink;
    private final Thread generatorThread;
    private final Thread sinkThread;

    Traffic(final Backend backend, final String into, final String from, final long count, final long ratePps)
    {
        generatorPort = backend.open(PortSpec.parse(into), PortOptions.DEFAULT);
        sinkPort = null == from ? null : backend.open(PortSpec.parse(from), PortOptions.DEFAULT);
        final FrameSpec frames = FrameSpec.DEFAULT.withRanges(Ipv4Range.parse("10.0.0.1:1000-10.0.0.9:1100"),
            Ipv4Range.parse("10.1.0.1:53-10.1.0.2:54"));
        generator = new PacketGenerator(generatorPort, frames, RunLimits.DEFAULT.withBurst(256).withCount(count)
            .withRate(ratePps));
        sink = null == sinkPort ? null : new PacketReceiver(sinkPort, RunLimits.DEFAULT, true);
        generatorThread = new Thread(generator, "test-pkt-gen");
        sinkThread = null == sink ? null : new Thread(sink, "test-sink");
    }

    Traffic start()
    {
        if (null != sinkThread)
        {
            sinkThread.start();
        }
        generatorThread.start();
        return this;
    }

    /** Starts only the sink, for a pipe whose generator end stays idle. */
    Traffic startSinkOnly()
    {
        sinkThread.start();
        return this;
    }

    long sent()
    {
        return generator.counters().packets();
    }

    long sunk()
    {
        return null == sink ? 0 : sink.counters().packets();
    }

    /** Waits until the sink has {@code packets} or {@code millis} pass. */
    boolean awaitSunk(final long packets, final long millis) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + millis;
        while (sunk() < packets && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        return sunk() >= packets;
    }

    void stopGenerator() throws InterruptedException
    {
        generator.stop();
        generatorThread.join(10_000);
    }

    @Override
    public void close() throws InterruptedException
    {
        generator.stop();
        generatorThread.join(10_000);
        if (null != sink)
        {
            sink.stop();
            sinkThread.join(10_000);
            sinkPort.close();
        }
        generatorPort.close();
    }
}
