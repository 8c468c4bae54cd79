package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.MetricsSource;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code counter}: counts packets and bytes, and passes every packet on.
 * <pre>
 *             +---------+
 *   frames --&gt;| counter | --&gt; out
 *             +---------+
 * </pre>
 * The counts are published once per batch with release semantics and may be read from any thread
 * ({@link #packets()}, {@link #bytes()}, {@link #report}). No parameters.
 */
public final class Counter implements Stage, MetricsSource
{
    public static final String TYPE = "counter";
    public static final List<String> PARAMETERS = List.of();
    /** Metric name of the packet count. */
    public static final String PACKETS = "packets";
    /** Metric name of the byte count (frame lengths, no preamble or FCS). */
    public static final String BYTES = "bytes";

    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private int out;

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        long batchBytes = 0;
        for (int i = 0; i < count; i++)
        {
            batchBytes += batch.length(i);
            outputs.send(i, out);
        }

        packets.setRelease(packets.getPlain() + count);
        bytes.setRelease(bytes.getPlain() + batchBytes);
    }

    /** @return packets counted so far; any thread. */
    public long packets()
    {
        return packets.getAcquire();
    }

    /** @return bytes counted so far; any thread. */
    public long bytes()
    {
        return bytes.getAcquire();
    }

    @Override
    public void report(final MetricsSink sink)
    {
        sink.counter(PACKETS, packets());
        sink.counter(BYTES, bytes());
    }
}
