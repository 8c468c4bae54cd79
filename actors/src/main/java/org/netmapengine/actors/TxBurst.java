package org.netmapengine.actors;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.ring.Region;
import org.netmapengine.io.ring.RingView;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.PacketBatch;

/**
 * Puts a batch of handles on a port's TX rings, netmap-bridge style: a handle whose buffer is in the port's
 * memory region is swapped into the TX slot (zero copy) and the slot's old buffer goes back to the handle's
 * owner instead; any other handle is copied into the slot's buffer and its own buffer goes back. Either way
 * the batch's return list gets one buffer per packet. A packet longer than a buffer is dropped ({@code too-long});
 * a TX slot holding a buffer index outside the region (a broken peer) is never copied into ({@code tx-error}).
 * {@code head} is published once per ring and one TX sync follows the batch.
 * <p>
 * Not thread-safe: the transmitter's own.
 */
final class TxBurst
{
    private final NetmapPort port;
    private final Region region;
    private final UnsafeBuffer source = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer target = new UnsafeBuffer(0, 0);
    private int nextRing;
    private long zeroCopy;
    private long copied;
    private long bytes;

    TxBurst(final NetmapPort port)
    {
        this.port = port;
        this.region = port.region();
    }

    /**
     * Transmits packets {@code from ..} of {@code batch.packets()} while TX slots are free.
     *
     * @return the index of the first packet not transmitted ({@code count} when all were).
     */
    int transmit(final HandleBatch batch, final int from)
    {
        final PacketBatch packets = batch.packets();
        int next = from;
        final int rings = port.txRingCount();
        for (int r = 0; r < rings && next < packets.count(); r++)
        {
            final RingView ring = port.txRing(nextRing);
            nextRing = nextRing + 1 == rings ? 0 : nextRing + 1;
            next = fill(ring, batch, next);
        }
        port.txSync();
        return next;
    }

    private int fill(final RingView ring, final HandleBatch batch, final int from)
    {
        final PacketBatch packets = batch.packets();
        final int n = Math.min(ring.space(), packets.count() - from);
        final int bufferSize = ring.bufferSize();
        int slot = ring.head();
        for (int i = from; i < from + n; i++)
        {
            final int length = packets.length(i);
            if (length > bufferSize)
            {
                batch.returnDropped(packets.bufIdx(i), DropReason.TOO_LONG.id());
                continue;
            }
            if (packets.region(i) == region.id() && 0 == packets.offset(i))
            {
                // The slot's old buffer goes back to the owner; index, length and flags in one write.
                final long head = ring.slotHead(slot);
                ring.slotHead(slot, packets.bufIdx(i), length, RingView.headFlags(head) | NetmapApi.NS_BUF_CHANGED);
                batch.returnTransmitted(RingView.headBufIdx(head));
                zeroCopy++;
                bytes += length;
                slot = ring.next(slot);
                continue;
            }
            final int slotBuffer = ring.bufIdx(slot);
            if (!region.isValidBuffer(slotBuffer))
            {
                // A buffer index no kernel leaves in a TX slot (a broken peer): never copy through it.
                batch.returnDropped(packets.bufIdx(i), DropReason.TX_ERROR.id());
                continue;
            }
            source.wrap(packets.packetAddress(i), length);
            target.wrap(ring.bufferAddress(slotBuffer), length);
            target.putBytes(0, source, 0, length);
            batch.returnTransmitted(packets.bufIdx(i));
            copied++;
            ring.len(slot, length);
            bytes += length;
            slot = ring.next(slot);
        }
        ring.advanceRelease(slot);
        return from + n;
    }

    long zeroCopy()
    {
        return zeroCopy;
    }

    long copied()
    {
        return copied;
    }

    long bytes()
    {
        return bytes;
    }
}
