package org.netmapengine.io.emulated;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.os.Futex;
import org.netmapengine.io.os.ProcessIdentity;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortDriver;
import org.netmapengine.io.ring.RingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.netmapengine.io.emulated.EmulatedRegionDescriptor.*;

/**
 * The kernel's half of one open end of an emulated netmap pipe: the syncs and {@code poll}.
 * <p>
 * The sync algorithm is netmap's own for pipes. TX ring {@code k} of this end and RX ring {@code k} of the
 * peer end have the same number of slots and share their buffers slot by slot:
 * <ul>
 *     <li>TX sync copies each new slot descriptor (16 bytes: buffer index, length, flags, offset) into the
 *     same slot of the peer's RX ring and publishes the peer's {@code pipe_tail} past the last complete
 *     packet. The buffer changes hands; no byte of the packet is copied.</li>
 *     <li>RX sync copies each released slot back into the peer's TX ring (so a buffer the receiver swapped
 *     in, flagged {@code NS_BUF_CHANGED}, replaces the one it took) and publishes the peer TX ring's
 *     {@code pipe_tail} one slot behind, keeping netmap's one reserved slot.</li>
 * </ul>
 * The two ends never lock: each writes its own kring state, and the only words written across ends are
 * the {@code pipe_tail}s, stored with release semantics after the slots and loaded with acquire semantics
 * before them. A sync that published something bumps the peer's futex word and wakes it if it sleeps in
 * {@link #poll}.
 * <p>
 * Not thread-safe: called by the port's owner thread only.
 */
final class PipeEndpoint implements PortDriver
{
    private static final Logger LOG = LoggerFactory.getLogger(PipeEndpoint.class);
    /** How long poll sleeps before it checks that the peer process still lives. */
    private static final long LIVENESS_SLICE_NANOS = 50_000_000L;

    private final EmulatedRegion region;
    private final String port;
    private final int pipe;
    private final int end;
    private final int user;
    private final long flags;
    private final RingView[] tx;
    private final RingView[] txPeer;
    private final UnsafeBuffer[] txKring;
    private final UnsafeBuffer[] txPeerKring;
    private final RingView[] rx;
    private final RingView[] rxPeer;
    private final UnsafeBuffer[] rxKring;
    private final UnsafeBuffer[] rxPeerKring;
    private final UnsafeBuffer meta;
    private final int ownSeq;
    private final int ownWaiters;
    private final int peerSeq;
    private final int peerWaiters;
    private final int peerEnd;
    private final Futex futex = new Futex();
    private long ringResets;
    private boolean closed;

    PipeEndpoint(final EmulatedRegion region, final String port, final PipeAllocator.OpenedEnd opened, final long flags)
    {
        this.region = region;
        this.port = port;
        this.pipe = opened.pipe();
        this.end = opened.end();
        this.user = opened.user();
        this.flags = flags;
        final int txCount = opened.txBound().length;
        final int rxCount = opened.rxBound().length;
        this.tx = new RingView[txCount];
        this.txPeer = new RingView[txCount];
        this.txKring = new UnsafeBuffer[txCount];
        this.txPeerKring = new UnsafeBuffer[txCount];
        for (int i = 0; i < txCount; i++)
        {
            final int k = opened.txBound()[i];
            final long own = ringAddress(end, NetmapRingDescriptor.DIR_TX, k);
            final long peer = ringAddress(1 - end, NetmapRingDescriptor.DIR_RX, k);
            tx[i] = new RingView(own);
            txPeer[i] = new RingView(peer);
            txKring[i] = new UnsafeBuffer(own, NetmapRingDescriptor.HEADER_SIZE);
            txPeerKring[i] = new UnsafeBuffer(peer, NetmapRingDescriptor.HEADER_SIZE);
        }
        this.rx = new RingView[rxCount];
        this.rxPeer = new RingView[rxCount];
        this.rxKring = new UnsafeBuffer[rxCount];
        this.rxPeerKring = new UnsafeBuffer[rxCount];
        for (int i = 0; i < rxCount; i++)
        {
            final int k = opened.rxBound()[i];
            final long own = ringAddress(end, NetmapRingDescriptor.DIR_RX, k);
            final long peer = ringAddress(1 - end, NetmapRingDescriptor.DIR_TX, k);
            rx[i] = new RingView(own);
            rxPeer[i] = new RingView(peer);
            rxKring[i] = new UnsafeBuffer(own, NetmapRingDescriptor.HEADER_SIZE);
            rxPeerKring[i] = new UnsafeBuffer(peer, NetmapRingDescriptor.HEADER_SIZE);
        }
        this.meta = region.meta();
        final int entry = PipeAllocator.entry(region, pipe);
        this.peerEnd = 1 - end;
        this.ownSeq = entry + wakeOffset(end) + WAKE_SEQ;
        this.ownWaiters = entry + wakeOffset(end) + WAKE_WAITERS;
        this.peerSeq = entry + wakeOffset(peerEnd) + WAKE_SEQ;
        this.peerWaiters = entry + wakeOffset(peerEnd) + WAKE_WAITERS;
    }

