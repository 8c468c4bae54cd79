package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import org.netmapengine.pipeline.PacketBatch;

/**
 * A {@link PacketBatch} on its way between actors, with the buffers its last user is giving back.
 * <p>
 * Life cycle: its <em>home</em> actor (a receiver or a stage actor) takes it from its pool, fills it with
 * handles of one <em>owner</em> port and sends it downstream ({@link Work}). The actor that finishes with it
 * writes the buffers of packets that ended there (transmitted, or dropped with a reason) into its return
 * list and sends it to the owner ({@link Returns}), which frees them and sends the batch home
 * ({@link Recycle}). So every message is allocation-free but for Akka's envelope: the three messages are
 * built once per batch.
 * <p>
 * Not thread-safe: it belongs to whichever actor last received it in a message.
 */
public final class HandleBatch
{
    /** Return disposition of a transmitted packet; drops use {@code 1 + reason id}. */
    public static final short TRANSMITTED = 0;
    /** Return disposition of a spare buffer that was lent and never used for a copy. */
    public static final short UNUSED_SPARE = -1;

    private final PacketBatch packets;
    private final int[] spareBufIdx;
    private final long[] spareAddress;
    private int spareCount;
    private int spareRegion = -1;
    private final int[] returnBufIdx;
    private final short[] returnDisposition;
    private final ActorRef<Recycle> home;
    private final Work work = new Work(this);
    private final Returns returns = new Returns(this);
    private final Recycle recycle = new Recycle(this);
    private int returnCount;
    private int owner = -1;
    private ActorRef<PortReceiver.Command> ownerRef;

    /**
     * @param capacity packets (and returns) the batch holds.
     */
    public HandleBatch(final int capacity, final ActorRef<Recycle> home)
    {
        this(capacity, 0, home);
    }

    /**
     * @param capacity packets the batch holds.
     * @param spares   spare buffers it can carry for its receiver's copies; returns hold packets and spares.
     */
    public HandleBatch(final int capacity, final int spares, final ActorRef<Recycle> home)
    {
        this.packets = new PacketBatch(capacity);
        this.spareBufIdx = new int[spares];
        this.spareAddress = new long[spares];
        this.returnBufIdx = new int[capacity + spares];
        this.returnDisposition = new short[capacity + spares];
        this.home = home;
    }

    public PacketBatch packets()
    {
        return packets;
    }

    /** @return the port every handle of this batch belongs to, or -1 while empty. */
    public int owner()
    {
        return owner;
    }

    /** @return the receiver of the owner port, where the batch's returns go. */
    public ActorRef<PortReceiver.Command> ownerRef()
    {
        return ownerRef;
    }

    /** Sets whose handles the batch carries: the port's id and its receiver. */
    public void owner(final int owner, final ActorRef<PortReceiver.Command> ownerRef)
    {
        this.owner = owner;
        this.ownerRef = ownerRef;
    }

    /** Sends the batch to its owner, which frees the buffers in its return list and sends it home. */
    public void sendReturns()
    {
        ownerRef.tell(returns);
    }

    public ActorRef<Recycle> home()
    {
        return home;
    }

    /** @return the message that hands this batch to a stage actor or transmitter. */
    public Work work()
    {
        return work;
    }

    /** @return the message that gives its returns to the owner. */
    public Returns returns()
    {
        return returns;
    }

    /** @return the message that brings it home. */
    public Recycle recycle()
    {
        return recycle;
    }

    // ---------------------------------------------------------------- spares carried for copies

    /** @return room for spare buffers. */
    public int spareCapacity()
    {
        return spareBufIdx.length;
    }

    /** Attaches a spare buffer the owner lends for copies of this batch's packets. */
    public void addSpare(final int bufIdx, final long address, final int region)
    {
        spareBufIdx[spareCount] = bufIdx;
        spareAddress[spareCount++] = address;
        spareRegion = region;
    }

    public int spareCount()
    {
        return spareCount;
    }

    public int spareBufIdx(final int i)
    {
        return spareBufIdx[i];
    }

    public long spareAddress(final int i)
    {
        return spareAddress[i];
    }

    public int spareRegion()
    {
        return spareRegion;
    }

    /** The spares have been taken out (by the stage actor that uses them). */
    public void clearSpares()
    {
        spareCount = 0;
    }

    // ---------------------------------------------------------------- returns

    public int returnCount()
    {
        return returnCount;
    }

    public boolean isReturnFull()
    {
        return returnCount == returnBufIdx.length;
    }

    /** Adds a buffer going back to the owner because its packet was transmitted. */
    public void returnTransmitted(final int bufIdx)
    {
        returnBufIdx[returnCount] = bufIdx;
        returnDisposition[returnCount++] = TRANSMITTED;
    }

    /** Adds a buffer going back to the owner because its packet was dropped for reason {@code reasonId}. */
    public void returnDropped(final int bufIdx, final int reasonId)
    {
        returnBufIdx[returnCount] = bufIdx;
        returnDisposition[returnCount++] = (short)(1 + reasonId);
    }

    /** Adds a lent spare buffer that goes back unused. */
    public void returnUnusedSpare(final int bufIdx)
    {
        returnBufIdx[returnCount] = bufIdx;
        returnDisposition[returnCount++] = UNUSED_SPARE;
    }

    /** Adds a buffer going back with {@code disposition}: {@link #TRANSMITTED}, {@link #UNUSED_SPARE} or a drop. */
    void addReturn(final int bufIdx, final short disposition)
    {
        returnBufIdx[returnCount] = bufIdx;
        returnDisposition[returnCount++] = disposition;
    }

    public int returnBufIdx(final int i)
    {
        return returnBufIdx[i];
    }

    /** @return {@link #TRANSMITTED}, {@link #UNUSED_SPARE}, or {@code 1 + reason id} of a drop. */
    public short returnDisposition(final int i)
    {
        return returnDisposition[i];
    }

    /** Empties packets and returns, ready for the pool. */
    public void reset()
    {
        packets.clear();
        spareCount = 0;
        returnCount = 0;
        owner = -1;
        ownerRef = null;
    }

    /** Hands a batch to a stage actor or a transmitter. */
    public record Work(HandleBatch batch) implements StageActor.Command, PortTransmitter.Command
    {
    }

    /** Gives the owner the buffers in the batch's return list; the owner then sends the batch home. */
    public record Returns(HandleBatch batch) implements PortReceiver.Command
    {
    }

    /** Brings an emptied batch back to the pool of its home actor. */
    public record Recycle(HandleBatch batch) implements PortReceiver.Command, StageActor.Command
    {
    }
}
