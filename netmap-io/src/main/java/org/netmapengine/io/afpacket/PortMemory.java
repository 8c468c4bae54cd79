package org.netmapengine.io.afpacket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NetmapIfDescriptor;
import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.ring.Region;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The private memory region of one emulated NIC port, laid out as netmap's allocator lays out a port's memory, so
 * {@code NetmapPort}, {@code RingView} and every receiver and transmitter work on it unchanged:
 *
 * <pre>
 *  +------------------------------+ 0
 *  | netmap_if                    |  K NIC rings each way and one (unbound) host ring each way
 *  +------------------------------+ 128-byte aligned
 *  | bound TX rings, then RX rings|  netmap_ring header + slots each
 *  +------------------------------+ 4 KiB aligned
 *  | buffers 0 .. N-1             |  0 and 1 reserved; then one per ring slot; then the extra buffers,
 *  +------------------------------+  linked from ni_bufs_head through each buffer's first u32
 * </pre>
 * The region is anonymous shared memory owned by the port ({@code NI_PRIV_MEM}); buffers of another port are in
 * another region, so moving a packet between two such ports copies it (as between two netmap allocators).
 * Rings start as the kernel leaves them at registration: RX empty ({@code head = cur = tail = 0}), TX all free
 * ({@code tail = num_slots - 1}).
 */
final class PortMemory
{
    private static final AtomicInteger NEXT_MEM_ID = new AtomicInteger(0x20000);

    private final Region region;
    private final long[] txRings;
    private final long[] rxRings;

    private PortMemory(final Region region, final long[] txRings, final long[] rxRings)
    {
        this.region = region;
        this.txRings = txRings;
        this.rxRings = rxRings;
    }

    /**
     * @param rings        NIC rings of the interface, each way ({@code ni_tx_rings = ni_rx_rings}).
     * @param txBound      which TX rings to create (the others have offset 0, unbound).
     * @param rxBound      which RX rings to create.
     * @param extraBuffers buffers to link from {@code ni_bufs_head}.
     */
    static PortMemory allocate(
        final String port,
        final String ifname,
        final int rings,
        final boolean[] txBound,
        final boolean[] rxBound,
        final int slots,
        final int bufferSize,
        final int extraBuffers)
    {
        final int totalRings = 2 * rings + 2;
        final long ifSize = NetmapIfDescriptor.footprint(totalRings);
        final long ringSize = align(NetmapRingDescriptor.footprint(slots), NetmapRingDescriptor.ALIGNMENT);
        final int bound = count(txBound) + count(rxBound);
        final long ringsAt = align(ifSize, NetmapRingDescriptor.ALIGNMENT);
        final long buffersAt = align(ringsAt + bound * ringSize, 4096);
        final long buffers = NetmapApi.NETMAP_FIRST_VALID_BUFFER + (long)bound * slots + extraBuffers;
        if (buffers > Integer.MAX_VALUE / 2)
        {
            throw new NetmapException(NetmapException.Reason.INVALID_REQUEST, port, "too many buffers: " + buffers);
        }
        final long size = buffersAt + buffers * bufferSize;
        final long address;
        try
        {
            address = Pointer.nativeValue(LibC.mmap(null, size, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_SHARED | LibC.MAP_ANONYMOUS | LibC.MAP_POPULATE, -1, 0));
        }
        catch (final LastErrorException e)
        {
            throw new NetmapException(NetmapException.Reason.RESOURCE_EXHAUSTED, port, Errno.of(e),
                "cannot map a port region of " + size + " bytes: " + Errno.describe(Errno.of(e)));
        }
        final int memId = NEXT_MEM_ID.getAndIncrement();
        final Region region = new Region("af_packet " + ifname + " mem " + memId, memId, address, size,
            address + buffersAt, bufferSize, (int)buffers, () -> LibC.munmap(new Pointer(address), size));

        final UnsafeBuffer nifp = new UnsafeBuffer(address, (int)ifSize);
        final byte[] name = ifname.getBytes(StandardCharsets.US_ASCII);
        nifp.putBytes(NetmapIfDescriptor.NI_NAME_OFFSET, name, 0, Math.min(name.length, NetmapApi.IFNAMSIZ - 1));
        nifp.putInt(NetmapIfDescriptor.NI_FLAGS_OFFSET, NetmapApi.NI_PRIV_MEM);
        nifp.putInt(NetmapIfDescriptor.NI_TX_RINGS_OFFSET, rings);
        nifp.putInt(NetmapIfDescriptor.NI_RX_RINGS_OFFSET, rings);
        nifp.putInt(NetmapIfDescriptor.NI_HOST_TX_RINGS_OFFSET, 1);
        nifp.putInt(NetmapIfDescriptor.NI_HOST_RX_RINGS_OFFSET, 1);

        final long[] tx = new long[rings];
        final long[] rx = new long[rings];
        long ringAt = ringsAt;
        int nextBuffer = NetmapApi.NETMAP_FIRST_VALID_BUFFER;
        for (int dir = 0; dir < 2; dir++)
        {
            final boolean[] boundHere = 0 == dir ? txBound : rxBound;
            for (int k = 0; k < rings; k++)
            {
                if (!boundHere[k])
                {
                    continue;
                }
                final int ofsIndex = 0 == dir ? k : rings + 1 + k;
                nifp.putLong(NetmapIfDescriptor.ringOfsOffset(ofsIndex), ringAt);
                initRing(address + ringAt, address + buffersAt, k, dir, slots, bufferSize, nextBuffer);
                nextBuffer += slots;
                (0 == dir ? tx : rx)[k] = address + ringAt;
                ringAt += ringSize;
            }
        }
        int head = 0;
        for (int i = extraBuffers - 1; i >= 0; i--)
        {
            final int bufIdx = nextBuffer + i;
            new UnsafeBuffer(region.bufferAddress(bufIdx), Integer.BYTES).putInt(0, head);
            head = bufIdx;
        }
        nifp.putInt(NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET, head);
        return new PortMemory(region, tx, rx);
    }

