package org.netmapengine.actors;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.netmapengine.io.port.NetmapPort;

import java.time.Duration;

/**
 * What a port actor does when its ring has nothing for it: wait in {@code poll()} with a timeout (the thread
 * sleeps, the CPU is free), or run an Agrona idle strategy (back-off, yield, spin) and look again.
 */
public final class IdlePolicy
{
    /** The ways to idle, by configuration name. */
    public enum Kind
    {
        POLL, BACKOFF, YIELD, SPIN
    }

    private final Kind kind;
    private final int pollTimeoutMillis;
    private final IdleStrategy strategy;

    private IdlePolicy(final Kind kind, final int pollTimeoutMillis, final IdleStrategy strategy)
    {
        this.kind = kind;
        this.pollTimeoutMillis = pollTimeoutMillis;
        this.strategy = strategy;
    }

    /** Sleeps in {@code poll()} for at most {@code timeout} (at least 1 ms). */
    public static IdlePolicy poll(final Duration timeout)
    {
        return new IdlePolicy(Kind.POLL, (int)Math.max(1, timeout.toMillis()), null);
    }

    public static IdlePolicy backoff(final long maxSpins, final long maxYields, final Duration minPark, final Duration maxPark)
    {
        return new IdlePolicy(Kind.BACKOFF, 0,
            new BackoffIdleStrategy(maxSpins, maxYields, minPark.toNanos(), maxPark.toNanos()));
    }

    public static IdlePolicy yielding()
    {
        return new IdlePolicy(Kind.YIELD, 0, new YieldingIdleStrategy());
    }

    public static IdlePolicy spin()
    {
        return new IdlePolicy(Kind.SPIN, 0, new BusySpinIdleStrategy());
    }

    public Kind kind()
    {
        return kind;
    }

    /**
     * Called when a look at the ring found nothing: waits the policy's way.
     *
     * @param events {@link NetmapPort#POLLIN} or {@link NetmapPort#POLLOUT}.
     */
    void idle(final NetmapPort port, final int events)
    {
        if (kind == Kind.POLL)
        {
            port.poll(events, pollTimeoutMillis);
        }
        else
        {
            strategy.idle();
        }
    }

    /** Called when work was found: the next idle starts from its shortest wait. */
    void reset()
    {
        if (null != strategy)
        {
            strategy.reset();
        }
    }

    @Override
    public String toString()
    {
        return kind == Kind.POLL ? "poll(" + pollTimeoutMillis + "ms)" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
