package org.netmapengine.io.emulated;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NetmapIfDescriptor;
import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.abi.NetmapSlotDescriptor;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.os.ProcessIdentity;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.netmapengine.io.emulated.EmulatedRegionDescriptor.*;

/**
 * Creates and destroys emulated pipes and opens and closes their ends, as netmap's pipe adapter does:
 * <ul>
 *     <li>the first end to open creates both ends' rings; TX ring {@code k} of one end and RX ring {@code k}
 *     of the other share their slots' buffers (the kernel copies the buffer indices at registration);</li>
 *     <li>several file descriptors may open one end, each binding its own rings ({@code /R}, {@code /T},
 *     {@code -N}), as netmap allows; a ring has one user at a time here (netmap would let two share it and
 *     lose syncs to races), so binding a ring another live user holds gets {@link Reason#BUSY};</li>
 *     <li>a user whose process died is reclaimed by the next opener;</li>
 *     <li>the pipe and its buffers go when no user of either end remains.</li>
 * </ul>
 * Every method runs under the region's lock ({@link EmulatedRegion#withLock}).
 */
final class PipeAllocator
{
    private static final Logger LOG = LoggerFactory.getLogger(PipeAllocator.class);

    /** What {@link #open} bound. Ring numbers are those of the pipe, in {@code [0, rings)}. */
    record OpenedEnd(int pipe, int end, int user, int rings, long nifpOffset, int extraBuffers, int[] txBound, int[] rxBound)
    {
    }

    private PipeAllocator()
    {
    }

