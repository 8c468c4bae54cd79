package org.netmapengine.io.pktgen;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Packets, bytes and batches of one generator or receiver, and when it started and finished.
 * <p>
 * One writer, the loop's thread, which publishes once per batch with release stores ({@code lazySet}); any thread
 * may read. A reader sees each counter as of some recent batch, not the three at one instant.
 */
public final class TrafficCounters
{
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean started;
    private volatile boolean finished;

    /** Marks the start of the measured interval: the loop's start for a sender, its first batch for a receiver. */
    public void start(final long nowNanos)
    {
        startNanos = nowNanos;
        started = true;
    }

    /** Counts one batch; called by the writer only. */
    public void add(final long batchPackets, final long batchBytes)
    {
        packets.lazySet(packets.get() + batchPackets);
        bytes.lazySet(bytes.get() + batchBytes);
        batches.lazySet(batches.get() + 1);
    }

    /** Marks the end of the measured interval; the loop returns right after. */
    public void finish(final long nowNanos)
    {
        endNanos = nowNanos;
        finished = true;
    }

    public long packets()
    {
        return packets.get();
    }

    public long bytes()
    {
        return bytes.get();
    }

    public long batches()
    {
        return batches.get();
    }

    public boolean isStarted()
    {
        return started;
    }

    public boolean isFinished()
    {
        return finished;
    }

    /** @return nanoseconds from start to finish, or to {@code nowNanos} while running; 0 before the start. */
    public long elapsedNanos(final long nowNanos)
    {
        if (!started)
        {
            return 0;
        }
        return (finished ? endNanos : nowNanos) - startNanos;
    }

    @Override
    public String toString()
    {
        return "packets=" + packets() + " bytes=" + bytes() + " batches=" + batches();
    }
}
