package org.netmapengine.io.pktgen;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a sender to a packet rate against {@link System#nanoTime()}, batch by batch: packet {@code k} is due
 * {@code k / rate} seconds after the start, and a batch goes out once enough packets are due to fill it.
 * <p>
 * The batch is the burst, or a millisecond's worth of packets when that is fewer, so low rates come out smooth
 * rather than in bursts a second apart. A sender that falls behind catches up at up to a burst per batch.
 * <p>
 * Not thread-safe.
 */
final class Pacer
{
    /** Longest single park, so a stop request or the end of the run is noticed soon. */
    private static final long MAX_PARK_NANOS = 10_000_000L;

    private final double nanosPerPacket;
    private final int burst;
    private final int batch;
    private final long startNanos;

    Pacer(final long ratePps, final int burst, final long startNanos)
    {
        this.nanosPerPacket = 1e9 / ratePps;
        this.burst = burst;
        this.batch = (int)Math.max(1, Math.min(burst, ratePps / 1000));
        this.startNanos = startNanos;
    }

    /** @return packets that may go now, having sent {@code sent}: 0, or from a batch up to a burst. */
    int allowance(final long nowNanos, final long sent)
    {
        final long due = (long)((nowNanos - startNanos) / nanosPerPacket) + 1;
        final long ready = due - sent;
        return ready >= batch ? (int)Math.min(ready, burst) : 0;
    }

    /** Parks until the next batch is due, or for at most {@value #MAX_PARK_NANOS} ns. */
    void awaitNextBatch(final long nowNanos, final long sent)
    {
        final long dueAt = startNanos + (long)((sent + batch - 1) * nanosPerPacket);
        final long wait = dueAt - nowNanos;
        if (wait > 0)
        {
            LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        }
    }
}
