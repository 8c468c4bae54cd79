package org.netmapengine.actors;

/**
 * A transmitting port's counters at one moment.
 *
 * @param transmitted packets put on the TX rings (some may have been dropped as too long: see the owners).
 * @param bytes       their bytes.
 * @param zeroCopy    of those, swapped in without a copy.
 * @param copied      of those, copied (the handle's buffer was in another region).
 * @param txFull      packets dropped because the ring stayed full.
 * @param txErrors    packets dropped because the port failed.
 * @param waits       times it waited for room.
 */
public record TransmitterStatus(
    String name,
    String portName,
    String backend,
    long transmitted,
    long bytes,
    long zeroCopy,
    long copied,
    long txFull,
    long txErrors,
    long waits)
{
}
