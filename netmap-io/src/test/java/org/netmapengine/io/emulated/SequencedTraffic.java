package org.netmapengine.io.emulated;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.ring.RingView;

/**
 * Sends and receives packets whose first 8 bytes carry a sequence number, through ring 0 of a port, the way
 * an application drives netmap: fill slots, publish head once per batch, one sync per batch, poll when the
 * ring is full or empty.
 */
final class SequencedTraffic
{
    /** What a receiver saw. */
    record Received(long packets, long outOfOrder, long firstBad, long lastSequence)
    {
    }

    private SequencedTraffic()
    {
    }

    /** Sends {@code count} 60-byte packets numbered 0 .. count-1. */
    static void send(final NetmapPort port, final long count, final int batch)
    {
        final RingView tx = port.txRing(0);
        final UnsafeBuffer packet = new UnsafeBuffer(0, 0);
        long sequence = 0;
        while (sequence < count)
        {
            final int space = tx.space();
            if (0 == space)
            {
                port.poll(NetmapPort.POLLOUT, 1000);
                continue;
            }
            final int n = (int)Math.min(Math.min(space, batch), count - sequence);
            int head = tx.head();
            for (int i = 0; i < n; i++)
            {
                packet.wrap(tx.slotBufferAddress(head), 64);
                packet.putLong(0, sequence++);
                tx.len(head, 60);
                head = tx.next(head);
            }
            tx.advanceRelease(head);
            port.txSync();
        }
    }

    /** Receives {@code count} packets, checking each sequence number follows the one before. */
    static Received receive(final NetmapPort port, final long count)
    {
        final RingView rx = port.rxRing(0);
        final UnsafeBuffer packet = new UnsafeBuffer(0, 0);
        long expected = 0;
        long packets = 0;
        long outOfOrder = 0;
        long firstBad = -1;
        long idleSince = System.nanoTime();
        while (packets < count)
        {
            int head = rx.head();
            final int tail = rx.tailAcquire();
            if (head == tail)
            {
                if (0 == port.poll(NetmapPort.POLLIN, 1000) && System.nanoTime() - idleSince > 30_000_000_000L)
                {
                    break;
                }
                continue;
            }
            idleSince = System.nanoTime();
            while (head != tail)
            {
                packet.wrap(rx.slotBufferAddress(head), 64);
                final long sequence = packet.getLong(0);
                if (sequence != expected || rx.len(head) != 60)
                {
                    outOfOrder++;
                    if (firstBad < 0)
                    {
                        firstBad = sequence;
                    }
                }
                expected = sequence + 1;
                packets++;
                head = rx.next(head);
            }
            rx.advanceRelease(head);
            port.rxSync();
        }
        return new Received(packets, outOfOrder, firstBad, expected - 1);
    }
}
