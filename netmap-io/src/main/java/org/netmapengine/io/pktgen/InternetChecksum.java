package org.netmapengine.io.pktgen;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit big-endian words.
 * <p>
 * Sums are carried in an {@code int} and folded to 16 bits only when needed, so a caller can add a constant
 * partial sum, computed once, to the few words that change per packet (RFC 1071's incremental update).
 */
public final class InternetChecksum
{
    private static final boolean NATIVE_IS_BIG_ENDIAN = ByteOrder.BIG_ENDIAN == ByteOrder.nativeOrder();

    private InternetChecksum()
    {
    }

    /**
     * Adds {@code length} bytes at {@code offset} to {@code sum} as big-endian 16-bit words; an odd last byte is
     * the high byte of a word padded with zero.
     *
     * @return the sum folded to 16 bits (not complemented).
     */
    public static int sum(final DirectBuffer buffer, final int offset, final int length, final int sum)
    {
        // The ones' complement sum does not depend on byte order (RFC 1071, 2(B)): sum in native order and swap
        // once at the end. And 2^16 = 1 modulo 0xFFFF, so 32-bit words summed in 64 bits fold to the 16-bit sum.
        long acc = NATIVE_IS_BIG_ENDIAN ? sum & 0xFFFF_FFFFL : swap16(fold(sum & 0xFFFF_FFFFL));
        final int end = offset + length;
        int i = offset;
        for (; i + 8 <= end; i += 8)
        {
            final long v = buffer.getLong(i);
            acc += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        for (; i + 2 <= end; i += 2)
        {
            acc += buffer.getShort(i) & 0xFFFF;
        }
        if (i < end)
        {
            // The last byte is the high byte of a word padded with zero: on the wire it comes first.
            acc += NATIVE_IS_BIG_ENDIAN ? (buffer.getByte(i) & 0xFF) << 8 : buffer.getByte(i) & 0xFF;
        }
        final int folded = fold(acc);
        return NATIVE_IS_BIG_ENDIAN ? folded : swap16(folded);
    }

    /** @return the sum of the two 16-bit halves of {@code value}, as a checksum sees a 32-bit field. */
    public static int words(final int value)
    {
        return (value >>> 16) + (value & 0xFFFF);
    }

    /** @return the sum of the four 16-bit words of {@code value}, as a checksum sees a 64-bit field. */
    public static int words(final long value)
    {
        return words((int)(value >>> 32)) + words((int)value);
    }

    private static int swap16(final int value)
    {
        return ((value & 0xFF) << 8) | ((value >>> 8) & 0xFF);
    }

    /** @return {@code sum} with carries folded back until it fits 16 bits. */
    public static int fold(final long sum)
    {
        // Without a loop: any 64-bit sum fits 16 bits after four end-around carries (64 -> 33 -> 18 -> 17 -> 16
        // bits), and 2^32 = 2^16 = 1 modulo 0xFFFF, so each keeps the sum's value.
        long s = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        return (int)s;
    }

    /** @return the checksum field for {@code sum}: its 16-bit fold, complemented. */
    public static int finish(final long sum)
    {
        return ~fold(sum) & 0xFFFF;
    }

    /**
     * @return the UDP checksum field for {@code sum}: as {@link #finish}, but 0 becomes 0xFFFF, because 0 on the
     * wire means "no checksum" (RFC 768) and both are the same value in ones' complement.
     */
    public static int finishUdp(final long sum)
    {
        final int checksum = finish(sum);
        return 0 == checksum ? 0xFFFF : checksum;
    }
}
