package org.netmapengine.actors;

import java.util.Map;

/**
 * One stage instance's counters at one moment.
 *
 * @param in           packets that entered the stage.
 * @param out          packets it sent to an output (to another stage, a port or a drop route).
 * @param dropped      packets it dropped (explicitly, or by a route to drop), by reason.
 * @param errors       times {@code process} threw.
 * @param copies       copies it made.
 * @param copyFailures copies it could not make for want of a spare buffer.
 * @param leaked       packets it neither sent nor dropped: held, reported as leaked, returned at shutdown.
 * @param inFlight     packets it holds now.
 * @param restarts     times its actor was restarted after a failure.
 * @param metrics      what the stage reports itself, when it is a {@code MetricsSource} (e.g. a counter's bytes).
 */
public record StageStatus(
    String name,
    long in,
    long out,
    Map<String, Long> dropped,
    long errors,
    long copies,
    long copyFailures,
    long leaked,
    long inFlight,
    long restarts,
    Map<String, Long> metrics)
{
}
