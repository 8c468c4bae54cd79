package org.netmapengine.pipeline.stages;

import java.util.Arrays;

/**
 * IPv4 addresses and what each maps to (a MAC address, another IPv4 address), sorted once so the hot path finds an
 * entry by binary search over two arrays, allocating nothing.
 */
final class AddressTable
{
    static final long MISSING = Long.MIN_VALUE;

    private final int[] keys;
    private final long[] values;

    /**
     * @param keys   IPv4 addresses, distinct.
     * @param values what each maps to, in the same order.
     */
    AddressTable(final int[] keys, final long[] values)
    {
        final Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++)
        {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compareUnsigned(keys[a], keys[b]));
        this.keys = new int[keys.length];
        this.values = new long[keys.length];
        for (int i = 0; i < order.length; i++)
        {
            this.keys[i] = keys[order[i]];
            this.values[i] = values[order[i]];
        }
    }

    int size()
    {
        return keys.length;
    }

    /** @return what {@code key} maps to, or {@link #MISSING}. */
    long get(final int key)
    {
        int low = 0;
        int high = keys.length - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final int compared = Integer.compareUnsigned(keys[middle], key);
            if (compared < 0)
            {
                low = middle + 1;
            }
            else if (compared > 0)
            {
                high = middle - 1;
            }
            else
            {
                return values[middle];
            }
        }
        return MISSING;
    }
}
