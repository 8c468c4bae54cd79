package org.netmapengine.actors;

import org.netmapengine.pipeline.DropReason;

/**
 * The counters of one stage instance. Written by the stage actor's thread only; read by it to answer status
 * requests. Kept outside the actor's behavior, so they survive a restart.
 */
final class StageCounters
{
    final String name;
    final long[] dropped = new long[DropReason.MAX_REASONS];
    long in;
    long out;
    long errors;
    long copies;
    long copyFailures;
    long leaked;
    long doubleDecisions;
    long restarts;
    /** The stage's own metrics as last reported; replaced whole, read by whoever holds the counters. */
    volatile java.util.Map<String, Long> metrics = java.util.Map.of();

    StageCounters(final String name)
    {
        this.name = name;
    }

    StageStatus snapshot(final long inFlight)
    {
        return new StageStatus(name, in, out, PortStatus.reasons(dropped), errors, copies, copyFailures, leaked,
            inFlight, restarts, metrics);
    }
}
