package org.netmapengine.engine.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One port of a running pipeline, as a packet node publishes it: what it received (it owns those buffers and
 * counts how each of its packets ended) and what it transmitted. A port that only receives has zero TX counters;
 * one that only transmits has zero RX counters and no buffers of its own.
 *
 * @param pipeline    the pipeline it belongs to.
 * @param port        its name in the pipeline.
 * @param netmapName  its netmap name ({@code netmap:eth0}, {@code netmap:p}0/R}).
 * @param backend     {@code kernel} (native netmap, {@code /dev/netmap}) or {@code emulated}.
 * @param rxPackets   packets taken from its RX rings.
 * @param rxBytes     their bytes.
 * @param txPackets   packets put on its TX rings.
 * @param txBytes     their bytes.
 * @param dropped     packets received on this port and dropped anywhere in the pipeline, by reason.
 * @param txFull      packets this port could not transmit because its ring stayed full.
 * @param txErrors    packets this port could not transmit because it failed.
 * @param freeBuffers buffers in its free list.
 * @param buffers     extra buffers it owns.
 * @param inFlight    packets it issued that have not come back yet.
 * @param kernelDropped frames the kernel dropped before they reached its RX rings (emulated NIC ports: the packet
 *                    socket's counters); never received, so outside {@code dropped}.
 * @param oversizeDropped frames larger than a buffer, dropped before its RX rings (emulated NIC ports).
 */
public record PortSnapshot(
    String pipeline,
    String port,
    String netmapName,
    String backend,
    long rxPackets,
    long rxBytes,
    long txPackets,
    long txBytes,
    Map<String, Long> dropped,
    long txFull,
    long txErrors,
    int freeBuffers,
    int buffers,
    long inFlight,
    long kernelDropped,
    long oversizeDropped)
{
    public PortSnapshot
    {
        dropped = new LinkedHashMap<>(dropped);
    }

    /** @return every drop of a packet received here, whatever the reason. */
    public long droppedTotal()
    {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
