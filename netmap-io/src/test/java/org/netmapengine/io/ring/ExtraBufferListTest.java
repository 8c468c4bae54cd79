package org.netmapengine.io.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtraBufferListTest
{
    private final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 64);
    private final InterfaceView nifp = new InterfaceView(image.base() + image.ifOffset());
    private final Region region = image.region(new boolean[1]);

    @Test
    void shouldWalkTheListAtOpenIntoTheFreeList()
    {
        image.linkExtraBuffers(40, 41, 47, 33);
        final FreeList free = new FreeList(4);
        assertEquals(4, ExtraBufferList.take(nifp, region, 4, free));
        assertArrayEquals(new int[]{40, 41, 47, 33}, free.toArray());
        assertEquals(0, nifp.bufsHead(), "the buffers now belong to the application");
    }

    @Test
    void shouldRebuildTheListAtCloseFromWhateverIsFree()
    {
        image.linkExtraBuffers(40, 41, 47);
        final FreeList free = new FreeList(3);
        ExtraBufferList.take(nifp, region, 3, free);
        free.pop();
        free.push(12);

        ExtraBufferList.rebuild(nifp, region, free);
        final int[] list = image.extraBufferList();
        assertEquals(3, list.length);
        assertTrue(java.util.Arrays.stream(list).anyMatch(i -> i == 12), "a swapped-in buffer goes back instead");
    }

    @Test
    void shouldRejectAListWithAnInvalidIndex()
    {
        image.linkExtraBuffers(40, 1, 41);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ExtraBufferList.take(nifp, region, 3, new FreeList(3)));
        assertEquals("extra-buffer list broken after 1 buffers: bufIdx=1 not in [2, 64)", e.getMessage());
    }

    @Test
    void shouldRejectAListLongerThanGranted()
    {
        image.linkExtraBuffers(40, 41, 42);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ExtraBufferList.take(nifp, region, 2, new FreeList(3)));
        assertEquals("extra-buffer list longer than the 2 buffers granted (a cycle?)", e.getMessage());
    }

    @Test
    void shouldRejectAListShorterThanGranted()
    {
        image.linkExtraBuffers(40, 41);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ExtraBufferList.take(nifp, region, 3, new FreeList(3)));
        assertEquals("extra-buffer list holds 2 buffers, the kernel granted 3", e.getMessage());
    }

    @Test
    void shouldRefuseToHandTheKernelADoubleFree()
    {
        final FreeList free = new FreeList(3);
        free.push(40);
        free.push(41);
        free.push(40);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ExtraBufferList.rebuild(nifp, region, free));
        assertEquals("cannot return bufIdx=40 twice: a double free would stop the kernel's walk and leak the rest " +
            "of the list", e.getMessage());
    }

    @Test
    void shouldRefuseToHandTheKernelAReservedIndex()
    {
        final FreeList free = new FreeList(1);
        free.push(0);
        assertThrows(IllegalStateException.class, () -> ExtraBufferList.rebuild(nifp, region, free));
    }
}
