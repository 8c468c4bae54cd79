package org.netmapengine.pipeline;

/**
 * A flow hash of a packet: equal for every packet of a flow, so parallel instances fed by it see whole flows.
 * Implementations are allocation-free and never throw on malformed frames.
 */
@FunctionalInterface
public interface FlowHash
{
    /** @return the hash of packet {@code i} of {@code batch}. */
    int hash(PacketBatch batch, int i);
}
