package org.netmapengine.engine.cluster;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's JVM at one moment: heap and garbage collectors.
 *
 * @param heapMax -1 when the heap has no limit.
 */
public record JvmSnapshot(long heapUsed, long heapCommitted, long heapMax, int threads, List<Gc> collectors)
{
    /** One garbage collector: how many collections so far and the time they took. */
    public record Gc(String name, long collections, long millis)
    {
    }

    public JvmSnapshot
    {
        collectors = new ArrayList<>(collectors);
    }

    /** @return this JVM now. */
    public static JvmSnapshot now()
    {
        final MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        final List<Gc> collectors = new ArrayList<>();
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            collectors.add(new Gc(gc.getName(), Math.max(0, gc.getCollectionCount()),
                Math.max(0, gc.getCollectionTime())));
        }
        return new JvmSnapshot(heap.getUsed(), heap.getCommitted(), heap.getMax(),
            ManagementFactory.getThreadMXBean().getThreadCount(), collectors);
    }
}