    /**
     * Opens {@code end} of pipe {@code pipeId}, creating the pipe when neither end is open.
     *
     * @param pipeId       identifies the pipe within the region: its parent and its id, as pipes of different
     *                     parents may share a region ({@code @N}).
     *
     * @param rings        ring pairs the pipe should have; 0 = whatever it has, 1 when new.
     * @param slots        slots per ring; 0 = whatever it has, the region default when new.
     * @param oneRing      bind only this ring pair, or -1 for all.
     * @param bindTx       bind the TX rings (false for {@code /R}).
     * @param bindRx       bind the RX rings (false for {@code /T}).
     * @param extraBuffers extra buffers to ask for; fewer are granted when the pool runs short.
     */
    static OpenedEnd open(
        final EmulatedRegion region,
        final String port,
        final String interfaceName,
        final String pipeId,
        final int end,
        final int rings,
        final int slots,
        final int oneRing,
        final boolean bindTx,
        final boolean bindRx,
        final int extraBuffers)
    {
        final UnsafeBuffer meta = region.meta();
        int pipe = find(region, pipeId);
        if (pipe < 0)
        {
            pipe = create(region, port, pipeId, 0 == rings ? 1 : rings, 0 == slots ? region.defaultSlots() : slots);
        }
        final int entry = entry(region, pipe);
        final int pipeRings = pipeRings(region, entry);
        final int pipeSlots = pipeSlots(region, entry);
        if ((rings != 0 && rings != pipeRings) || (slots != 0 && slots != pipeSlots))
        {
            throw new NetmapException(Reason.INVALID_REQUEST, port, "the pipe exists with rings=" + pipeRings +
                " slots=" + pipeSlots + "; its other end asked for rings=" + rings + " slots=" + slots);
        }
        if (oneRing >= pipeRings)
        {
            throw new NetmapException(Reason.INVALID_REQUEST, port, "ring " + oneRing + " does not exist: the pipe has " +
                pipeRings + " ring pair" + (pipeRings == 1 ? "" : "s"));
        }
        final int[] txBound = bound(bindTx, oneRing, pipeRings);
        final int[] rxBound = bound(bindRx, oneRing, pipeRings);
        final int txMask = mask(txBound);
        final int rxMask = mask(rxBound);
        int user = -1;
        for (int u = 0; u < USERS_PER_END; u++)
        {
            final int userAt = entry + userOffset(end, u);
            if (USER_STATE_OPEN == meta.getInt(userAt + USER_STATE))
            {
                final ProcessIdentity holder = new ProcessIdentity(meta.getInt(userAt + USER_PID),
                    meta.getLong(userAt + USER_START_TIME));
                if (!holder.isAlive())
                {
                    LOG.warn("{}: reclaiming the pipe end left open by pid {}, which died", port, holder.pid());
                    releaseUser(region, pipe, end, u);
                }
                else if (0 != (meta.getInt(userAt + USER_TX_MASK) & txMask) ||
                    0 != (meta.getInt(userAt + USER_RX_MASK) & rxMask))
                {
                    throw new NetmapException(Reason.BUSY, port, Errno.EBUSY, "these rings of the pipe end are " +
                        "already bound by pid " + holder.pid() + "; emulated pipes give each ring one user " +
                        "(bind RX and TX on separate ports with /R and /T)");
                }
            }
            if (user < 0 && USER_STATE_CLOSED == meta.getInt(userAt + USER_STATE))
            {
                user = u;
            }
        }
        if (user < 0)
        {
            throw new NetmapException(Reason.RESOURCE_EXHAUSTED, port, "this pipe end already has " + USERS_PER_END +
                " users");
        }
        final long ifOffset = region.ifOffset(pipe, end, user);
        final UnsafeBuffer nifp = new UnsafeBuffer(region.address() + ifOffset, ifObjectSize());
        nifp.setMemory(0, ifObjectSize(), (byte)0);
        final byte[] name = interfaceName.getBytes(StandardCharsets.US_ASCII);
        nifp.putBytes(NetmapIfDescriptor.NI_NAME_OFFSET, name, 0, Math.min(name.length, NetmapApi.IFNAMSIZ - 1));
        nifp.putInt(NetmapIfDescriptor.NI_VERSION_OFFSET, NetmapApi.NETMAP_API);
        nifp.putInt(NetmapIfDescriptor.NI_TX_RINGS_OFFSET, pipeRings);
        nifp.putInt(NetmapIfDescriptor.NI_RX_RINGS_OFFSET, pipeRings);
        // Like the kernel, report one (fake, never bound) host ring each way.
        nifp.putInt(NetmapIfDescriptor.NI_HOST_TX_RINGS_OFFSET, 1);
        nifp.putInt(NetmapIfDescriptor.NI_HOST_RX_RINGS_OFFSET, 1);
        for (final int k : txBound)
        {
            final long ringOffset = region.ringOffset(ringObject(region, pipe, end, NetmapRingDescriptor.DIR_TX, k));
            nifp.putLong(NetmapIfDescriptor.ringOfsOffset(k), ringOffset - ifOffset);
            resetUserView(region, ringOffset);
        }
        for (final int k : rxBound)
        {
            final long ringOffset = region.ringOffset(ringObject(region, pipe, end, NetmapRingDescriptor.DIR_RX, k));
            nifp.putLong(NetmapIfDescriptor.ringOfsOffset(pipeRings + 1 + k), ringOffset - ifOffset);
            resetUserView(region, ringOffset);
        }

        int granted = 0;
        int listHead = 0;
        final UnsafeBuffer link = new UnsafeBuffer(0, 0);
        while (granted < extraBuffers)
        {
            final int bufIdx = region.allocateBuffer();
            if (0 == bufIdx)
            {
                break;
            }
            link.wrap(region.address() + region.bufferOffset(bufIdx), Integer.BYTES);
            link.putInt(0, listHead);
            listHead = bufIdx;
            granted++;
        }
        nifp.putInt(NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET, listHead);

        final int userAt = entry + userOffset(end, user);
        final ProcessIdentity self = ProcessIdentity.self();
        meta.putInt(userAt + USER_PID, self.pid());
        meta.putLong(userAt + USER_START_TIME, self.startTime());
        meta.putInt(userAt + USER_TX_MASK, txMask);
        meta.putInt(userAt + USER_RX_MASK, rxMask);
        meta.putInt(userAt + USER_EXTRA_BUFS, granted);
        meta.putIntVolatile(userAt + USER_STATE, USER_STATE_OPEN);
        return new OpenedEnd(pipe, end, user, pipeRings, ifOffset, granted, txBound, rxBound);
    }

    /**
     * Closes one user of an end: frees the buffers on its extra-buffer list, unbinds its rings, and destroys
     * the pipe when no user of either end remains.
     */
    static void close(final EmulatedRegion region, final int pipe, final int end, final int user)
    {
        releaseUser(region, pipe, end, user);
        final int entry = entry(region, pipe);
        for (int e = END_MASTER; e <= END_SLAVE; e++)
        {
            for (int u = 0; u < USERS_PER_END; u++)
            {
                if (USER_STATE_OPEN == region.meta().getInt(entry + userOffset(e, u) + USER_STATE))
                {
                    return;
                }
            }
        }
        destroy(region, pipe);
    }

    /** @return ring object index of ring {@code k} in direction {@code dir} of {@code end}. */
    static int ringObject(final EmulatedRegion region, final int pipe, final int end, final int dir, final int k)
    {
        return region.meta().getInt(entry(region, pipe) + ringTableOffset(end, dir, k));
    }

    static int entry(final EmulatedRegion region, final int pipe)
    {
        return (int)region.pipeEntryOffset(pipe);
    }

