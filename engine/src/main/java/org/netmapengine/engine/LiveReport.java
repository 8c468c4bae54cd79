package org.netmapengine.engine;

import org.netmapengine.actors.PipelineStatus;
import org.netmapengine.actors.PortStatus;
import org.netmapengine.actors.TransmitterStatus;
import org.netmapengine.engine.traffic.TrafficRunner;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The line a running node prints per interval: for each receiving port its rate in Mpps and Gbit/s, the drops
 * in the interval and its free buffers; for each transmitting port its rate; for the node's own traffic the
 * generators' and sinks' rates.
 */
public final class LiveReport
{
    private final Map<String, long[]> last = new HashMap<>();
    private final long startNanos;
    private long lastNanos;

    public LiveReport(final long startNanos)
    {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** @return one line for the interval since the previous call. */
    public String line(final EngineMetrics metrics, final List<TrafficRunner.Counters> generators,
        final List<TrafficRunner.Counters> sinks)
    {
        final long now = metrics.nanoTime();
        final double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        final StringBuilder line = new StringBuilder(160);
        line.append(String.format(Locale.ROOT, "[%5.0fs]", (now - startNanos) / 1e9));
        for (final PipelineStatus pipeline : metrics.pipelines())
        {
            for (final PortStatus port : pipeline.receivers())
            {
                final long[] d = delta("rx:" + pipeline.pipeline() + "/" + port.name(),
                    port.received(), port.receivedBytes(), port.droppedTotal() + port.edgeDropped());
                line.append(String.format(Locale.ROOT, " | %s rx %.2f Mpps %.2f Gbit/s drops %d free %d/%d",
                    port.name(), d[0] / seconds / 1e6, 8.0 * d[1] / seconds / 1e9, d[2], port.freeBuffers(),
                    port.buffers()));
            }
            for (final TransmitterStatus port : pipeline.transmitters())
            {
                final long[] d = delta("tx:" + pipeline.pipeline() + "/" + port.name(), port.transmitted(), port.bytes(),
                    port.txFull() + port.txErrors());
                line.append(String.format(Locale.ROOT, " | %s tx %.2f Mpps%s", port.name(), d[0] / seconds / 1e6,
                    d[2] > 0 ? " tx-drops " + d[2] : ""));
            }
        }
        for (final TrafficRunner.Counters gen : generators)
        {
            final long[] d = delta("gen:" + gen.name(), gen.counters().packets(), gen.counters().bytes(), 0);
            line.append(String.format(Locale.ROOT, " | %s %.2f Mpps", gen.name(), d[0] / seconds / 1e6));
        }
        for (final TrafficRunner.Counters sink : sinks)
        {
            final long[] d = delta("sink:" + sink.name(), sink.counters().packets(), sink.counters().bytes(), 0);
            line.append(String.format(Locale.ROOT, " | %s %.2f Mpps", sink.name(), d[0] / seconds / 1e6));
        }
        lastNanos = now;
        return line.toString();
    }

    private long[] delta(final String key, final long packets, final long bytes, final long drops)
    {
        final long[] previous = last.getOrDefault(key, new long[3]);
        final long[] now = {packets, bytes, drops};
        last.put(key, now);
        return new long[]{packets - previous[0], bytes - previous[1], drops - previous[2]};
    }
}
