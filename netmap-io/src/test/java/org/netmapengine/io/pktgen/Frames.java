package org.netmapengine.io.pktgen;

/**
 * Reads fields of a frame held in a byte array, for assertions.
 */
final class Frames
{
    private Frames()
    {
    }

    static int u16(final byte[] frame, final int offset)
    {
        return ((frame[offset] & 0xFF) << 8) | (frame[offset + 1] & 0xFF);
    }

    static int u32(final byte[] frame, final int offset)
    {
        return (u16(frame, offset) << 16) | u16(frame, offset + 2);
    }

    static long sequence(final byte[] frame)
    {
        return ((long)u32(frame, 42) << 32) | (u32(frame, 46) & 0xFFFF_FFFFL);
    }
}