    private static int mask(final int[] rings)
    {
        int mask = 0;
        for (final int k : rings)
        {
            mask |= 1 << k;
        }
        return mask;
    }

    private static int[] bound(final boolean bind, final int oneRing, final int rings)
    {
        if (!bind)
        {
            return new int[0];
        }
        if (oneRing >= 0)
        {
            return new int[]{oneRing};
        }
        final int[] all = new int[rings];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** A (re)opened end starts from the kernel's view of the ring: {@code head = cur = hwcur, tail = hwtail}. */
    private static void resetUserView(final EmulatedRegion region, final long ringOffset)
    {
        final UnsafeBuffer ring = new UnsafeBuffer(region.address() + ringOffset, NetmapRingDescriptor.HEADER_SIZE);
        final int hwcur = ring.getInt(KRING_HWCUR_OFFSET);
        ring.putInt(NetmapRingDescriptor.HEAD_OFFSET, hwcur);
        ring.putInt(NetmapRingDescriptor.CUR_OFFSET, hwcur);
        ring.putIntVolatile(NetmapRingDescriptor.TAIL_OFFSET, ring.getInt(KRING_HWTAIL_OFFSET));
    }

    private static int find(final EmulatedRegion region, final String pipeId)
    {
        final byte[] id = pipeId.getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer meta = region.meta();
        for (int pipe = 0; pipe < region.pipeCount(); pipe++)
        {
            final int entry = entry(region, pipe);
            if (PIPE_STATE_IN_USE == meta.getInt(entry + PIPE_STATE_OFFSET) && idEquals(meta, entry, id))
            {
                return pipe;
            }
        }
        return -1;
    }

    private static boolean idEquals(final UnsafeBuffer meta, final int entry, final byte[] id)
    {
        for (int i = 0; i < id.length; i++)
        {
            if (meta.getByte(entry + PIPE_ID_OFFSET + i) != id[i])
            {
                return false;
            }
        }
        return 0 == meta.getByte(entry + PIPE_ID_OFFSET + id.length);
    }

    private static int create(
        final EmulatedRegion region, final String port, final String pipeId, final int rings, final int slots)
    {
        if (rings > MAX_PIPE_RINGS)
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, port, "rings=" + rings + ": emulated pipes have at most " +
                MAX_PIPE_RINGS + " ring pairs");
        }
        if (slots > region.maxSlots() || slots < 2)
        {
            throw new NetmapException(Reason.INVALID_REQUEST, port, "slots=" + slots + ": this region's rings take 2 to " +
                region.maxSlots() + " slots");
        }
        final byte[] id = pipeId.getBytes(StandardCharsets.US_ASCII);
        if (id.length >= PIPE_ID_SIZE)
        {
            throw new NetmapException(Reason.INVALID_REQUEST, port, "pipe id longer than " + (PIPE_ID_SIZE - 1) + " bytes");
        }
        final UnsafeBuffer meta = region.meta();
        int pipe = -1;
        for (int p = 0; p < region.pipeCount() && pipe < 0; p++)
        {
            if (PIPE_STATE_FREE == meta.getInt(entry(region, p) + PIPE_STATE_OFFSET))
            {
                pipe = p;
            }
        }
        if (pipe < 0)
        {
            throw new NetmapException(Reason.RESOURCE_EXHAUSTED, port, "all " + region.pipeCount() + " pipes of " +
                region.path() + " are in use");
        }
        final int entry = entry(region, pipe);
        meta.setMemory(entry, PIPE_ENTRY_SIZE, (byte)0);
        meta.putBytes(entry + PIPE_ID_OFFSET, id);
        meta.putInt(entry + PIPE_RINGS_OFFSET, rings);
        meta.putInt(entry + PIPE_SLOTS_OFFSET, slots);

