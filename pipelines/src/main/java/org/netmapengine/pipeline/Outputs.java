package org.netmapengine.pipeline;

/**
 * Where a stage puts its decisions. Output ids come from {@link StageContext#output(String)} at start.
 * <p>
 * Each packet of a batch is decided exactly once by {@link #send} or {@link #drop}; {@link #copy} adds a copy
 * and leaves the packet itself to be decided.
 */
public interface Outputs
{
    /** Sends packet {@code packet} of the batch being processed to output {@code output}. */
    void send(int packet, int output);

    /**
     * Sends a copy of packet {@code packet} to output {@code output}: the same bytes in a buffer of its own.
     * When no spare buffer is left the copy is dropped with {@link DropReason#NO_BUFFER} (counted).
     */
    void copy(int packet, int output);

    /** Drops packet {@code packet}: its buffer goes back to its owner, counted under {@code reason}. */
    void drop(int packet, DropReason reason);
}
