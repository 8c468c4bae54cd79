package org.netmapengine.io.afpacket;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.ring.RingView;

/** Receiving loops for tests: take what arrives on a port's RX rings until a count or a deadline. */
final class PortTraffic
{
    /** What a receive saw. */
    static final class Seen
    {
        long packets;
        long slots;
        long matching;
        long[] perRing;
    }

    private PortTraffic()
    {
    }

    /**
     * Receives until {@code expected} packets (multi-slot ones count once) or {@code millis} pass; a packet
     * "matches" when {@code match} accepts the frame (read through {@link #frame}).
     */
    static Seen receive(final NetmapPort port, final long expected, final long millis, final FrameMatch match)
    {
        final Seen seen = new Seen();
        seen.perRing = new long[port.rxRingCount()];
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
        while (seen.packets < expected && System.nanoTime() - deadline < 0)
        {
            port.poll(NetmapPort.POLLIN, 20);
            for (int r = 0; r < port.rxRingCount(); r++)
            {
                final RingView ring = port.rxRing(r);
                int slot = ring.head();
                final int tail = ring.tailAcquire();
                while (slot != tail)
                {
                    seen.slots++;
                    if (0 == (ring.slotFlags(slot) & NetmapApi.NS_MOREFRAG))
                    {
                        seen.packets++;
                        seen.perRing[r]++;
                        frame.wrap(ring.slotBufferAddress(slot), ring.len(slot));
                        if (null != match && match.test(r, frame))
                        {
                            seen.matching++;
                        }
                    }
                    slot = ring.next(slot);
                }
                ring.advanceRelease(slot);
            }
        }
        port.rxSync();
        return seen;
    }

    /** Accepts a frame received on ring {@code ring}. */
    interface FrameMatch
    {
        boolean test(int ring, UnsafeBuffer frame);
    }
}
