package org.netmapengine.actors;

import java.util.List;

/**
 * A running pipeline's counters at one moment: every receiving port, transmitting port and stage actor.
 * Answers that did not come within the status timeout are missing from the lists.
 */
public record PipelineStatus(
    String pipeline,
    long nanoTime,
    List<PortStatus> receivers,
    List<TransmitterStatus> transmitters,
    List<SegmentStatus> segments)
{
    /** @return packets issued by the receivers and not yet back. */
    public long inFlight()
    {
        return receivers.stream().mapToLong(PortStatus::inFlight).sum();
    }

    /** @return spare buffers stage actors hold (counted in flight by their lenders until they come back). */
    public long spareBuffers()
    {
        return segments.stream().mapToLong(SegmentStatus::spareBuffers).sum();
    }
}
