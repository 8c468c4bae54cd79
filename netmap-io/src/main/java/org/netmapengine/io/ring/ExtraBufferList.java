package org.netmapengine.io.ring;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.BitSet;

/**
 * netmap's extra-buffer list: {@code ni_bufs_head} names the first buffer, the first {@code u32} of each
 * buffer names the next, and 0 ends the list.
 * <p>
 * At open the engine walks the list into the port's {@link FreeList}; at close it rebuilds the list from
 * whatever the free list then holds (indices may differ from the ones granted after zero-copy swaps, the
 * count may not), so the kernel frees exactly those buffers. A bad link would stop the kernel's walk and
 * leak the rest, so both directions validate every index.
 */
public final class ExtraBufferList
{
    private ExtraBufferList()
    {
    }

    /**
     * Takes the list out of the interface: pushes every buffer onto {@code into} and leaves
     * {@code ni_bufs_head} at 0, as the buffers now belong to the application.
     *
     * @param expected how many buffers the kernel said it granted ({@code nr_extra_bufs}).
     * @return the number of buffers taken.
     * @throws IllegalStateException when the list holds an invalid index, is longer than granted or
     *                               shorter than granted.
     */
    public static int take(final InterfaceView nifp, final Region region, final int expected, final FreeList into)
    {
        final UnsafeBuffer link = new UnsafeBuffer(0, 0);
        int bufIdx = nifp.bufsHead();
        int taken = 0;
        while (0 != bufIdx)
        {
            if (!region.isValidBuffer(bufIdx))
            {
                throw new IllegalStateException("extra-buffer list broken after " + taken + " buffers: bufIdx=" +
                    Integer.toUnsignedString(bufIdx) + " not in [2, " + region.bufferCount() + ")");
            }
            if (taken == expected)
            {
                throw new IllegalStateException("extra-buffer list longer than the " + expected +
                    " buffers granted (a cycle?)");
            }
            into.push(bufIdx);
            taken++;
            link.wrap(region.bufferAddress(bufIdx), Integer.BYTES);
            bufIdx = link.getInt(0);
        }
        if (taken != expected)
        {
            throw new IllegalStateException("extra-buffer list holds " + taken + " buffers, the kernel granted " +
                expected);
        }
        nifp.bufsHead(0);
        return taken;
    }

    /**
     * Rebuilds the list from {@code from}, so that closing the file descriptor frees those buffers.
     *
     * @throws IllegalStateException when {@code from} holds an index that is not a buffer of the region.
     */
    public static void rebuild(final InterfaceView nifp, final Region region, final FreeList from)
    {
        final UnsafeBuffer link = new UnsafeBuffer(0, 0);
        final BitSet seen = new BitSet(region.bufferCount());
        int next = 0;
        for (int i = 0; i < from.size(); i++)
        {
            final int bufIdx = from.get(i);
            if (!region.isValidBuffer(bufIdx))
            {
                throw new IllegalStateException("cannot return bufIdx=" + Integer.toUnsignedString(bufIdx) +
                    " to the kernel: not in [2, " + region.bufferCount() + ")");
            }
            if (seen.get(bufIdx))
            {
                throw new IllegalStateException("cannot return bufIdx=" + bufIdx + " twice: a double free " +
                    "would stop the kernel's walk and leak the rest of the list");
            }
            seen.set(bufIdx);
            link.wrap(region.bufferAddress(bufIdx), Integer.BYTES);
            link.putInt(0, next);
            next = bufIdx;
        }
        nifp.bufsHead(next);
    }
}
