package org.netmapengine.actors;

import org.netmapengine.pipeline.DropReason;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A receiving port's counters at one moment, kept by the port as the owner of its buffers.
 *
 * @param name         the port's name in the pipeline.
 * @param portName     its netmap name.
 * @param backend      {@code kernel} or {@code emulated}.
 * @param received     packets taken from the ring.
 * @param receivedBytes their bytes (frames without FCS).
 * @param copies       extra handles made from the port's buffers (copies); includes spares lent and not yet
 *                     used while running, exact once they are back.
 * @param transmitted  packets (and copies) of this port put on some port's TX ring.
 * @param dropped      dropped packets (and copies) of this port by reason.
 * @param multiSlot    multi-slot packets left out (counted in neither received nor dropped).
 * @param malformedSlots slots with an impossible buffer index or length (a broken peer): RX slots left in the
 *                     ring (counted in neither received nor dropped) and TX slots' old buffers kept out of the
 *                     free list.
 * @param freeBuffers  buffers in the free list.
 * @param buffers      extra buffers the port owns.
 * @param stalls       times it stopped taking packets for want of buffers or batches (backpressure).
 * @param batches      batches it sent downstream ({@code received / batches} is the average batch).
 * @param idlePolls    times it found the ring empty and idled (one poll(), or a run of spin, yield or back-off steps).
 * @param receiving    false once shutdown began.
 * @param kernelDropped frames the kernel dropped before they reached the port's rings (emulated NIC ports:
 *                     the packet socket's {@code PACKET_STATISTICS}); never received, so outside the accounting.
 * @param oversizeDropped frames larger than a buffer, dropped before the rings (emulated NIC ports).
 */
public record PortStatus(
    String name,
    String portName,
    String backend,
    long received,
    long receivedBytes,
    long copies,
    long transmitted,
    Map<String, Long> dropped,
    long multiSlot,
    long malformedSlots,
    int freeBuffers,
    int buffers,
    long stalls,
    long batches,
    long idlePolls,
    boolean receiving,
    long kernelDropped,
    long oversizeDropped)
{
    /** @return frames lost before the rings: {@code kernelDropped + oversizeDropped}. */
    public long edgeDropped()
    {
        return kernelDropped + oversizeDropped;
    }

    /** @return packets per batch sent downstream. */
    public double averageBatch()
    {
        return 0 == batches ? 0 : (double)received / batches;
    }

    /** @return all drops, whatever the reason. */
    public long droppedTotal()
    {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return packets issued and not yet back: {@code received + copies - transmitted - dropped}. */
    public long inFlight()
    {
        return received + copies - transmitted - droppedTotal();
    }

    static Map<String, Long> reasons(final long[] byId)
    {
        final Map<String, Long> named = new LinkedHashMap<>();
        for (int id = 0; id < byId.length; id++)
        {
            if (0 != byId[id])
            {
                named.put(DropReason.byId(id).name(), byId[id]);
            }
        }
        return Collections.unmodifiableMap(named);
    }
}
