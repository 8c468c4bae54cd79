package org.netmapengine.actors;

import akka.actor.typed.ActorRef;

/**
 * The receivers of a running pipeline by port id: where a finished batch's buffers go back.
 * <p>
 * Filled once while the pipeline starts, before any batch moves, then only read: safe to share, as every
 * reader gets it through actor creation (a happens-before edge).
 */
public final class PortDirectory
{
    private final ActorRef<PortReceiver.Command>[] owners;

    @SuppressWarnings("unchecked")
    public PortDirectory(final int ports)
    {
        this.owners = new ActorRef[ports];
    }

    /** Registers the receiver of port {@code portId}; only while the pipeline starts. */
    public void register(final int portId, final ActorRef<PortReceiver.Command> receiver)
    {
        owners[portId] = receiver;
    }

    /** @return the receiver owning the buffers of port {@code portId}. */
    public ActorRef<PortReceiver.Command> owner(final int portId)
    {
        return owners[portId];
    }

    public int size()
    {
        return owners.length;
    }
}
