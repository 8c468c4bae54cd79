package org.netmapengine.io.port;

import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.ring.ExtraBufferList;
import org.netmapengine.io.ring.FreeList;
import org.netmapengine.io.ring.InterfaceView;
import org.netmapengine.io.ring.Region;
import org.netmapengine.io.ring.RingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * An open netmap port: the rings its file descriptor bound, the memory region they live in, its extra
 * buffers (as a {@link FreeList}) and the syncs that move them. The same class serves every backend; only
 * the {@link PortDriver} differs.
 * <p>
 * Opening goes as libnetmap's {@code nmport_open}: parse (a {@link PortSpec}), register, map, bind views;
 * a backend undoes its own steps in reverse when a later one fails, so a failed open leaves nothing behind.
 * Closing rebuilds the extra-buffer list from the free list, closes the file descriptor, then releases the
 * region, which unmaps when no port uses it any more.
 * <p>
 * Not thread-safe: one owner thread per port, for syncs, rings and free list alike.
 */
public final class NetmapPort implements AutoCloseable
{
    public static final int POLLIN = LibC.POLLIN;
    public static final int POLLOUT = LibC.POLLOUT;

    private static final Logger LOG = LoggerFactory.getLogger(NetmapPort.class);

    private final PortSpec spec;
    private final BackendKind backend;
    private final String backendDetail;
    private final Region region;
    private final InterfaceView nifp;
    private final RingView[] txRings;
    private final RingView[] rxRings;
    private final FreeList freeList;
    private final int extraBuffersGranted;
    private final PortDriver driver;
    private PortStatistics lastStatistics = PortStatistics.NONE;
    private boolean closed;

    private NetmapPort(
        final PortSpec spec,
        final BackendKind backend,
        final String backendDetail,
        final Region region,
        final InterfaceView nifp,
        final RingView[] txRings,
        final RingView[] rxRings,
        final FreeList freeList,
        final int extraBuffersGranted,
        final PortDriver driver)
    {
        this.spec = spec;
        this.backend = backend;
        this.backendDetail = backendDetail;
        this.region = region;
        this.nifp = nifp;
        this.txRings = txRings;
        this.rxRings = rxRings;
        this.freeList = freeList;
        this.extraBuffersGranted = extraBuffersGranted;
        this.driver = driver;
    }

    /**
     * Binds the views of a port a backend has registered and mapped: the interface at
     * {@code region + nifpOffset}, every ring with a non-zero offset, and the extra buffers.
     * <p>
     * Takes nothing over on failure: the caller still owns {@code driver} and its reference to {@code region}
     * and must close and release them.
     *
     * @param granted extra buffers the kernel granted ({@code nr_extra_bufs} after registration).
     * @throws NetmapException NOT_ENOUGH_EXTRA_BUFFERS when {@code granted} is below what the options require.
     */
    public static NetmapPort bind(
        final PortSpec spec,
        final BackendKind backend,
        final String backendDetail,
        final Region region,
        final long nifpOffset,
        final int granted,
        final PortOptions options,
        final PortDriver driver)
    {
        if (granted < options.requiredExtraBuffers())
        {
            throw new NetmapException(NetmapException.Reason.NOT_ENOUGH_EXTRA_BUFFERS, spec.name(),
                "asked for " + options.extraBuffers() + " extra buffers and got " + granted + ", but the port needs " +
                "at least " + options.requiredExtraBuffers() + " (fewer extra buffers per port, or a larger memory " +
                "region: more buffers in the allocator)");
        }
        final InterfaceView nifp = new InterfaceView(region.address() + nifpOffset);
        final List<RingView> tx = new ArrayList<>();
        for (int i = 0; i < nifp.txRings() + nifp.hostTxRings(); i++)
        {
            final long address = nifp.txRingAddress(i);
            if (0 != address)
            {
                tx.add(ringInRegion(spec, region, address, "TX ring " + i));
            }
        }
        final List<RingView> rx = new ArrayList<>();
        for (int i = 0; i < nifp.rxRings() + nifp.hostRxRings(); i++)
        {
            final long address = nifp.rxRingAddress(i);
            if (0 != address)
            {
                rx.add(ringInRegion(spec, region, address, "RX ring " + i));
            }
        }
        final FreeList freeList = new FreeList(granted);
        ExtraBufferList.take(nifp, region, granted, freeList);
        return new NetmapPort(spec, backend, backendDetail, region, nifp, tx.toArray(new RingView[0]),
            rx.toArray(new RingView[0]), freeList, granted, driver);
    }

