package org.netmapengine.io.pktgen;

import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.ring.Region;
import org.netmapengine.io.ring.RingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.locks.LockSupport;

/**
 * pkt-gen's {@code -f tx}: fills the free slots of a port's TX rings with UDP frames, a burst at a time, until
 * the count, the duration or a {@link #stop()} ends it.
 * <p>
 * Each batch: decide its size once (burst, what is left of the count, what the rate allows, free slots), write
 * that many frames in place into the slots' buffers, publish {@code head} once and sync once. When every ring is
 * full it waits in {@code poll(POLLOUT)}. At the end it syncs until the rings drain, so a receiver gets the last
 * batch before the port closes. Nothing is allocated per packet.
 * <p>
 * {@link #run()} belongs to one thread, which must own the port; {@link #stop()} and {@link #counters()} may be
 * used from any thread.
 */
public final class PacketGenerator implements Runnable
{
    /** Longest wait in poll, so {@link #stop()} and the end of the duration are seen within it. */
    public static final int POLL_TIMEOUT_MS = 100;
    /** How long draining may go without a slot coming back before the generator gives up on a receiver. */
    private static final long DRAIN_PATIENCE_NANOS = 1_000_000_000L;
    private static final long DRAIN_PARK_NANOS = 50_000L;
    private static final Logger LOG = LoggerFactory.getLogger(PacketGenerator.class);

    private final NetmapPort port;
    private final RingView[] rings;
    private final Region region;
    private final FrameSource frames;
    private final RunLimits limits;
    private final TrafficCounters counters = new TrafficCounters();
    private volatile boolean stopRequested;

    /**
     * @throws IllegalArgumentException when the port binds no TX ring or the frames do not fit its buffers.
     */
    public PacketGenerator(final NetmapPort port, final FrameSpec spec, final RunLimits limits)
    {
        if (0 == port.txRingCount())
        {
            throw new IllegalArgumentException(port.name() + ": no TX ring is bound, nothing to send on (a /R port?)");
        }
        final int bufferSize = port.txRing(0).bufferSize();
        if (spec.length() > bufferSize)
        {
            throw new IllegalArgumentException(port.name() + ": frame length " + spec.length() +
                " does not fit the port's " + bufferSize + "-byte buffers; use a length of " + bufferSize + " or less");
        }
        this.port = port;
        this.rings = new RingView[port.txRingCount()];
        for (int i = 0; i < rings.length; i++)
        {
            rings[i] = port.txRing(i);
        }
        this.region = port.region();
        this.frames = new FrameSource(spec);
        this.limits = limits;
    }

    public TrafficCounters counters()
    {
        return counters;
    }

    /** Asks the loop to end after its current batch, without draining; safe from any thread, e.g. on SIGINT. */
    public void stop()
    {
        stopRequested = true;
    }

    @Override
    public void run()
    {
        final long start = System.nanoTime();
        counters.start(start);
        final Pacer pacer = limits.isPaced() ? new Pacer(limits.ratePps(), limits.burst(), start) : null;
        long sent = 0;
        while (!stopRequested)
        {
            final long now = System.nanoTime();
            int budget = limits.batchLimit(sent);
            if (0 == budget || (limits.hasDuration() && now - start >= limits.durationNanos()))
            {
                break;
            }
            if (null != pacer)
            {
                budget = Math.min(budget, pacer.allowance(now, sent));
                if (0 == budget)
                {
                    pacer.awaitNextBatch(now, sent);
                    continue;
                }
            }
            final int n = sendBatch(budget);
            if (0 == n)
            {
                port.poll(NetmapPort.POLLOUT, POLL_TIMEOUT_MS);
            }
            sent += n;
        }
        drain();
        counters.finish(System.nanoTime());
    }

    /** @return frames sent: up to {@code budget}, fewer when the rings are fuller. */
    private int sendBatch(final int budget)
    {
        int sent = 0;
        for (int i = 0; i < rings.length && sent < budget; i++)
        {
            sent += fill(rings[i], budget - sent);
        }
        if (sent > 0)
        {
            port.txSync();
            counters.add(sent, (long)sent * frames.length());
        }
        return sent;
    }

    private int fill(final RingView ring, final int budget)
    {
        final int n = Math.min(budget, ring.space());
        final int length = frames.length();
        int slot = ring.head();
        for (int i = 0; i < n; i++)
        {
            final int bufIdx = RingView.headBufIdx(ring.slotHead(slot));
            if (!region.isValidBuffer(bufIdx))
            {
                throw brokenSlot(ring, slot, bufIdx);
            }
            // The constructor compared the frame length with the buffer size, so the frame fits its buffer.
            frames.writeNext(ring.bufferAddress(bufIdx));
            ring.slotHead(slot, bufIdx, length, 0);
            slot = ring.next(slot);
        }
        if (n > 0)
        {
            ring.advanceRelease(slot);
        }
        return n;
    }

    /** A TX slot no kernel leaves behind: writing a frame through it would write outside the region. */
    private NetmapException brokenSlot(final RingView ring, final int slot, final int bufIdx)
    {
        return new NetmapException(NetmapException.Reason.SYSTEM_ERROR, port.name(), 0, ring + ": slot " + slot +
            " holds buffer index " + bufIdx + ", outside the region's " + region.bufferCount() +
            " buffers (a broken peer?); pkt-gen stops rather than write there");
    }

    /** Syncs until every slot is back, a stop is asked, or no slot has come back for a while. */
    private void drain()
    {
        int pending = pending();
        long lastProgress = System.nanoTime();
        while (!stopRequested && pending > 0)
        {
            LockSupport.parkNanos(DRAIN_PARK_NANOS);
            port.txSync();
            final int now = pending();
            final long time = System.nanoTime();
            if (now < pending)
            {
                lastProgress = time;
            }
            else if (time - lastProgress > DRAIN_PATIENCE_NANOS)
            {
                LOG.warn("{}: {} packets still in the TX rings after {} ms without progress; is a receiver running?",
                    port.name(), now, DRAIN_PATIENCE_NANOS / 1_000_000);
                return;
            }
            pending = now;
        }
    }

    /** @return slots handed to the kernel and not yet given back, over all rings (netmap keeps one slot empty). */
    private int pending()
    {
        int pending = 0;
        for (final RingView ring : rings)
        {
            pending += ring.numSlots() - 1 - ring.space();
        }
        return pending;
    }
}
