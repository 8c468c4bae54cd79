package org.netmapengine.actors;

import akka.actor.typed.ActorRef;

/**
 * Where an actor sends its batches: one stage actor or transmitter, or the parallel instances of a stage,
 * of which {@link #pick} chooses by flow hash so that a flow always meets the same instance.
 * <p>
 * Immutable.
 */
public final class Downstream
{
    private final ActorRef<HandleBatch.Work>[] instances;

    @SafeVarargs
    public Downstream(final ActorRef<HandleBatch.Work>... instances)
    {
        if (instances.length == 0)
        {
            throw new IllegalArgumentException("a downstream needs at least one actor");
        }
        this.instances = instances.clone();
    }

    public int instances()
    {
        return instances.length;
    }

    public boolean isParallel()
    {
        return instances.length > 1;
    }

    /** @return the instance for a packet of flow hash {@code hash}. */
    public int pick(final int hash)
    {
        return Math.floorMod(hash, instances.length);
    }

    /** Sends to the only instance. */
    public void send(final HandleBatch batch)
    {
        instances[0].tell(batch.work());
    }

    /** Sends to instance {@code instance}. */
    public void send(final int instance, final HandleBatch batch)
    {
        instances[instance].tell(batch.work());
    }

    public ActorRef<HandleBatch.Work> instance(final int i)
    {
        return instances[i];
    }
}
