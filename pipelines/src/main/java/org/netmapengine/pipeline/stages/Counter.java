package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.MetricsSource;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code counter}: counts packets and bytes, measures their rates, and passes every packet on.
 * <pre>
 *             +---------+
 *   frames --&gt;| counter | --&gt; out
 *             +---------+
 * </pre>
 * Parameters: {@code interval = 1s} (optional), the period over which rates are measured. The counts are
 * published once per batch with release semantics and may be read from any thread ({@link #packets()},
 * {@link #bytes()}, {@link #report}); the rates once per interval, from the batches' receive times. Put a counter on
 * each output of a stage to count per output.
 */
public final class Counter implements Stage, MetricsSource
{
    public static final String TYPE = "counter";
    public static final List<String> PARAMETERS = List.of("interval");
    /** Metric name of the packet count. */
    public static final String PACKETS = "packets";
    /** Metric name of the byte count (frame lengths, no preamble or FCS). */
    public static final String BYTES = "bytes";
    /** Metric name of the packet rate over the last interval. */
    public static final String PACKETS_PER_SECOND = "packets-per-second";
    /** Metric name of the bit rate over the last interval (frame bits, no preamble or FCS). */
    public static final String BITS_PER_SECOND = "bits-per-second";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private static final double NANOS_PER_SECOND = 1e9;

    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong packetsPerSecond = new AtomicLong();
    private final AtomicLong bitsPerSecond = new AtomicLong();
    private final long intervalNanos;
    private long intervalStart = Long.MIN_VALUE;
    private long intervalPackets;
    private long intervalBytes;
    private int out;

    public Counter()
    {
        this.intervalNanos = DEFAULT_INTERVAL.toNanos();
    }

    public Counter(final StageParameters parameters)
    {
        final Duration interval = parameters.getDuration("interval", DEFAULT_INTERVAL);
        if (interval.toMillis() < 1 || interval.toHours() > 24)
        {
            throw parameters.error("interval", "expected a duration from 1ms to 24h such as 1s");
        }
        this.intervalNanos = interval.toNanos();
    }

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
        measure(BatchClock.nanos(batch), count, batchBytes);
    }

    private void measure(final long now, final int count, final long batchBytes)
    {
        if (Long.MIN_VALUE == intervalStart)
        {
            intervalStart = now;
        }
        intervalPackets += count;
        intervalBytes += batchBytes;
        final long elapsed = now - intervalStart;
        if (elapsed >= intervalNanos)
        {
            final double seconds = elapsed / NANOS_PER_SECOND;
            packetsPerSecond.setRelease((long)(intervalPackets / seconds));
            bitsPerSecond.setRelease((long)(intervalBytes * 8 / seconds));
            intervalStart = now;
            intervalPackets = 0;
            intervalBytes = 0;
        }
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

    /** @return packets per second over the last complete interval; any thread. */
    public long packetsPerSecond()
    {
        return packetsPerSecond.getAcquire();
    }

    /** @return bits per second over the last complete interval; any thread. */
    public long bitsPerSecond()
    {
        return bitsPerSecond.getAcquire();
    }

    @Override
    public void report(final MetricsSink sink)
    {
        sink.counter(PACKETS, packets());
        sink.counter(BYTES, bytes());
        sink.gauge(PACKETS_PER_SECOND, packetsPerSecond());
        sink.gauge(BITS_PER_SECOND, bitsPerSecond());
    }
}
