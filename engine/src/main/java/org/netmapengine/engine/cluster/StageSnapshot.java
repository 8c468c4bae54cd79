package org.netmapengine.engine.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stage of a running pipeline, as a packet node publishes it, summed over the stage's instances (a stage
 * with {@code parallelism = 4} runs in four actors).
 *
 * @param in        packets that entered the stage.
 * @param out       packets it sent to an output.
 * @param dropped   packets it dropped, by reason.
 * @param errors    times its {@code process} threw.
 * @param inFlight  packets it holds now.
 * @param leaked    packets it neither sent nor dropped (recovered, and counted as a stage bug).
 * @param restarts  times its actor was restarted after a failure.
 */
public record StageSnapshot(
    String pipeline,
    String stage,
    int instances,
    long in,
    long out,
    Map<String, Long> dropped,
    long errors,
    long inFlight,
    long leaked,
    long restarts)
{
    public StageSnapshot
    {
        dropped = new LinkedHashMap<>(dropped);
    }

    /** @return every drop of this stage, whatever the reason. */
    public long droppedTotal()
    {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
