package org.netmapengine.io.pktgen;

import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.ring.Region;
import org.netmapengine.io.ring.RingView;

/**
 * pkt-gen's {@code -f rx}: counts the packets and bytes arriving on a port's RX rings, and with checks on also
 * verifies their checksums and sequence numbers, until the count, the duration or a {@link #stop()} ends it.
 * <p>
 * Each round: {@code poll(POLLIN)}, which syncs, then for each ring take the slots from {@code head} to
 * {@code tail} (up to the burst, and no more than the count leaves), and give them back with one {@code head}
 * update. Without checks the packets' bytes are never read, as in pkt-gen. A packet spread over several slots
 * ({@code NS_MOREFRAG}) counts once and is not checked. Nothing is allocated per packet.
 * <p>
 * {@link #run()} belongs to one thread, which must own the port; {@link #stop()}, {@link #counters()} and
 * {@link #checks()} may be used from any thread.
 */
public final class PacketReceiver implements Runnable
{
    /** Longest wait in poll, so {@link #stop()} and the end of the duration are seen within it. */
    public static final int POLL_TIMEOUT_MS = 100;

    private final NetmapPort port;
    private final RingView[] rings;
    private final Region region;
    private final RunLimits limits;
    private final ReceiveChecks checks;
    private final TrafficCounters counters = new TrafficCounters();
    private boolean midPacket;
    private volatile boolean stopRequested;

    /**
     * @param verify check checksums and sequence numbers of every packet (reads each packet's headers).
     * @throws IllegalArgumentException when the port binds no RX ring.
     */
    public PacketReceiver(final NetmapPort port, final RunLimits limits, final boolean verify)
    {
        if (0 == port.rxRingCount())
        {
            throw new IllegalArgumentException(port.name() + ": no RX ring is bound, nothing to receive on (a /T port?)");
        }
        this.port = port;
        this.region = port.region();
        this.rings = new RingView[port.rxRingCount()];
        for (int i = 0; i < rings.length; i++)
        {
            rings[i] = port.rxRing(i);
        }
        this.limits = limits;
        this.checks = verify ? new ReceiveChecks() : null;
    }

    public TrafficCounters counters()
    {
        return counters;
    }

    /** @return what verification found, or null when the receiver does not verify. */
    public ReceiveChecks checks()
    {
        return checks;
    }

    /** Asks the loop to end within one poll timeout; safe from any thread, e.g. on SIGINT. */
    public void stop()
    {
        stopRequested = true;
    }

    @Override
    public void run()
    {
        final long start = System.nanoTime();
        long received = 0;
        long lastBatchEnd = start;
        while (!stopRequested)
        {
            final int budget = limits.batchLimit(received);
            if (0 == budget || (limits.hasDuration() && System.nanoTime() - start >= limits.durationNanos()))
            {
                break;
            }
            if (0 == port.poll(NetmapPort.POLLIN, POLL_TIMEOUT_MS))
            {
                continue;
            }
            if (!counters.isStarted())
            {
                counters.start(System.nanoTime());
            }
            final int n = receiveBatch(budget);
            if (n > 0)
            {
                received += n;
                lastBatchEnd = System.nanoTime();
            }
        }
        // The last batch's slots are released but not yet synced: hand them back, or a sender draining its
        // rings waits for them in vain.
        port.rxSync();
        if (!counters.isStarted())
        {
            counters.start(lastBatchEnd);
        }
        counters.finish(lastBatchEnd);
    }

    /** @return packets taken from all rings, at most {@code budget}. */
    private int receiveBatch(final int budget)
    {
        int packets = 0;
        long bytes = 0;
        for (int i = 0; i < rings.length && packets < budget; i++)
        {
            final RingView ring = rings[i];
            final int head = ring.head();
            int slot = head;
            final int tail = ring.tailAcquire();
            while (slot != tail && packets < budget)
            {
                // Index, length and flags in one read.
                final long slotHead = ring.slotHead(slot);
                final int length = RingView.headLength(slotHead);
                bytes += length;
                if (0 == (RingView.headFlags(slotHead) & NetmapApi.NS_MOREFRAG))
                {
                    packets++;
                    if (null != checks && !midPacket)
                    {
                        inspect(ring, RingView.headBufIdx(slotHead), length);
                    }
                    midPacket = false;
                }
                else
                {
                    midPacket = true;
                }
                slot = ring.next(slot);
            }
            if (slot != head)
            {
                ring.advanceRelease(slot);
            }
        }
        if (packets > 0)
        {
            counters.add(packets, bytes);
        }
        return packets;
    }

    /** Verifies the frame, unless the slot names memory outside the region's buffers (a broken peer). */
    private void inspect(final RingView ring, final int bufIdx, final int length)
    {
        if (region.isValidBuffer(bufIdx) && length <= region.bufferSize())
        {
            checks.inspect(ring.bufferAddress(bufIdx), length);
        }
        else
        {
            checks.impossibleSlot();
        }
    }
}
