package org.netmapengine.io.kernel;

import org.netmapengine.io.os.Errno;
import org.netmapengine.io.ring.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The memory regions this JVM has mapped from one netmap device, by {@code nr_mem_id}: one mapping per region,
 * shared by every port opened in it, as libnetmap's {@code nmport_mmap} keeps one {@code nmem_d} per mem_id.
 * <p>
 * Sharing one mapping is what makes zero-copy between ports possible at all ({@link Region#sameMemory} is
 * identity), and it keeps the address space small: the global region is often hundreds of megabytes.
 * <p>
 * A mapping of {@code /dev/netmap} holds the file it was made through: the kernel releases that descriptor's
 * registration (its rings, its exclusive hold, its extra buffers, a NIC's netmap mode) only when the descriptor is
 * closed <em>and</em> no mapping made through it is left. So the registry remembers which port's descriptor backs
 * each mapping and the descriptors of every port in the region: when the backing port closes while others stay,
 * {@link #detach} first maps the region again, at the same address, through a descriptor that stays
 * ({@link NetmapDevice#remap}), so that closing the port really unregisters it. Seen on a real netmap module: without
 * this, re-opening a closed port with {@code /x} failed with EBUSY until the last port of its region closed.
 * <p>
 * A region leaves the registry when its last port releases it: its unmap action calls {@link #remove} and then
 * unmaps. Thread-safe: the map is guarded by this object, and a mapping is created under the same lock so that two
 * threads opening ports in one region map it once.
 */
final class MappedRegions
{
    /** Regions of the real {@code /dev/netmap}, for the whole JVM. */
    static final MappedRegions SHARED = new MappedRegions();

    /** {@link Acquired#backedBy} of a mapping no {@code /dev/netmap} descriptor backs (an {@code @extmem} file). */
    static final int NOT_A_DEVICE_MAPPING = -1;

    private static final Logger LOG = LoggerFactory.getLogger(MappedRegions.class);

    private final Map<Integer, Mapping> byMemId = new HashMap<>();

    /** One live mapping: the region, the descriptor it was mapped through, the descriptors of its ports. */
    private static final class Mapping
    {
        final Region region;
        final Set<Integer> descriptors = new LinkedHashSet<>();
        int backedBy;

        Mapping(final Region region, final int backedBy)
        {
            this.region = region;
            this.backedBy = backedBy;
        }
    }

    /**
     * Returns the region {@code memId} with one more reference for the port bound on {@code fd}, mapping it with
     * {@code mapper} when this JVM has no live mapping of it.
     *
     * @param fd       the port's {@code /dev/netmap} descriptor.
     * @param backedBy the descriptor a new mapping is made through ({@code fd}), or {@link #NOT_A_DEVICE_MAPPING}
     *                 when {@code mapper} maps something else ({@code @extmem}).
     * @param mapper   maps the region and returns it with its first reference; its unmap action must call
     *                 {@link #remove(int, long)}. May throw; nothing is registered then.
     * @return the region, and whether this call mapped it.
     */
    synchronized Acquired acquire(final int memId, final int fd, final int backedBy, final IntFunction<Region> mapper)
    {
        final Mapping existing = byMemId.get(memId);
        if (null != existing && existing.region.tryRetain())
        {
            existing.descriptors.add(fd);
            return new Acquired(existing.region, false);
        }
        final Region mapped = mapper.apply(memId);
        final Mapping mapping = new Mapping(mapped, backedBy);
        mapping.descriptors.add(fd);
        byMemId.put(memId, mapping);
        return new Acquired(mapped, true);
    }

    /**
     * The port on {@code fd} is about to close its descriptor (its reference to {@code region} is released after).
     * When the mapping was made through {@code fd} and other ports of the region stay, maps the region again through
     * one of theirs, so that closing {@code fd} releases the port in the kernel. A failed remap is logged: the
     * port's registration then lingers until the region is unmapped, as before.
     */
    synchronized void detach(final Region region, final int fd, final NetmapDevice device)
    {
        final Mapping mapping = byMemId.get(region.memId());
        if (null == mapping || mapping.region != region || !mapping.descriptors.remove(fd) ||
            mapping.backedBy != fd || mapping.descriptors.isEmpty())
        {
            return;
        }
        final int next = mapping.descriptors.iterator().next();
        final long rc = device.remap(next, region.address(), region.size());
        if (rc == region.address())
        {
            mapping.backedBy = next;
            return;
        }
        LOG.warn("cannot move the mapping of {} from fd {} to fd {} ({}): the port on fd {} stays registered in " +
            "the kernel until the last port of the region closes", region, fd, next,
            rc < 0 ? Errno.describe((int)-rc) : "mapped at 0x" + Long.toHexString(rc), fd);
        if (rc >= 0)
        {
            device.munmap(rc, region.size());
        }
    }

    /**
     * Forgets the region {@code memId} mapped at {@code address}, if it is still the one registered (a new mapping,
     * necessarily at another address while this one exists, may already have replaced one being unmapped).
     */
    synchronized void remove(final int memId, final long address)
    {
        final Mapping mapping = byMemId.get(memId);
        if (null != mapping && mapping.region.address() == address)
        {
            byMemId.remove(memId);
        }
    }

    /** @return the live region {@code memId}, or null; for tests and diagnostics. */
    synchronized Region get(final int memId)
    {
        final Mapping mapping = byMemId.get(memId);
        return null != mapping && mapping.region.isMapped() ? mapping.region : null;
    }

    /** @return the descriptor the live mapping of {@code memId} was made through, or {@link #NOT_A_DEVICE_MAPPING}. */
    synchronized int backedBy(final int memId)
    {
        final Mapping mapping = byMemId.get(memId);
        return null == mapping ? NOT_A_DEVICE_MAPPING : mapping.backedBy;
    }

    /**
     * A region and whether it was mapped for the caller.
     *
     * @param region the region, with one reference for the caller.
     * @param mapped true when this acquire created the mapping.
     */
    record Acquired(Region region, boolean mapped)
    {
    }
}
