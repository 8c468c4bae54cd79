package org.netmapengine.pipeline.packet;

import org.netmapengine.io.pktgen.InternetChecksum;
import org.netmapengine.pipeline.PacketView;

/**
 * Internet checksums (RFC 1071) of headers in place, and their incremental update when a field changes
 * (RFC 1624, equation 3: {@code HC' = ~(~HC + ~m + m')}), so a rewrite touches only the words it changes.
 * <p>
 * Equation 3 rather than RFC 1141's {@code HC' = HC + m - m'}: the latter can give 0x0000 where the correct
 * answer is 0xFFFF. All methods are static, allocation-free and take and return 16-bit values in an {@code int}.
 */
public final class Checksums
{
    private static final int MASK = 0xFFFF;

    private Checksums()
    {
    }

    /**
     * @param checksum the checksum field now.
     * @param oldWord  a 16-bit word it covers, before the change.
     * @param newWord  the same word after the change.
     * @return the checksum field after the change.
     */
    public static int update16(final int checksum, final int oldWord, final int newWord)
    {
        return ~fold((~checksum & MASK) + (~oldWord & MASK) + (newWord & MASK)) & MASK;
    }

    /**
     * As {@link #update16} for a 32-bit field such as an IPv4 address.
     */
    public static int update32(final int checksum, final long oldValue, final long newValue)
    {
        final long sum = (~checksum & MASK) +
            (~(oldValue >>> 16) & MASK) + (~oldValue & MASK) +
            ((newValue >>> 16) & MASK) + (newValue & MASK);
        return ~fold(sum) & MASK;
    }

    /**
     * As {@link #update32} for a UDP checksum over IPv4: a field of 0 means "no checksum" and stays 0; a result
     * of 0 is sent as 0xFFFF, its other ones' complement spelling (RFC 768).
     */
    public static int updateUdp32(final int checksum, final long oldValue, final long newValue)
    {
        if (0 == checksum)
        {
            return 0;
        }
        final int updated = update32(checksum, oldValue, newValue);
        return 0 == updated ? MASK : updated;
    }

    /**
     * @param headerLength IHL x 4: a multiple of 4, within the frame.
     * @return whether the IPv4 header at {@code offset} sums to 0xFFFF, its checksum field included.
     */
    public static boolean ipv4HeaderOk(final PacketView frame, final int offset, final int headerLength)
    {
        // 32-bit words summed in 64 bits fold to the 16-bit ones' complement sum, as 2^16 = 1 modulo 0xFFFF. The sum
        // does not depend on byte order (RFC 1071, 2(B)) and all ones reads the same both ways: native 64-bit reads,
        // two or more for a header of 20 to 60 bytes, and one 32-bit read for the last word when IHL is odd.
        long sum = 0;
        int i = 0;
        for (; i + Long.BYTES <= headerLength; i += Long.BYTES)
        {
            final long words = frame.nativeU64(offset + i);
            sum += (words >>> 32) + (words & 0xFFFF_FFFFL);
        }
        if (i < headerLength)
        {
            sum += frame.nativeU32(offset + i);
        }
        return MASK == fold(sum);
    }

    /**
     * @return whether the 16-bit words of three values, which hold a header between them (a parser's wide reads,
     *         its bytes outside the header shifted or masked away), sum to all ones, as a correct header with its
     *         checksum field does.
     */
    public static boolean sumsToAllOnes(final long a, final long b, final long c)
    {
        // As in ipv4HeaderOk: 32-bit halves summed in 64 bits fold to the 16-bit sum.
        final long sum = (a >>> 32) + (a & 0xFFFF_FFFFL) + (b >>> 32) + (b & 0xFFFF_FFFFL) +
            (c >>> 32) + (c & 0xFFFF_FFFFL);
        return MASK == fold(sum);
    }

    /** @return the folded (not complemented) sum of {@code length} bytes at {@code offset}. */
    public static int sum(final PacketView frame, final int offset, final int length)
    {
        return InternetChecksum.sum(frame.buffer(), offset, length, 0);
    }

    /** Computes and writes the IPv4 header checksum of the header at {@code offset}, {@code headerLength} bytes. */
    public static void writeIpv4(final PacketView frame, final int offset, final int headerLength)
    {
        frame.u16(offset + Ipv4Descriptor.CHECKSUM_OFFSET, 0);
        frame.u16(offset + Ipv4Descriptor.CHECKSUM_OFFSET, InternetChecksum.finish(sum(frame, offset, headerLength)));
    }

    private static int fold(final long sum)
    {
        return InternetChecksum.fold(sum);
    }
}
