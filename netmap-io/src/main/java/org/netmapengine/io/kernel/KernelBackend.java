package org.netmapengine.io.kernel;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.IoctlNumbers;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NetmapIfDescriptor;
import org.netmapengine.io.abi.NetmapRingDescriptor;
import org.netmapengine.io.name.PipeEnd;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.name.ShareOption;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.InterfaceView;
import org.netmapengine.io.ring.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ports through the netmap kernel module: {@code /dev/netmap}, API 14 {@code NIOCCTRL}.
 * <p>
 * An open goes as libnetmap's {@code nmport_open}, each step undone in reverse when a later one fails:
 * <pre>
 *   open(/dev/netmap, O_RDWR | O_CLOEXEC)                     undo: close(fd)
 *   [@share]  NETMAP_REQ_PORT_INFO_GET on the shared port: its nr_mem_id
 *   [@extmem] open, size and mmap the file                    undo: munmap
 *   NETMAP_REQ_REGISTER: nmreq_register + options            (undone by close(fd))
 *   one mapping per nr_mem_id, shared by every port of this   undo: Region.release (the last one unmaps)
 *       JVM in that region; on first map NETMAP_REQ_POOLS_INFO_GET learns the buffer pool
 *       (a mapping holds the descriptor it was made through: before that port's close, the mapping is moved
 *       to a descriptor that stays, see MappedRegions#detach, or the kernel would keep the port registered)
 *   NetmapPort.bind: ring views, extra buffers into the free list
 * </pre>
 * Every port registers with {@code NR_NO_TX_POLL} on top of its name's flags: netmap's {@code poll()} then syncs TX
 * rings only when {@code POLLOUT} is asked for. Without it a receiver polling for input on a descriptor that also
 * binds TX rings would flush (and race) the rings a transmitter owns. The engine splits directions with {@code /R}
 * and {@code /T}, where the flag changes nothing, and a transmitter syncs with {@code NIOCTXSYNC} or
 * {@code POLLOUT}, which the flag does not affect.
 * <p>
 * {@code @conf} counts go into the register body (netmap uses them only for ports the open creates),
 * {@code @offset} becomes {@code NETMAP_REQ_OPT_OFFSETS} (max offset = initial, as libnetmap), {@code @extmem}
 * becomes {@code NETMAP_REQ_OPT_EXTMEM} over the mapped file (the file's mapping is then the region, and no
 * {@code /dev/netmap} mapping is made). Each option's {@code nro_status} is checked after the call.
 * <p>
 * Thread-safe: opens may run concurrently; each port is then owned by one thread.
 */
public final class KernelBackend implements Backend
{
    /** Where the netmap module's device lives on Linux and FreeBSD. */
    public static final String DEFAULT_DEVICE = "/dev/netmap";

    private static final Logger LOG = LoggerFactory.getLogger(KernelBackend.class);

    private final NetmapDevice device;
    private final String devicePath;
    private final MappedRegions regions;
    private final IoctlNumbers.Set numbers;

    /** The real {@code /dev/netmap}; its regions are shared by every kernel backend of this JVM. */
    public KernelBackend()
    {
        this(LibcNetmapDevice.INSTANCE, DEFAULT_DEVICE, MappedRegions.SHARED, null);
    }

    /**
     * @param device  the syscalls, or a stand-in for the kernel.
     * @param numbers ioctl numbers; null for those of the running operating system, looked up at open.
     */
    KernelBackend(
        final NetmapDevice device, final String devicePath, final MappedRegions regions, final IoctlNumbers.Set numbers)
    {
        this.device = device;
        this.devicePath = devicePath;
        this.regions = regions;
        this.numbers = numbers;
    }

    @Override
    public BackendKind kind()
    {
        return BackendKind.KERNEL;
    }

    /**
     * Whether ports can be opened here at all: opens and closes the device.
     *
     * @return null when the device opens, else why not, e.g.
     *         {@code no /dev/netmap (ENOENT): the netmap kernel module is not loaded}.
     */
    public String unavailableReason()
    {
        final int fd = device.open(devicePath);
        if (fd < 0)
        {
            return KernelErrors.unavailable(devicePath, -fd);
        }
        device.close(fd);
        return null;
    }

    @Override
    public NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        checkOptions(spec);
        final IoctlNumbers.Set ioctls = numbers(spec);
        final int fd = device.open(devicePath);
        if (fd < 0)
        {
            throw KernelErrors.openFailed(spec.name(), devicePath, -fd);
        }
        boolean handedOver = false;
        try (ControlRequest request = new ControlRequest())
        {
            final int memId = memId(spec, fd, request, ioctls);
            final Extmem extmem = spec.extmem().isPresent() ? mapExtmem(spec) : null;
            final Registered registered;
            final Region region;
            try
            {
                registered = register(spec, options, fd, request, ioctls, memId, extmem);
                region = mapRegion(spec, fd, request, ioctls, registered, extmem);
            }
            catch (final RuntimeException e)
            {
                if (null != extmem)
                {
                    device.munmap(extmem.address(), extmem.size());
                }
                throw e;
            }
            final KernelPortDriver driver;
            try
            {
                driver = new KernelPortDriver(device, fd, ioctls.niocTxSync(), ioctls.niocRxSync(), spec.name(),
                    () -> regions.detach(region, fd, device));
            }
            catch (final RuntimeException e)
            {
                regions.detach(region, fd, device);
                region.release();
                throw e;
            }
            handedOver = true;
            try
            {
                return NetmapPort.bind(spec, BackendKind.KERNEL, devicePath + " fd " + fd, region,
                    registered.nifpOffset(), registered.extraBuffers(), options, driver);
            }
            catch (final RuntimeException e)
            {
                // As NetmapPort.close: the descriptor first (the kernel frees the granted extra buffers still on
                // ni_bufs_head), then the mapping, unmapped only if no other port uses it.
                driver.close();
                region.release();
                throw e;
            }
        }
        finally
        {
            if (!handedOver)
            {
                device.close(fd);
            }
        }
    }

    private static void checkOptions(final PortSpec spec)
    {
        if (spec.extmem().isPresent() && (0 != spec.memId() || spec.share().isPresent()))
        {
            throw new NetmapException(Reason.INVALID_REQUEST, spec.name(),
                "@extmem gives the port a memory region of its own; it cannot be combined with @N or @share");
        }
    }

    private IoctlNumbers.Set numbers(final PortSpec spec)
    {
        if (null != numbers)
        {
            return numbers;
        }
        try
        {
            return IoctlNumbers.forCurrentOs();
        }
        catch (final UnsupportedOperationException e)
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(), e.getMessage(), e);
        }
    }

    /** {@code nr_mem_id}: the name's {@code @N}, or the region of the port {@code @share} names. */
    private int memId(final PortSpec spec, final int fd, final ControlRequest request, final IoctlNumbers.Set ioctls)
    {
        final ShareOption share = spec.share().orElse(null);
        if (null == share)
        {
            return spec.memId();
        }
        request.portInfoGet(share.kernelName());
        final int rc = device.ioctl(fd, ioctls.niocctrl(), request.pointer());
        if (rc < 0)
        {
            final int errno = -rc;
            if (Errno.ENOTTY == errno || (Errno.EINVAL == errno && isApiMismatch(fd, request, ioctls)))
            {
                throw KernelErrors.apiMismatch(spec.name(), errno);
            }
            throw KernelErrors.requestFailed(spec.name(), share.kernelName(), 0, errno);
        }
        final int shared = request.portInfoMemId();
        if (0 != spec.memId() && shared != spec.memId())
        {
            throw new NetmapException(Reason.INVALID_REQUEST, spec.name(),
                "memory region @" + spec.memId() + " conflicts with @share=" + share.port() + ", which is in region " +
                shared + "; give one of the two");
        }
        return shared;
    }

    /** @return the out fields, read before the request block is reused. */
    private Registered register(
        final PortSpec spec,
        final PortOptions options,
        final int fd,
        final ControlRequest request,
        final IoctlNumbers.Set ioctls,
        final int memId,
        final Extmem extmem)
    {
        request.register(spec, memId, spec.flags() | NetmapApi.NR_NO_TX_POLL, options.extraBuffers(),
            null == extmem ? 0 : extmem.address(), null == extmem ? 0 : extmem.size());
        final int rc = device.ioctl(fd, ioctls.niocctrl(), request.pointer());
        final int errno = rc < 0 ? -rc : 0;
        // An option the kernel processed and rejected carries the call's errno; one it never reached keeps
        // EOPNOTSUPP (set by copyin), which blames it only when the call failed with that very errno.
        checkOption(spec, request, NetmapApi.NETMAP_REQ_OPT_EXTMEM, "extmem", errno);
        checkOption(spec, request, NetmapApi.NETMAP_REQ_OPT_OFFSETS, "offset", errno);
        if (0 == errno)
        {
            LOG.debug("{}: registered fd={} mem_id={} memsize={} nr_offset={} extra-bufs={}/{} {}", spec.name(), fd,
                request.registeredMemId(), request.registeredMemsize(), request.registeredNifpOffset(),
                request.registeredExtraBuffers(), options.extraBuffers(), request.registeredGeometry());
            return new Registered(request.registeredNifpOffset(), request.registeredMemsize(),
                request.registeredMemId(), request.registeredExtraBuffers());
        }
        // Check the version after the options: the probe reuses the request block.
        if (Errno.ENOTTY == errno || (Errno.EINVAL == errno && isApiMismatch(fd, request, ioctls)))
        {
            throw KernelErrors.apiMismatch(spec.name(), errno);
        }
        throw KernelErrors.requestFailed(spec.name(), spec.kernelName(),
            PipeEnd.NONE == spec.pipeEnd() ? null : spec.parent(), memId, errno);
    }

    private static void checkOption(
        final PortSpec spec, final ControlRequest request, final int type, final String name, final int errno)
    {
        final int status = request.optionStatus(type);
        if (ControlRequest.NOT_SENT == status || 0 == status)
        {
            return;
        }
        if (0 == errno || status == errno)
        {
            throw KernelErrors.optionFailed(spec.name(), name, status);
        }
    }

    /**
     * Tells an API mismatch from other EINVALs. netmap checks {@code nr_version} before anything else and, on a
     * mismatch, logs "API mismatch: got V need N" and returns EINVAL without writing anything back: the reply
     * cannot be told from a rejected request. So ask something every kernel of our API answers: the global region's
     * info ({@code NETMAP_REQ_PORT_INFO_GET}, empty name). EINVAL to that means the version was refused.
     */
    private boolean isApiMismatch(final int fd, final ControlRequest request, final IoctlNumbers.Set ioctls)
    {
        request.portInfoGet("");
        return -Errno.EINVAL == device.ioctl(fd, ioctls.niocctrl(), request.pointer());
    }

    /**
     * The region the registered port lives in, with one reference for it: the mapping this JVM already has for
     * its {@code nr_mem_id}, or a new one.
     */
    private Region mapRegion(
        final PortSpec spec,
        final int fd,
        final ControlRequest request,
        final IoctlNumbers.Set ioctls,
        final Registered registered,
        final Extmem extmem)
    {
        final int memId = registered.memId();
        final long memsize = null == extmem ? registered.memsize() : extmem.size();
        final long nifpOffset = registered.nifpOffset();
        if (memsize <= 0 || nifpOffset < 0 || nifpOffset + NetmapIfDescriptor.SIZE > memsize)
        {
            throw new NetmapException(Reason.SYSTEM_ERROR, spec.name(),
                "netmap replied nr_offset=" + nifpOffset + " outside nr_memsize=" + memsize + " for region " + memId);
        }
        final MappedRegions.Acquired acquired = regions.acquire(memId, fd,
            null == extmem ? fd : MappedRegions.NOT_A_DEVICE_MAPPING,
            (id) -> newRegion(spec, fd, request, ioctls, id, memsize, nifpOffset, extmem));
        final Region region = acquired.region();
        if (!acquired.mapped())
        {
            if (nifpOffset + NetmapIfDescriptor.SIZE > region.size())
            {
                regions.detach(region, fd, device);
                region.release();
                throw new NetmapException(Reason.SYSTEM_ERROR, spec.name(),
                    "netmap replied nr_offset=" + nifpOffset + " outside the " + region.size() +
                    " bytes this JVM maps of region " + memId);
            }
            if (null != extmem)
            {
                // netmap found the pages registered already (same file) and reused that allocator; this JVM
                // maps it already, so the second mapping of the file is not needed.
                device.munmap(extmem.address(), extmem.size());
            }
        }
        return region;
    }

    private Region newRegion(
        final PortSpec spec,
        final int fd,
        final ControlRequest request,
        final IoctlNumbers.Set ioctls,
        final int memId,
        final long memsize,
        final long nifpOffset,
        final Extmem extmem)
    {
        final long address;
        final String name;
        if (null == extmem)
        {
            address = device.mmap(fd, memsize);
            if (address < 0)
            {
                throw KernelErrors.callFailed(spec.name(),
                    "cannot map netmap memory region " + memId + " (" + memsize + " bytes)", (int)-address);
            }
            name = "netmap mem " + memId;
        }
        else
        {
            address = extmem.address();
            name = "extmem " + extmem.file() + " (mem " + memId + ")";
        }
        try
        {
            final BufferPool pool = bufferPool(spec, fd, request, ioctls, memId, address, memsize, nifpOffset);
            return new Region(name, memId, address, memsize, pool.base(), pool.size(), pool.count(), () ->
            {
                regions.remove(memId, address);
                device.munmap(address, memsize);
            });
        }
        catch (final RuntimeException e)
        {
            if (null == extmem)
            {
                device.munmap(address, memsize);
            }
            throw e;
        }
    }

    /**
     * The buffer pool, exactly from {@code NETMAP_REQ_POOLS_INFO_GET} when the kernel answers it for this region
     * and the answer agrees with the rings; otherwise from a bound ring ({@code buf_ofs}, {@code nr_buf_size}) up
     * to the end of the region, which makes {@link Region#isValidBuffer} accept indices past the pool's end.
     */
    private BufferPool bufferPool(
        final PortSpec spec,
        final int fd,
        final ControlRequest request,
        final IoctlNumbers.Set ioctls,
        final int memId,
        final long address,
        final long memsize,
        final long nifpOffset)
    {
        final long ring = firstBoundRing(address + nifpOffset);
        final UnsafeBuffer header = new UnsafeBuffer(0, 0);
        if (0 != ring)
        {
            header.wrap(ring, NetmapRingDescriptor.HEADER_SIZE);
        }
        request.poolsInfoGet(spec.kernelName(), memId);
        final int rc = device.ioctl(fd, ioctls.niocctrl(), request.pointer());
        if (0 == rc)
        {
            final long offset = request.poolsBufferOffset();
            final long size = request.poolsBufferSize();
            final long count = request.poolsBufferCount();
            final boolean fits = request.poolsMemId() == memId && size > 0 && size <= Integer.MAX_VALUE &&
                count <= Integer.MAX_VALUE && offset >= 0 && offset + size * count <= memsize;
            final boolean agrees = 0 == ring || (ring + header.getLong(NetmapRingDescriptor.BUF_OFS_OFFSET) ==
                address + offset && header.getInt(NetmapRingDescriptor.NR_BUF_SIZE_OFFSET) == size);
            if (fits && agrees)
            {
                return new BufferPool(address + offset, (int)size, (int)count);
            }
            LOG.warn("{}: NETMAP_REQ_POOLS_INFO_GET describes another region (mem_id={} buf_pool_offset={} " +
                "objtotal={} objsize={}); taking the buffer pool from the rings", spec.name(), request.poolsMemId(),
                offset, count, size);
        }
        else
        {
            LOG.debug("{}: NETMAP_REQ_POOLS_INFO_GET failed ({}); taking the buffer pool from the rings", spec.name(),
                Errno.name(-rc));
        }
        if (0 == ring)
        {
            // No ring to learn from (NR_REG_NULL): an empty pool, so any extra buffer is refused as invalid.
            return new BufferPool(address, NetmapApi.NETMAP_DEFAULT_BUF_SIZE, 0);
        }
        final long base = ring + header.getLong(NetmapRingDescriptor.BUF_OFS_OFFSET);
        final int size = header.getInt(NetmapRingDescriptor.NR_BUF_SIZE_OFFSET);
        if (size <= 0 || base < address || base >= address + memsize)
        {
            throw new NetmapException(Reason.SYSTEM_ERROR, spec.name(),
                "ring at offset " + (ring - address) + " of region " + memId + " puts buffers outside it: buf_ofs=" +
                (base - ring) + " nr_buf_size=" + size);
        }
        return new BufferPool(base, size, (int)Math.min(Integer.MAX_VALUE, (address + memsize - base) / size));
    }

    /** @return the address of the first ring this descriptor bound, 0 when none; unbound ones are never read. */
    private static long firstBoundRing(final long nifpAddress)
    {
        final InterfaceView nifp = new InterfaceView(nifpAddress);
        for (int i = 0; i < nifp.totalRings(); i++)
        {
            final long ofs = nifp.ringOfs(i);
            if (0 != ofs)
            {
                return nifpAddress + ofs;
            }
        }
        return 0;
    }

    /** Maps the {@code @extmem} file; the mapping outlives the file descriptor, which is closed here. */
    private Extmem mapExtmem(final PortSpec spec)
    {
        final String file = spec.extmem().orElseThrow().file();
        final int fd = device.open(file);
        if (fd < 0)
        {
            throw KernelErrors.callFailed(spec.name(), "cannot open the @extmem file " + file, -fd);
        }
        try
        {
            final long size = device.size(fd);
            if (size < 0)
            {
                throw KernelErrors.callFailed(spec.name(), "cannot size the @extmem file " + file, (int)-size);
            }
            if (0 == size)
            {
                throw new NetmapException(Reason.INVALID_REQUEST, spec.name(),
                    "the @extmem file " + file + " is empty: size it first (e.g. fallocate -l 1G " + file + ")");
            }
            final long address = device.mmap(fd, size);
            if (address < 0)
            {
                throw KernelErrors.callFailed(spec.name(), "cannot map the @extmem file " + file, (int)-address);
            }
            return new Extmem(file, address, size);
        }
        finally
        {
            device.close(fd);
        }
    }

    @Override
    public String toString()
    {
        return "KernelBackend[" + devicePath + "]";
    }

    /** What {@code NETMAP_REQ_REGISTER} wrote back. */
    private record Registered(long nifpOffset, long memsize, int memId, int extraBuffers)
    {
    }

    /** The {@code @extmem} file as mapped by this process. */
    private record Extmem(String file, long address, long size)
    {
    }

    /** Where buffer 0 is, how large buffers are, how many there are. */
    private record BufferPool(long base, int size, int count)
    {
    }
}
