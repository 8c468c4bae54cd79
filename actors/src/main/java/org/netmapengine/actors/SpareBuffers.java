package org.netmapengine.actors;

/**
 * Buffers a port lent to a stage actor for copies: index and address of each, all of one owner and region.
 * <p>
 * Not thread-safe: the stage actor's own.
 */
final class SpareBuffers
{
    private int[] bufIdx = new int[0];
    private long[] address = new long[0];
    private int count;
    private int region = -1;
    private boolean requested;
    private akka.actor.typed.ActorRef<PortReceiver.Command> lender;

    /** @return the receiver the spares came from and go back to. */
    akka.actor.typed.ActorRef<PortReceiver.Command> lender()
    {
        return lender;
    }

    void lender(final akka.actor.typed.ActorRef<PortReceiver.Command> lender)
    {
        this.lender = lender;
    }

    int count()
    {
        return count;
    }

    int region()
    {
        return region;
    }

    boolean requested()
    {
        return requested;
    }

    void requested(final boolean requested)
    {
        this.requested = requested;
    }

    void push(final int bufIdx, final long address, final int region)
    {
        if (count == this.bufIdx.length)
        {
            final int capacity = Math.max(64, 2 * count);
            this.bufIdx = java.util.Arrays.copyOf(this.bufIdx, capacity);
            this.address = java.util.Arrays.copyOf(this.address, capacity);
        }
        this.bufIdx[count] = bufIdx;
        this.address[count++] = address;
        this.region = region;
    }

    /** @return the index of the spare on top, to read with {@link #bufIdx(int)}; call {@link #pop()} after. */
    int top()
    {
        return count - 1;
    }

    int bufIdx(final int i)
    {
        return bufIdx[i];
    }

    long address(final int i)
    {
        return address[i];
    }

    void pop()
    {
        count--;
    }
}
