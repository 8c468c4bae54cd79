package org.netmapengine.io.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FreeListTest
{
    @Test
    void shouldHandOutTheMostRecentlyFreedBufferFirst()
    {
        final FreeList free = new FreeList(3);
        free.push(7);
        free.push(9);
        assertEquals(9, free.pop());
        assertEquals(7, free.pop());
    }

    @Test
    void shouldReturnTheNullIndexWhenEmpty()
    {
        assertEquals(FreeList.NULL_INDEX, new FreeList(2).pop());
    }

    @Test
    void shouldFailLoudlyOnMoreReturnsThanBuffersOwned()
    {
        final FreeList free = new FreeList(1);
        free.push(7);
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> free.push(8));
        assertEquals("free list full: capacity=1, returning bufIdx=8 is a double return", e.getMessage());
    }

    @Test
    void shouldPushABatchOfReturns()
    {
        final FreeList free = new FreeList(4);
        free.pushAll(new int[]{0, 5, 6, 0}, 1, 2);
        assertEquals(2, free.size());
        assertEquals(6, free.pop());
    }
}
