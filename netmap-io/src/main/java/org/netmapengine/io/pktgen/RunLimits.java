package org.netmapengine.io.pktgen;

import java.util.concurrent.TimeUnit;

/**
 * How much a generator or receiver does per batch and when it stops. Zero means "no limit" for count, rate and
 * duration; whichever limit is reached first ends the run.
 *
 * @param burst         most packets per batch (pkt-gen's {@code -b}): one head update and one sync each.
 * @param count         packets to send or receive in all ({@code -n}), 0 for no limit.
 * @param ratePps       packets per second to send ({@code -R}), 0 for as fast as possible; receivers ignore it.
 * @param durationNanos how long to run ({@code -T}), 0 for no limit.
 */
public record RunLimits(int burst, long count, long ratePps, long durationNanos)
{
    /** pkt-gen's default burst. */
    public static final int DEFAULT_BURST = 512;
    public static final RunLimits DEFAULT = new RunLimits(DEFAULT_BURST, 0, 0, 0);

    public RunLimits
    {
        if (burst < 1 || count < 0 || ratePps < 0 || durationNanos < 0)
        {
            throw new IllegalArgumentException("need burst >= 1 and count, rate, duration >= 0: burst=" + burst +
                " count=" + count + " ratePps=" + ratePps + " durationNanos=" + durationNanos);
        }
    }

    public RunLimits withBurst(final int newBurst)
    {
        return new RunLimits(newBurst, count, ratePps, durationNanos);
    }

    public RunLimits withCount(final long newCount)
    {
        return new RunLimits(burst, newCount, ratePps, durationNanos);
    }

    public RunLimits withRate(final long newRatePps)
    {
        return new RunLimits(burst, count, newRatePps, durationNanos);
    }

    public RunLimits withDuration(final long duration, final TimeUnit unit)
    {
        return new RunLimits(burst, count, ratePps, unit.toNanos(duration));
    }

    public boolean hasCount()
    {
        return 0 != count;
    }

    public boolean isPaced()
    {
        return 0 != ratePps;
    }

    public boolean hasDuration()
    {
        return 0 != durationNanos;
    }

    /** @return packets a batch may take: the burst, or what is left of the count when that is less. */
    public int batchLimit(final long done)
    {
        return hasCount() ? (int)Math.min(burst, count - done) : burst;
    }
}