    Region region()
    {
        return region;
    }

    /** @return the address of TX ring {@code k}, 0 when not bound. */
    long txRing(final int k)
    {
        return txRings[k];
    }

    /** @return the address of RX ring {@code k}, 0 when not bound. */
    long rxRing(final int k)
    {
        return rxRings[k];
    }

    private static void initRing(
        final long ring, final long bufferBase, final int k, final int dir, final int slots, final int bufferSize,
        final int firstBuffer)
    {
        final UnsafeBuffer r = new UnsafeBuffer(ring, NetmapRingDescriptor.footprint(slots));
        r.putLong(NetmapRingDescriptor.BUF_OFS_OFFSET, bufferBase - ring);
        r.putInt(NetmapRingDescriptor.NUM_SLOTS_OFFSET, slots);
        r.putInt(NetmapRingDescriptor.NR_BUF_SIZE_OFFSET, bufferSize);
        r.putShort(NetmapRingDescriptor.RINGID_OFFSET, (short)k);
        r.putShort(NetmapRingDescriptor.DIR_OFFSET, (short)dir);
        r.putInt(NetmapRingDescriptor.HEAD_OFFSET, 0);
        r.putInt(NetmapRingDescriptor.CUR_OFFSET, 0);
        r.putIntVolatile(NetmapRingDescriptor.TAIL_OFFSET, NetmapRingDescriptor.DIR_TX == dir ? slots - 1 : 0);
        for (int s = 0; s < slots; s++)
        {
            r.putInt(NetmapRingDescriptor.slotOffset(s), firstBuffer + s);
        }
    }

    private static int count(final boolean[] bound)
    {
        int n = 0;
        for (final boolean b : bound)
        {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static long align(final long value, final long alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