    @Override
    public void txSync()
    {
        boolean published = false;
        for (int i = 0; i < tx.length; i++)
        {
            published |= txSync(tx[i], txKring[i], txPeer[i], txPeerKring[i]);
        }
        if (published)
        {
            wake(peerSeq, peerWaiters);
        }
    }

    private boolean txSync(final RingView ring, final UnsafeBuffer kring, final RingView peer, final UnsafeBuffer peerKring)
    {
        final int hwtail = kring.getIntVolatile(KRING_PIPE_TAIL_OFFSET);
        int m = newSlots(ring, kring, hwtail);
        boolean published = false;
        if (m > 0)
        {
            int k = kring.getInt(KRING_HWCUR_OFFSET);
            int complete = -1;
            for (; m > 0; m--)
            {
                ring.copySlotTo(k, peer, k);
                final int slotFlags = clearBufChanged(ring, k);
                k = ring.next(k);
                if (0 == (slotFlags & NetmapApi.NS_MOREFRAG))
                {
                    complete = k;
                }
            }
            kring.putInt(KRING_HWCUR_OFFSET, k);
            if (complete >= 0)
            {
                // Only complete packets become visible to the peer.
                peerKring.putIntOrdered(KRING_PIPE_TAIL_OFFSET, complete);
                published = true;
            }
        }
        finish(ring, kring, hwtail);
        return published;
    }

    @Override
    public void rxSync()
    {
        boolean published = false;
        for (int i = 0; i < rx.length; i++)
        {
            published |= rxSync(rx[i], rxKring[i], rxPeer[i], rxPeerKring[i]);
        }
        if (published)
        {
            wake(peerSeq, peerWaiters);
        }
    }

    private boolean rxSync(final RingView ring, final UnsafeBuffer kring, final RingView peer, final UnsafeBuffer peerKring)
    {
        final int hwtail = kring.getIntVolatile(KRING_PIPE_TAIL_OFFSET);
        int m = newSlots(ring, kring, hwtail);
        boolean published = false;
        if (m > 0)
        {
            int k = kring.getInt(KRING_HWCUR_OFFSET);
            for (; m > 0; m--)
            {
                // Copy back always: a swapped-in buffer (and any offset) returns to the sender's ring.
                ring.copySlotTo(k, peer, k);
                clearBufChanged(ring, k);
                k = ring.next(k);
            }
            peerKring.putIntOrdered(KRING_PIPE_TAIL_OFFSET, 0 == k ? ring.numSlots() - 1 : k - 1);
            kring.putInt(KRING_HWCUR_OFFSET, k);
            published = true;
        }
        finish(ring, kring, hwtail);
        return published;
    }

    /**
     * The kernel's sync prologue: learns {@code hwtail} (the peer's {@code pipe_tail}), checks the user's
     * {@code head} against {@code [hwcur, hwtail]} and resets the ring when it is outside.
     *
     * @return slots the user handed over since the last sync: {@code head - hwcur}, 0 after a reset.
     */
    private int newSlots(final RingView ring, final UnsafeBuffer kring, final int hwtail)
    {
        kring.putInt(KRING_HWTAIL_OFFSET, hwtail);
        final int hwcur = kring.getInt(KRING_HWCUR_OFFSET);
        final int handed = ring.distance(hwcur, ring.head());
        if (handed > ring.distance(hwcur, hwtail))
        {
            reset(ring, hwcur, hwtail);
            return 0;
        }
        return handed;
    }

    /** The kernel's sync epilogue: stamps the ring if asked and publishes {@code tail}. */
    private static void finish(final RingView ring, final UnsafeBuffer kring, final int hwtail)
    {
        stamp(ring, kring);
        ring.tailRelease(hwtail);
    }

