package org.netmapengine.actors;

import akka.actor.DeadLetter;
import akka.actor.typed.Behavior;
import akka.actor.typed.eventstream.EventStream;
import akka.actor.typed.javadsl.Behaviors;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.PacketBatch;

/**
 * Recovers buffers from messages that reached a stopped actor: when a stage actor or transmitter stops with
 * batches in its mailbox, or is sent more, Akka delivers them as dead letters. Their packets go back to
 * their owners as dropped ({@code stage-stopped}) and lent spares as unused, so every packet stays accounted
 * for and no buffer leaks.
 */
public final class DeadLetterSalvager
{
    private DeadLetterSalvager()
    {
    }

    public static Behavior<DeadLetter> create()
    {
        return Behaviors.setup(context ->
        {
            context.getSystem().eventStream().tell(new EventStream.Subscribe<>(DeadLetter.class, context.getSelf()));
            return Behaviors.receiveMessage(dead ->
            {
                salvage(dead.message());
                return Behaviors.same();
            });
        });
    }

    private static void salvage(final Object message)
    {
        if (message instanceof HandleBatch.Work)
        {
            final HandleBatch batch = ((HandleBatch.Work)message).batch();
            final PacketBatch packets = batch.packets();
            for (int i = 0; i < packets.count(); i++)
            {
                batch.returnDropped(packets.bufIdx(i), DropReason.STAGE_STOPPED.id());
            }
            packets.clear();
            batch.sendReturns();
        }
        else if (message instanceof StageActor.Spares)
        {
            final HandleBatch batch = ((StageActor.Spares)message).batch();
            if (null != batch)
            {
                final PacketBatch packets = batch.packets();
                for (int i = 0; i < packets.count(); i++)
                {
                    batch.returnUnusedSpare(packets.bufIdx(i));
                }
                packets.clear();
                batch.sendReturns();
            }
        }
    }
}
