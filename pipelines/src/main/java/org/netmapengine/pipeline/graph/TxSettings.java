package org.netmapengine.pipeline.graph;

import java.time.Duration;
import java.util.Locale;

/**
 * What a port transmitter does when the TX ring has no room for a batch.
 *
 * @param whenFull    wait for room, or drop at once.
 * @param waitTimeout {@link WhenFull#WAIT}: how long to wait for room before dropping what does not fit with
 *                    reason {@code tx-full}.
 */
public record TxSettings(WhenFull whenFull, Duration waitTimeout)
{
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMillis(100);

    /** Wait up to 10 ms. */
    public static final TxSettings DEFAULT = new TxSettings(WhenFull.WAIT, DEFAULT_WAIT_TIMEOUT);

    /** What to do with a full TX ring. */
    public enum WhenFull
    {
        /** Sync and poll for room, up to the wait timeout, then drop the rest with {@code tx-full}. */
        WAIT,
        /** Drop what does not fit with {@code tx-full} at once: never hold up the stages. */
        DROP;

        /** @return {@code wait} or {@code drop}. */
        public String configName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
