package org.netmapengine.io.kernel;

import org.netmapengine.io.ring.Region;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The memory regions this JVM has mapped from one netmap device, by {@code nr_mem_id}: one mapping per region,
 * shared by every port opened in it, as libnetmap's {@code nmport_mmap} keeps one {@code nmem_d} per mem_id.
 * <p>
 * Sharing one mapping is what makes zero-copy between ports possible at all ({@link Region#sameMemory} is
 * identity), and it keeps the address space small: the global region is often hundreds of megabytes.
 * <p>
 * A region leaves the registry when its last port releases it: its unmap action calls {@link #remove} and then
 * unmaps. Thread-safe: the map is guarded by this object, and a mapping is created under the same lock so that two
 * threads opening ports in one region map it once.
 */
final class MappedRegions
{
    /** Regions of the real {@code /dev/netmap}, for the whole JVM. */
    static final MappedRegions SHARED = new MappedRegions();

    private final Map<Integer, Region> byMemId = new HashMap<>();

    /**
     * Returns the region {@code memId} with one more reference, mapping it with {@code mapper} when this JVM has
     * no live mapping of it.
     *
     * @param mapper maps the region and returns it with its first reference; its unmap action must call
     *               {@link #remove(int, long)}. May throw; nothing is registered then.
     * @return the region, and whether this call mapped it.
     */
    synchronized Acquired acquire(final int memId, final IntFunction<Region> mapper)
    {
        final Region existing = byMemId.get(memId);
        if (null != existing && existing.tryRetain())
        {
            return new Acquired(existing, false);
        }
        final Region mapped = mapper.apply(memId);
        byMemId.put(memId, mapped);
        return new Acquired(mapped, true);
    }

    /**
     * Forgets the region {@code memId} mapped at {@code address}, if it is still the one registered (a new mapping,
     * necessarily at another address while this one exists, may already have replaced one being unmapped).
     */
    synchronized void remove(final int memId, final long address)
    {
        final Region region = byMemId.get(memId);
        if (null != region && region.address() == address)
        {
            byMemId.remove(memId);
        }
    }

    /** @return the live region {@code memId}, or null; for tests and diagnostics. */
    synchronized Region get(final int memId)
    {
        final Region region = byMemId.get(memId);
        return null != region && region.isMapped() ? region : null;
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
