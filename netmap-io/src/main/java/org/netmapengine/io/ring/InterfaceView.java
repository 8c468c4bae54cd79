package org.netmapengine.io.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapIfDescriptor;

import java.nio.charset.StandardCharsets;

/**
 * A view of one {@code struct netmap_if} (the "nifp" of a bound file descriptor) in mapped memory.
 * <p>
 * Read-only except {@link #bufsHead(int)}. Ring offsets are relative to the nifp; a ring this file
 * descriptor did not bind has offset 0 and is never dereferenced: {@link #txRingAddress(int)} and
 * {@link #rxRingAddress(int)} return 0 for it.
 */
public final class InterfaceView
{
    private final UnsafeBuffer nifp;
    private final long address;
    private final int txRings;
    private final int rxRings;
    private final int hostTxRings;
    private final int hostRxRings;

    /**
     * @param address address of the {@code netmap_if}: region base + {@code nr_offset}.
     */
    public InterfaceView(final long address)
    {
        final UnsafeBuffer header = new UnsafeBuffer(address, NetmapIfDescriptor.SIZE);
        this.address = address;
        this.txRings = header.getInt(NetmapIfDescriptor.NI_TX_RINGS_OFFSET);
        this.rxRings = header.getInt(NetmapIfDescriptor.NI_RX_RINGS_OFFSET);
        // API 14 kernels report at least one (possibly fake) host ring; 0 means an older kernel: treat as 1.
        this.hostTxRings = Math.max(1, header.getInt(NetmapIfDescriptor.NI_HOST_TX_RINGS_OFFSET));
        this.hostRxRings = Math.max(1, header.getInt(NetmapIfDescriptor.NI_HOST_RX_RINGS_OFFSET));
        if (txRings < 0 || rxRings < 0 || txRings > 4096 || rxRings > 4096 || hostTxRings > 4096 ||
            hostRxRings > 4096)
        {
            throw new IllegalStateException("implausible netmap_if at address=0x" + Long.toHexString(address) +
                ": ni_tx_rings=" + txRings + " ni_rx_rings=" + rxRings);
        }
        this.nifp = new UnsafeBuffer(address, NetmapIfDescriptor.footprint(totalRings()));
    }

    public long address()
    {
        return address;
    }

    public String name()
    {
        final byte[] bytes = new byte[NetmapIfDescriptor.NI_NAME_SIZE];
        nifp.getBytes(NetmapIfDescriptor.NI_NAME_OFFSET, bytes);
        int length = 0;
        while (length < bytes.length && bytes[length] != 0)
        {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    public int version()
    {
        return nifp.getInt(NetmapIfDescriptor.NI_VERSION_OFFSET);
    }

    public int flags()
    {
        return nifp.getInt(NetmapIfDescriptor.NI_FLAGS_OFFSET);
    }

    /** @return hardware TX rings ({@code ni_tx_rings}). */
    public int txRings()
    {
        return txRings;
    }

    /** @return hardware RX rings ({@code ni_rx_rings}). */
    public int rxRings()
    {
        return rxRings;
    }

    public int hostTxRings()
    {
        return hostTxRings;
    }

    public int hostRxRings()
    {
        return hostRxRings;
    }

    /** @return entries in {@code ring_ofs[]}: NIC and host rings of both directions. */
    public int totalRings()
    {
        return txRings + hostTxRings + rxRings + hostRxRings;
    }

    /** @return {@code ni_bufs_head}: the first extra buffer, 0 when the list is empty. */
    public int bufsHead()
    {
        return nifp.getInt(NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET);
    }

    /** (u) Sets {@code ni_bufs_head}: the list the kernel frees when the file descriptor closes. */
    public void bufsHead(final int bufIdx)
    {
        nifp.putInt(NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET, bufIdx);
    }

    /** @return raw {@code ring_ofs[index]}, relative to the nifp; 0 when the ring is not bound. */
    public long ringOfs(final int index)
    {
        return nifp.getLong(NetmapIfDescriptor.ringOfsOffset(index));
    }

    /**
     * @param i TX ring in {@code [0, txRings + hostTxRings)}: NIC rings first, then host rings.
     * @return its address, or 0 when this file descriptor did not bind it.
     */
    public long txRingAddress(final int i)
    {
        checkIndex(i, txRings + hostTxRings, "TX");
        final long ofs = ringOfs(i);
        return 0 == ofs ? 0 : address + ofs;
    }

    /**
     * @param i RX ring in {@code [0, rxRings + hostRxRings)}: NIC rings first, then host rings.
     * @return its address, or 0 when this file descriptor did not bind it.
     */
    public long rxRingAddress(final int i)
    {
        checkIndex(i, rxRings + hostRxRings, "RX");
        final long ofs = ringOfs(txRings + hostTxRings + i);
        return 0 == ofs ? 0 : address + ofs;
    }

    private static void checkIndex(final int i, final int count, final String dir)
    {
        if (i < 0 || i >= count)
        {
            throw new IndexOutOfBoundsException(dir + " ring " + i + " out of range [0, " + count + ")");
        }
    }

    @Override
    public String toString()
    {
        return "netmap_if[" + name() + " tx=" + txRings + "+" + hostTxRings + " rx=" + rxRings + "+" + hostRxRings +
            " bufs_head=" + bufsHead() + "]";
    }
}