    /** @return the slot's flags as they were; {@code NS_BUF_CHANGED} is cleared once the change is passed on. */
    private static int clearBufChanged(final RingView ring, final int slot)
    {
        final int slotFlags = ring.slotFlags(slot);
        if (0 != (slotFlags & NetmapApi.NS_BUF_CHANGED))
        {
            ring.slotFlags(slot, slotFlags & ~NetmapApi.NS_BUF_CHANGED);
        }
        return slotFlags;
    }

    @Override
    public int poll(final int events, final int timeoutMillis)
    {
        final long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        long nextLivenessCheck = System.nanoTime() + LIVENESS_SLICE_NANOS;
        while (true)
        {
            // Read before syncing: a peer that publishes after this read bumps the word and cuts the sleep short.
            final int seq = meta.getIntVolatile(ownSeq);
            int revents = syncAndCheck(events);
            if (0 != revents || 0 == timeoutMillis)
            {
                return revents;
            }
            final long now = System.nanoTime();
            if (now - deadline >= 0)
            {
                return 0;
            }
            if (now - nextLivenessCheck >= 0)
            {
                checkPeer();
                nextLivenessCheck = now + LIVENESS_SLICE_NANOS;
            }
            meta.getAndAddInt(ownWaiters, 1);
            try
            {
                futex.await(region.address() + ownSeq, seq, Math.min(deadline - now, LIVENESS_SLICE_NANOS));
            }
            finally
            {
                meta.getAndAddInt(ownWaiters, -1);
            }
        }
    }

    private int syncAndCheck(final int events)
    {
        syncForPoll(events, flags);
        int revents = 0;
        if (0 != (events & NetmapPort.POLLIN))
        {
            for (final RingView ring : rx)
            {
                if (!ring.isEmpty())
                {
                    revents |= NetmapPort.POLLIN;
                    break;
                }
            }
        }
        if (0 != (events & NetmapPort.POLLOUT))
        {
            for (final RingView ring : tx)
            {
                if (!ring.isEmpty())
                {
                    revents |= NetmapPort.POLLOUT;
                    break;
                }
            }
        }
        return revents;
    }

    /**
     * @throws NetmapException PEER_DIED when a process holding the other end is gone without closing it.
     */
    private void checkPeer()
    {
        final int entry = PipeAllocator.entry(region, pipe);
        for (int u = 0; u < USERS_PER_END; u++)
        {
            final int userAt = entry + userOffset(peerEnd, u);
            if (USER_STATE_OPEN == meta.getIntVolatile(userAt + USER_STATE))
            {
                final ProcessIdentity peer = new ProcessIdentity(meta.getInt(userAt + USER_PID),
                    meta.getLong(userAt + USER_START_TIME));
                if (!peer.isAlive())
                {
                    throw new NetmapException(NetmapException.Reason.PEER_DIED, port,
                        "the process holding the other end of this pipe (pid " + peer.pid() + ") died without " +
                        "closing it; packets it had not received are lost, and the end can be opened again");
                }
            }
        }
    }

    private void wake(final int seq, final int waiters)
    {
        meta.getAndAddInt(seq, 1);
        if (0 != meta.getIntVolatile(waiters))
        {
            Futex.wakeAll(region.address() + seq);
        }
    }

    /** What the kernel does on an invalid head: back to its own view, in-flight user state lost. */
    private void reset(final RingView ring, final int hwcur, final int hwtail)
    {
        ringResets++;
        if (Long.bitCount(ringResets) == 1)
        {
            LOG.warn("{}: {} has head={} outside [hwcur={}, hwtail={}]: ring reset ({} so far)", port, ring,
                ring.head(), hwcur, hwtail, ringResets);
        }
        ring.advanceRelease(hwcur);
    }

    private static void stamp(final RingView ring, final UnsafeBuffer kring)
    {
        if (0 != (ring.ringFlags() & NetmapApi.NR_TIMESTAMP))
        {
            final long micros = System.currentTimeMillis() * 1000L;
            kring.putLong(NetmapRingDescriptor.TS_SEC_OFFSET, micros / 1_000_000L);
            kring.putLong(NetmapRingDescriptor.TS_USEC_OFFSET, micros % 1_000_000L);
        }
    }

    /** @return ring resets caused by an invalid head, since open. */
    long ringResets()
    {
        return ringResets;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        wake(peerSeq, peerWaiters);
        region.withLock(() ->
        {
            PipeAllocator.close(region, pipe, end, user);
            return null;
        });
    }

    private long ringAddress(final int ofEnd, final int dir, final int k)
    {
        return region.address() + region.ringOffset(PipeAllocator.ringObject(region, pipe, ofEnd, dir, k));
    }
}
