package org.netmapengine.pipeline.compiler;

import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.IdleSettings;
import org.netmapengine.pipeline.graph.IdleSettings.Strategy;

import java.time.Duration;
import java.util.List;

/**
 * Reads a port's {@code idle} setting: a strategy name ({@code idle = spin}) or a block
 * ({@code idle { strategy = backoff, max-park = 100us }}) whose keys depend on the strategy.
 */
final class IdleReader
{
    static final String KEY = "idle";
    private static final String EXPECTED_STRATEGY = "expected poll, backoff, yield or spin";
    private static final List<String> POLL_KEYS = List.of("strategy", "timeout");
    private static final List<String> BACKOFF_KEYS =
        List.of("max-park", "max-spins", "max-yields", "min-park", "strategy");
    private static final List<String> PLAIN_KEYS = List.of("strategy");

    private IdleReader()
    {
    }

    /**
     * @param port the port block.
     * @return the settings; the first problem is thrown, unknown keys are all added to {@code problems}.
     */
    static IdleSettings read(final StageParameters port, final Problems problems)
    {
        if (!port.has(KEY))
        {
            return IdleSettings.DEFAULT;
        }
        if (ConfigValueType.STRING == port.value(KEY).valueType())
        {
            return IdleSettings.of(strategy(port, KEY));
        }
        if (ConfigValueType.OBJECT != port.value(KEY).valueType())
        {
            throw port.error(KEY, "expected a strategy (poll, backoff, yield or spin) or a block " +
                "{ strategy = ..., ... }");
        }

        final StageParameters idle = port.child(KEY);
        final Strategy strategy = idle.has("strategy") ? strategy(idle, "strategy") : Strategy.POLL;
        problems.errors(idle.unknownKeys(keysOf(strategy)));
        switch (strategy)
        {
            case POLL:
                return new IdleSettings(strategy, positive(idle, "timeout", IdleSettings.DEFAULT_POLL_TIMEOUT),
                    IdleSettings.DEFAULT_MAX_SPINS, IdleSettings.DEFAULT_MAX_YIELDS, IdleSettings.DEFAULT_MIN_PARK,
                    IdleSettings.DEFAULT_MAX_PARK);

            case BACKOFF:
                return backoff(idle);

            default:
                return IdleSettings.of(strategy);
        }
    }

    private static IdleSettings backoff(final StageParameters idle)
    {
        final long maxSpins = notNegative(idle, "max-spins", IdleSettings.DEFAULT_MAX_SPINS);
        final long maxYields = notNegative(idle, "max-yields", IdleSettings.DEFAULT_MAX_YIELDS);
        final Duration minPark = positive(idle, "min-park", IdleSettings.DEFAULT_MIN_PARK);
        final Duration maxPark = positive(idle, "max-park", IdleSettings.DEFAULT_MAX_PARK);
        if (maxPark.compareTo(minPark) < 0)
        {
            throw idle.error(idle.has("max-park") ? "max-park" : "min-park",
                "expected min-park (" + text(minPark) + ") <= max-park (" + text(maxPark) + ")");
        }
        return new IdleSettings(Strategy.BACKOFF, IdleSettings.DEFAULT_POLL_TIMEOUT, maxSpins, maxYields, minPark,
            maxPark);
    }

    private static Strategy strategy(final StageParameters block, final String key)
    {
        final Strategy strategy = Strategy.fromConfig(block.getString(key));
        if (null == strategy)
        {
            throw block.error(key, EXPECTED_STRATEGY);
        }
        return strategy;
    }

    private static List<String> keysOf(final Strategy strategy)
    {
        switch (strategy)
        {
            case POLL:
                return POLL_KEYS;

            case BACKOFF:
                return BACKOFF_KEYS;

            default:
                return PLAIN_KEYS;
        }
    }

    private static Duration positive(final StageParameters block, final String key, final Duration defaultValue)
    {
        final Duration duration = block.getDuration(key, defaultValue);
        if (duration.isZero() || duration.isNegative())
        {
            throw block.error(key, "expected a positive duration such as 1ms");
        }
        return duration;
    }

    private static long notNegative(final StageParameters block, final String key, final long defaultValue)
    {
        final long value = block.getLong(key, defaultValue);
        if (value < 0)
        {
            throw block.error(key, "expected an integer >= 0");
        }
        return value;
    }

    /** @return {@code 10us}, {@code 1ms}, {@code 2s}: the largest unit that keeps the value whole. */
    static String text(final Duration duration)
    {
        final long nanos = duration.toNanos();
        if (0 == nanos % 1_000_000_000L)
        {
            return nanos / 1_000_000_000L + "s";
        }
        if (0 == nanos % 1_000_000L)
        {
            return nanos / 1_000_000L + "ms";
        }
        if (0 == nanos % 1_000L)
        {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}