    /**
     * A ring of the port, checked once against its region: header and slots inside it, and its buffers the region's,
     * as {@code ring_ofs} and {@code buf_ofs} from the kernel or a shared file promise. Everything after trusts the
     * ring's geometry (slot indices are checked against it; buffer indices against the region).
     */
    private static RingView ringInRegion(final PortSpec spec, final Region region, final long address,
        final String which)
    {
        final long end = region.address() + region.size();
        if (address < region.address() || address > end - NetmapRingDescriptor.HEADER_SIZE)
        {
            throw new NetmapException(NetmapException.Reason.SYSTEM_ERROR, spec.name(), which + " at 0x" +
                Long.toHexString(address) + " lies outside the memory region " + region);
        }
        final RingView ring = new RingView(address);
        if (address + NetmapRingDescriptor.footprint(ring.numSlots()) > end ||
            ring.bufferBase() != region.bufferAddress(0) || ring.bufferSize() != region.bufferSize())
        {
            throw new NetmapException(NetmapException.Reason.SYSTEM_ERROR, spec.name(), which + " does not fit the " +
                "memory region " + region + ": " + ring.numSlots() + " slots, buffers of " + ring.bufferSize() +
                " bytes from 0x" + Long.toHexString(ring.bufferBase()));
        }
        return ring;
    }

    public PortSpec spec()
    {
        return spec;
    }

    /** @return the port's name as the user wrote it. */
    public String name()
    {
        return spec.name();
    }

    /** @return which backend runs this port: {@link BackendKind#KERNEL} or {@link BackendKind#EMULATED}. */
    public BackendKind backend()
    {
        return backend;
    }

    public Region region()
    {
        return region;
    }

    public InterfaceView nifp()
    {
        return nifp;
    }

    /** @return bound TX rings, NIC rings before host rings. */
    public int txRingCount()
    {
        return txRings.length;
    }

    /** @return bound RX rings, NIC rings before host rings. */
    public int rxRingCount()
    {
        return rxRings.length;
    }

    public RingView txRing(final int i)
    {
        return txRings[i];
    }

    public RingView rxRing(final int i)
    {
        return rxRings[i];
    }

    /** @return the port's free buffers, filled from its extra buffers at open. */
    public FreeList freeList()
    {
        return freeList;
    }

    public int extraBuffersGranted()
    {
        return extraBuffersGranted;
    }

    /** @return extra buffers not in the free list now: held by handles, or swapped into rings. */
    public int buffersOut()
    {
        return extraBuffersGranted - freeList.size();
    }

    public void txSync()
    {
        driver.txSync();
    }

    public void rxSync()
    {
        driver.rxSync();
    }

    /** @see PortDriver#poll(int, int) */
    public int poll(final int events, final int timeoutMillis)
    {
        return driver.poll(events, timeoutMillis);
    }

    /** @see PortDriver#statistics() */
    public PortStatistics statistics()
    {
        return closed ? lastStatistics : driver.statistics();
    }

    public boolean isClosed()
    {
        return closed;
    }

    /**
     * Hands the free list back as the extra-buffer list, closes the file descriptor and releases the region.
     * Buffers still out are reported: they leak until the allocator is reset. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (freeList.size() != extraBuffersGranted)
            {
                LOG.warn("{}: closing with {} of {} extra buffers; {} are still out and leak until the memory " +
                    "region is reset", spec.name(), freeList.size(), extraBuffersGranted, buffersOut());
            }
            ExtraBufferList.rebuild(nifp, region, freeList);
        }
        finally
        {
            try
            {
                lastStatistics = driver.statistics();
                driver.close();
            }
            finally
            {
                region.release();
            }
        }
    }

    /** @return one line for people: backend, rings, slots, buffers, memory. */
    public String describe()
    {
        final RingView any = rxRings.length > 0 ? rxRings[0] : txRings.length > 0 ? txRings[0] : null;
        return spec.name() + ": backend=" + backend.configName() + " (" + backendDetail + ")" +
            " tx-rings=" + txRings.length + " rx-rings=" + rxRings.length +
            " slots=" + (null == any ? 0 : any.numSlots()) +
            " buf-size=" + region.bufferSize() + " extra-bufs=" + extraBuffersGranted +
            " mem-id=" + region.memId() + " region=" + region.name();
    }

    @Override
    public String toString()
    {
        return describe();
    }
}
