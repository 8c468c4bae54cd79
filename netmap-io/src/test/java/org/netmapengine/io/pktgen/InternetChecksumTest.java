package org.netmapengine.io.pktgen;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InternetChecksumTest
{
    @Test
    void shouldSumTheRfc1071Example()
    {
        final UnsafeBuffer bytes = bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);

        assertEquals(0xddf2, InternetChecksum.sum(bytes, 0, 8, 0));
    }

    @Test
    void shouldPadAnOddLastByteWithZero()
    {
        assertEquals(0x1234 + 0x5600, InternetChecksum.sum(bytes(0x12, 0x34, 0x56), 0, 3, 0));
    }

    @Test
    void shouldSumTheSameWhateverTheStartingOffsetWithinALongWord()
    {
        final UnsafeBuffer bytes = bytes(0, 0, 0, 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7, 0xff, 0xff);

        assertEquals(0xddf2, InternetChecksum.sum(bytes, 3, 8, 0));
    }

    @Test
    void shouldFoldCarriesRepeatedly()
    {
        assertEquals(0x0001, InternetChecksum.fold(0x2FFFEL));
    }

    @Test
    void shouldNeverFinishAUdpChecksumAsZero()
    {
        assertEquals(0, InternetChecksum.finish(0xFFFF));
        assertEquals(0xFFFF, InternetChecksum.finishUdp(0xFFFF));
    }

    private static UnsafeBuffer bytes(final int... values)
    {
        final byte[] array = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            array[i] = (byte)values[i];
        }
        return new UnsafeBuffer(array);
    }
}
