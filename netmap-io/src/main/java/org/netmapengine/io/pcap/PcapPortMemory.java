package org.netmapengine.io.pcap;

import org.agrona.UnsafeAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NetmapIfDescriptor;
import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.abi.NetmapSlotDescriptor;
import org.netmapengine.io.ring.Region;

import java.nio.charset.StandardCharsets;

/**
 * The memory of one pcap port, laid out as netmap lays out a port with one RX ring, so the ring code of every
 * other backend reads it: a {@code netmap_if} with no TX ring and one RX ring, the ring, and a buffer pool of the
 * ring's buffers and the extra buffers (linked from {@code ni_bufs_head}). Native memory of the process, private to
 * the port: a pcap port shares its buffers with no other port, so packets leave it by copy.
 * <pre>
 *  +---------------------------+ 0
 *  | netmap_if                 |  ni_tx_rings 0, ni_rx_rings 1 (host rings counted, never bound)
 *  +---------------------------+ RING_OFFSET (256)
 *  | netmap_ring (RX) + slots  |  num_slots slots, buffers 2 .. num_slots + 1
 *  +---------------------------+ buffer pool (4 KiB aligned)
 *  | buffers 0 .. N-1          |  0 and 1 reserved, as in netmap; then the ring's, then the extra buffers
 *  +---------------------------+
 * </pre>
 */
final class PcapPortMemory
{
    static final int RING_OFFSET = 256;
    private static final int PAGE = 4096;
    private static final int IF_RINGS = 3;

    private final Region region;
    private final long ringAddress;

    private PcapPortMemory(final Region region, final long ringAddress)
    {
        this.region = region;
        this.ringAddress = ringAddress;
    }

    /**
     * Allocates and lays out the memory; the region frees it when released.
     *
     * @param name         the port, for the region's name and the interface's.
     * @param memId        a memory id to report.
     * @param slots        slots of the RX ring.
     * @param bufferSize   bytes per buffer.
     * @param extraBuffers extra buffers to link from {@code ni_bufs_head}.
     */
    static PcapPortMemory allocate(
        final String name, final int memId, final int slots, final int bufferSize, final int extraBuffers)
    {
        final long bufferPool = align(RING_OFFSET + NetmapRingDescriptor.footprint(slots), PAGE);
        final int buffers = NetmapApi.NETMAP_FIRST_VALID_BUFFER + slots + extraBuffers;
        final long size = bufferPool + (long)buffers * bufferSize;
        final long raw = UnsafeAccess.UNSAFE.allocateMemory(size + PAGE);
        final long base = align(raw, PAGE);
        UnsafeAccess.UNSAFE.setMemory(base, size, (byte)0);
        final Region region = new Region("pcap " + name, memId, base, size, base + bufferPool, bufferSize, buffers,
            () -> UnsafeAccess.UNSAFE.freeMemory(raw));

        writeInterface(base, name);
        final long ring = base + RING_OFFSET;
        writeRing(ring, slots, bufferSize, base + bufferPool - ring);
        linkExtraBuffers(base, region, NetmapApi.NETMAP_FIRST_VALID_BUFFER + slots, extraBuffers);
        return new PcapPortMemory(region, ring);
    }

    Region region()
    {
        return region;
    }

    /** @return where the {@code netmap_if} is, from the region's start: 0. */
    long nifpOffset()
    {
        return 0;
    }

    long ringAddress()
    {
        return ringAddress;
    }

    private static void writeInterface(final long base, final String name)
    {
        final UnsafeBuffer nifp = new UnsafeBuffer(base, NetmapIfDescriptor.footprint(IF_RINGS));
        final byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        nifp.putBytes(NetmapIfDescriptor.NI_NAME_OFFSET, text, 0, Math.min(text.length, NetmapApi.IFNAMSIZ - 1));
        nifp.putInt(NetmapIfDescriptor.NI_VERSION_OFFSET, NetmapApi.NETMAP_API);
        nifp.putInt(NetmapIfDescriptor.NI_TX_RINGS_OFFSET, 0);
        nifp.putInt(NetmapIfDescriptor.NI_RX_RINGS_OFFSET, 1);
        nifp.putInt(NetmapIfDescriptor.NI_HOST_TX_RINGS_OFFSET, 1);
        nifp.putInt(NetmapIfDescriptor.NI_HOST_RX_RINGS_OFFSET, 1);
        // ring_ofs[]: TX 0 (none), host TX, RX 0, host RX: only RX 0 is bound.
        nifp.putLong(NetmapIfDescriptor.ringOfsOffset(1 + 1), RING_OFFSET);
    }

    private static void writeRing(final long ring, final int slots, final int bufferSize, final long bufOfs)
    {
        final UnsafeBuffer r = new UnsafeBuffer(ring, NetmapRingDescriptor.footprint(slots));
        r.putLong(NetmapRingDescriptor.BUF_OFS_OFFSET, bufOfs);
        r.putInt(NetmapRingDescriptor.NUM_SLOTS_OFFSET, slots);
        r.putInt(NetmapRingDescriptor.NR_BUF_SIZE_OFFSET, bufferSize);
        r.putShort(NetmapRingDescriptor.DIR_OFFSET, (short)NetmapRingDescriptor.DIR_RX);
        for (int s = 0; s < slots; s++)
        {
            r.putInt(NetmapRingDescriptor.SLOTS_OFFSET + s * NetmapSlotDescriptor.SIZE +
                NetmapSlotDescriptor.BUF_IDX_OFFSET, NetmapApi.NETMAP_FIRST_VALID_BUFFER + s);
        }
    }

    private static void linkExtraBuffers(final long base, final Region region, final int first, final int count)
    {
        final UnsafeBuffer link = new UnsafeBuffer(0, 0);
        int head = 0;
        for (int i = count - 1; i >= 0; i--)
        {
            link.wrap(region.bufferAddress(first + i), Integer.BYTES);
            link.putInt(0, head);
            head = first + i;
        }
        new UnsafeBuffer(base, NetmapIfDescriptor.SIZE).putInt(NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET, head);
    }

    private static long align(final long value, final int alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
