package org.netmapengine.pipeline.graph;

import java.time.Duration;
import java.util.Locale;

/**
 * How a port receiver waits when its rings are empty. Each strategy uses its own fields; the others keep their
 * defaults.
 *
 * @param strategy    which wait.
 * @param pollTimeout {@link Strategy#POLL}: the {@code poll()} timeout.
 * @param maxSpins    {@link Strategy#BACKOFF}: busy spins before yielding.
 * @param maxYields   {@link Strategy#BACKOFF}: yields before parking.
 * @param minPark     {@link Strategy#BACKOFF}: the first park.
 * @param maxPark     {@link Strategy#BACKOFF}: the longest park (parks double up to it).
 */
public record IdleSettings(
    Strategy strategy, Duration pollTimeout, long maxSpins, long maxYields, Duration minPark, Duration maxPark)
{
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(1);
    /** Agrona's {@code BackoffIdleStrategy} defaults. */
    public static final long DEFAULT_MAX_SPINS = 10;
    public static final long DEFAULT_MAX_YIELDS = 5;
    public static final Duration DEFAULT_MIN_PARK = Duration.ofNanos(1_000);
    public static final Duration DEFAULT_MAX_PARK = Duration.ofMillis(1);

    /** {@code poll()} with a 1 ms timeout. */
    public static final IdleSettings DEFAULT = of(Strategy.POLL);

    /** How to wait. */
    public enum Strategy
    {
        /** Block in {@code poll()} on the port's fd, up to the timeout: no CPU burnt, a wake-up per batch. */
        POLL,
        /** Spin, then yield, then park for growing times: Agrona's {@code BackoffIdleStrategy}. */
        BACKOFF,
        /** {@code Thread.yield()} between empty polls. */
        YIELD,
        /** Busy-spin: lowest latency, one core at 100%. */
        SPIN;

        /** @return the spelling in configuration: {@code poll}, {@code backoff}, {@code yield}, {@code spin}. */
        public String configName()
        {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the strategy of that spelling, or null. */
        public static Strategy fromConfig(final String name)
        {
            for (final Strategy strategy : values())
            {
                if (strategy.configName().equals(name))
                {
                    return strategy;
                }
            }
            return null;
        }
    }

    /** @return {@code strategy} with every field at its default. */
    public static IdleSettings of(final Strategy strategy)
    {
        return new IdleSettings(strategy, DEFAULT_POLL_TIMEOUT, DEFAULT_MAX_SPINS, DEFAULT_MAX_YIELDS,
            DEFAULT_MIN_PARK, DEFAULT_MAX_PARK);
    }
}