        final int[] rings4 = new int[4 * rings];
        Arrays.fill(rings4, -1);
        try
        {
            int n = 0;
            for (int end = END_MASTER; end <= END_SLAVE; end++)
            {
                for (int dir = NetmapRingDescriptor.DIR_TX; dir <= NetmapRingDescriptor.DIR_RX; dir++)
                {
                    for (int k = 0; k < rings; k++)
                    {
                        final int ring = region.allocateRing();
                        if (ring < 0)
                        {
                            throw new NetmapException(Reason.RESOURCE_EXHAUSTED, port, "out of ring objects in " +
                                region.path() + " (a pipe needs " + 4 * rings + ")");
                        }
                        rings4[n++] = ring;
                        meta.putInt(entry + ringTableOffset(end, dir, k), ring);
                        initRing(region, ring, slots, k, dir);
                    }
                }
            }
            for (int end = END_MASTER; end <= END_SLAVE; end++)
            {
                for (int k = 0; k < rings; k++)
                {
                    fillSharedBuffers(region, port,
                        ringAddress(region, pipe, end, NetmapRingDescriptor.DIR_TX, k),
                        ringAddress(region, pipe, 1 - end, NetmapRingDescriptor.DIR_RX, k), slots);
                }
            }
        }
        catch (final RuntimeException e)
        {
            freeAllocated(region, rings4, slots);
            meta.setMemory(entry, PIPE_ENTRY_SIZE, (byte)0);
            throw e;
        }
        meta.putIntVolatile(entry + PIPE_STATE_OFFSET, PIPE_STATE_IN_USE);
        return pipe;
    }

    private static void initRing(final EmulatedRegion region, final int ring, final int slots, final int k, final int dir)
    {
        final long ringOffset = region.ringOffset(ring);
        final UnsafeBuffer r = new UnsafeBuffer(region.address() + ringOffset, NetmapRingDescriptor.footprint(slots));
        r.setMemory(0, NetmapRingDescriptor.footprint(slots), (byte)0);
        r.putLong(NetmapRingDescriptor.BUF_OFS_OFFSET, region.bufferOffset(0) - ringOffset);
        r.putInt(NetmapRingDescriptor.NUM_SLOTS_OFFSET, slots);
        r.putInt(NetmapRingDescriptor.NR_BUF_SIZE_OFFSET, region.bufferSize());
        r.putShort(NetmapRingDescriptor.RINGID_OFFSET, (short)k);
        r.putShort(NetmapRingDescriptor.DIR_OFFSET, (short)dir);
        // A new TX ring is all free but the one slot netmap keeps in reserve; a new RX ring is empty.
        final int tail = NetmapRingDescriptor.DIR_TX == dir ? slots - 1 : 0;
        r.putInt(NetmapRingDescriptor.TAIL_OFFSET, tail);
        r.putInt(KRING_HWTAIL_OFFSET, tail);
        r.putInt(KRING_PIPE_TAIL_OFFSET, tail);
    }

    /** Gives every slot of {@code txRing} a new buffer and copies the slots to the peer's {@code rxRing}. */
    private static void fillSharedBuffers(
        final EmulatedRegion region, final String port, final long txRing, final long rxRing, final int slots)
    {
        final UnsafeBuffer tx = new UnsafeBuffer(txRing, NetmapRingDescriptor.footprint(slots));
        final UnsafeBuffer rx = new UnsafeBuffer(rxRing, NetmapRingDescriptor.footprint(slots));
        for (int s = 0; s < slots; s++)
        {
            final int bufIdx = region.allocateBuffer();
            if (0 == bufIdx)
            {
                throw new NetmapException(Reason.RESOURCE_EXHAUSTED, port, "out of buffers in " + region.path() +
                    " (" + region.freeBuffers() + " free; a ring of " + slots + " slots needs as many)");
            }
            final int slot = NetmapRingDescriptor.slotOffset(s);
            tx.putInt(slot + NetmapSlotDescriptor.BUF_IDX_OFFSET, bufIdx);
            tx.putShort(slot + NetmapSlotDescriptor.LEN_OFFSET, (short)region.bufferSize());
            rx.putInt(slot + NetmapSlotDescriptor.BUF_IDX_OFFSET, bufIdx);
            rx.putShort(slot + NetmapSlotDescriptor.LEN_OFFSET, (short)region.bufferSize());
        }
    }

    /** @return the pipe's ring pairs, as its entry in the shared file says, checked against what a pipe can have. */
    private static int pipeRings(final EmulatedRegion region, final int entry)
    {
        final int rings = region.meta().getInt(entry + PIPE_RINGS_OFFSET);
        if (rings < 1 || rings > MAX_PIPE_RINGS)
        {
            throw new IllegalStateException(region.path() + ": a pipe with " + rings + " rings, not in [1, " +
                MAX_PIPE_RINGS + "]: a damaged region file");
        }
        return rings;
    }

    /** @return the slots of each of the pipe's rings, checked against the region's largest ring. */
    private static int pipeSlots(final EmulatedRegion region, final int entry)
    {
        final int slots = region.meta().getInt(entry + PIPE_SLOTS_OFFSET);
        if (slots < 2 || slots > region.maxSlots())
        {
            throw new IllegalStateException(region.path() + ": a pipe with " + slots + " slots per ring, not in [2, " +
                region.maxSlots() + "]: a damaged region file");
        }
        return slots;
    }

    /**
     * Frees a pipe: for each ring pair the slots in {@code [rx.hwcur, rx.pipe_tail)} hold their buffers on
     * the RX side (sent, not yet released), every other slot on the TX side.
     */
    private static void destroy(final EmulatedRegion region, final int pipe)
    {
        final UnsafeBuffer meta = region.meta();
        final int entry = entry(region, pipe);
        final int rings = pipeRings(region, entry);
        final int slots = pipeSlots(region, entry);
        for (int end = END_MASTER; end <= END_SLAVE; end++)
        {
            for (int k = 0; k < rings; k++)
            {
                final UnsafeBuffer tx = new UnsafeBuffer(ringAddress(region, pipe, end, NetmapRingDescriptor.DIR_TX, k),
                    NetmapRingDescriptor.footprint(slots));
                final UnsafeBuffer rx = new UnsafeBuffer(ringAddress(region, pipe, 1 - end, NetmapRingDescriptor.DIR_RX, k),
                    NetmapRingDescriptor.footprint(slots));
                final int from = rx.getInt(KRING_HWCUR_OFFSET);
                final int to = rx.getInt(KRING_PIPE_TAIL_OFFSET);
                for (int s = 0; s < slots; s++)
                {
                    final boolean onRxSide = from <= to ? s >= from && s < to : s >= from || s < to;
                    final UnsafeBuffer holder = onRxSide ? rx : tx;
                    final int bufIdx = holder.getInt(NetmapRingDescriptor.slotOffset(s) + NetmapSlotDescriptor.BUF_IDX_OFFSET);
                    if (region.region().isValidBuffer(bufIdx))
                    {
                        region.freeBuffer(bufIdx);
                    }
                }
            }
        }
        for (int end = END_MASTER; end <= END_SLAVE; end++)
        {
            for (int dir = NetmapRingDescriptor.DIR_TX; dir <= NetmapRingDescriptor.DIR_RX; dir++)
            {
                for (int k = 0; k < rings; k++)
                {
                    region.freeRing(meta.getInt(entry + ringTableOffset(end, dir, k)));
                }
            }
        }
        meta.setMemory(entry, PIPE_ENTRY_SIZE, (byte)0);
    }

    private static void freeAllocated(final EmulatedRegion region, final int[] rings, final int slots)
    {
        for (final int ring : rings)
        {
            if (ring < 0)
            {
                continue;
            }
            final UnsafeBuffer r = new UnsafeBuffer(region.address() + region.ringOffset(ring),
                NetmapRingDescriptor.footprint(slots));
            if (NetmapRingDescriptor.DIR_TX == r.getShort(NetmapRingDescriptor.DIR_OFFSET))
            {
                for (int s = 0; s < slots; s++)
                {
                    final int bufIdx = r.getInt(NetmapRingDescriptor.slotOffset(s) + NetmapSlotDescriptor.BUF_IDX_OFFSET);
                    if (0 != bufIdx)
                    {
                        region.freeBuffer(bufIdx);
                    }
                }
            }
            region.freeRing(ring);
        }
    }

    /** Frees a user's extra-buffer list and marks it closed; buffers it held elsewhere stay out. */
    private static void releaseUser(final EmulatedRegion region, final int pipe, final int end, final int user)
    {
        final UnsafeBuffer meta = region.meta();
        final UnsafeBuffer nifp = new UnsafeBuffer(region.address() + region.ifOffset(pipe, end, user), ifObjectSize());
        final UnsafeBuffer link = new UnsafeBuffer(0, 0);
        int bufIdx = nifp.getInt(NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET);
        int freed = 0;
        while (0 != bufIdx && region.region().isValidBuffer(bufIdx) && freed < region.region().bufferCount())
        {
            link.wrap(region.address() + region.bufferOffset(bufIdx), Integer.BYTES);
            final int next = link.getInt(0);
            region.freeBuffer(bufIdx);
            freed++;
            bufIdx = next;
        }
        if (0 != bufIdx)
        {
            LOG.warn("extra-buffer list of pipe end {} ends at invalid bufIdx={} after {} buffers", end, bufIdx, freed);
        }
        nifp.setMemory(0, ifObjectSize(), (byte)0);
        final int userAt = entry(region, pipe) + userOffset(end, user);
        meta.setMemory(userAt + USER_PID, USER_EXTRA_BUFS + Integer.BYTES - USER_PID, (byte)0);
        meta.putIntVolatile(userAt + USER_STATE, USER_STATE_CLOSED);
    }

    private static long ringAddress(final EmulatedRegion region, final int pipe, final int end, final int dir, final int k)
    {
        return region.address() + region.ringOffset(ringObject(region, pipe, end, dir, k));
    }
}
