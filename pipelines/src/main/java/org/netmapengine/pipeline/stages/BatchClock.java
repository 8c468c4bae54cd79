package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.PacketBatch;

/**
 * The time stages that keep time (rate limits, ageing, windows) read once per batch: when the receiver took the
 * batch, or now for a batch without a receive time.
 */
final class BatchClock
{
    private BatchClock()
    {
    }

    /** @return {@link PacketBatch#timestampNanos()}, or {@link System#nanoTime()} when it is 0. */
    static long nanos(final PacketBatch batch)
    {
        final long stamp = batch.timestampNanos();
        return 0 != stamp ? stamp : System.nanoTime();
    }
}
