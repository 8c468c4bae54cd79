package org.netmapengine.actors;

import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.ring.FreeList;
import org.netmapengine.io.ring.Region;
import org.netmapengine.io.ring.RingView;
import org.netmapengine.pipeline.PacketBatch;

/**
 * Takes received packets out of a port's RX rings into handles, netmap-bridge style: the burst is limited
 * once (ring space, batch room, free buffers), then a counted loop swaps each slot's buffer for a free one
 * ({@code NS_BUF_CHANGED}) so the slot goes back to the kernel at once, however long the pipeline keeps the
 * packet; {@code head} is published once per ring. One RX sync per burst that took packets (two when the
 * rings looked empty at first).
 * <p>
 * Multi-slot packets ({@code NS_MOREFRAG}) are not carried: their buffers go straight back to the ring and
 * they are counted in {@link #multiSlotDropped()}. A slot whose buffer index is outside the region or whose
 * frame runs past its buffer is left alone and counted in {@link #malformedSlots()}.
 * <p>
 * Not thread-safe: the receiver's own.
 */
final class RxBurst
{
    private final NetmapPort port;
    private final FreeList free;
    private final int owner;
    private final Region region;
    private int nextRing;
    private boolean inMultiSlotPacket;
    private long multiSlotDropped;
    private long malformedSlots;
    private long bytes;

    RxBurst(final NetmapPort port, final int owner)
    {
        this.port = port;
        this.free = port.freeList();
        this.owner = owner;
        this.region = port.region();
    }

    /**
     * Moves up to {@code into}'s free room of packets from the RX rings into {@code into}.
     *
     * @return slots taken off the rings (multi-slot fragments included).
     */
    int receive(final PacketBatch into)
    {
        int taken = takeFromRings(into);
        if (0 == taken)
        {
            // Rings empty as far as we know: learn new packets, then take them.
            port.rxSync();
            taken = takeFromRings(into);
        }
        if (taken > 0)
        {
            // One sync per batch: the slots just consumed go back to the sender now, not when the ring looks
            // empty, so the sender never waits a whole ring's worth for room.
            port.rxSync();
        }
        return taken;
    }

    private int takeFromRings(final PacketBatch into)
    {
        int taken = 0;
        final int rings = port.rxRingCount();
        for (int r = 0; r < rings && !into.isFull() && !free.isEmpty(); r++)
        {
            final RingView ring = port.rxRing(nextRing);
            nextRing = nextRing + 1 == rings ? 0 : nextRing + 1;
            taken += takeFromRing(ring, into);
        }
        return taken;
    }

    private int takeFromRing(final RingView ring, final PacketBatch into)
    {
        final int n = Math.min(ring.space(), Math.min(into.capacity() - into.count(), free.size()));
        final boolean offsets = 0 != ring.offsetMask();
        int slot = ring.head();
        for (int i = 0; i < n; i++)
        {
            // Index, length and flags in one read; the swap in one write, flagged NS_BUF_CHANGED.
            final long head = ring.slotHead(slot);
            final int bufIdx = RingView.headBufIdx(head);
            final int length = RingView.headLength(head);
            final int flags = RingView.headFlags(head);
            final boolean moreFollows = 0 != (flags & NetmapApi.NS_MOREFRAG);
            if (inMultiSlotPacket || moreFollows)
            {
                // Its buffers stay in the ring; the packet is counted once, at its last slot.
                if (!moreFollows)
                {
                    multiSlotDropped++;
                }
                inMultiSlotPacket = moreFollows;
            }
            else
            {
                final int offset = offsets ? ring.packetOffset(slot) : 0;
                if (!region.isValidBuffer(bufIdx) || length > region.bufferSize() - offset)
                {
                    // A slot no kernel writes (a broken peer): taking it would hand stages memory outside any
                    // buffer, as every later bound is the handle's length. Its buffer stays in the ring.
                    malformedSlots++;
                }
                else
                {
                    ring.slotHead(slot, free.pop(), length, flags | NetmapApi.NS_BUF_CHANGED);
                    into.add(bufIdx, ring.bufferAddress(bufIdx), offset, length, owner, region.id(), owner);
                    bytes += length;
                }
            }
            slot = ring.next(slot);
        }
        ring.advanceRelease(slot);
        return n;
    }

    long multiSlotDropped()
    {
        return multiSlotDropped;
    }

    /** @return slots left in the ring because their buffer index or length was impossible. */
    long malformedSlots()
    {
        return malformedSlots;
    }

    /** @return bytes of the packets taken (frames without FCS). */
    long bytes()
    {
        return bytes;
    }
}
