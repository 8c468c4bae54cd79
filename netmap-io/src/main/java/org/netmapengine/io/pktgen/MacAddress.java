package org.netmapengine.io.pktgen;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A 48-bit Ethernet address kept in the low bits of a {@code long}, first byte on the wire most significant.
 */
public final class MacAddress
{
    /** ff:ff:ff:ff:ff:ff. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    public static final int LENGTH = 6;

    private MacAddress()
    {
    }

    /**
     * Parses colon notation as {@code ether_aton} does: six groups of one or two hex digits.
     *
     * @throws IllegalArgumentException naming the text and the expected form.
     */
    public static long parse(final String text)
    {
        final String[] groups = text.split(":", -1);
        if (LENGTH != groups.length)
        {
            throw bad(text, "has " + groups.length + " group" + (1 == groups.length ? "" : "s") + " of hex digits");
        }
        long mac = 0;
        for (final String group : groups)
        {
            if (group.isEmpty() || group.length() > 2)
            {
                throw bad(text, "has a group of " + group.length() + " digits");
            }
            final int b = parseHex(text, group);
            mac = (mac << 8) | b;
        }
        return mac;
    }

    /** @return {@code mac} as {@code aa:bb:cc:dd:ee:ff}. */
    public static String format(final long mac)
    {
        final StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            final int b = (int)(mac >>> shift) & 0xFF;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            if (0 != shift)
            {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** Writes {@code mac} as 6 bytes at {@code offset}. */
    public static void put(final MutableDirectBuffer buffer, final int offset, final long mac)
    {
        for (int i = 0; i < LENGTH; i++)
        {
            buffer.putByte(offset + i, (byte)(mac >>> (40 - 8 * i)));
        }
    }

    /** @return the 6 bytes at {@code offset} as an address. */
    public static long get(final DirectBuffer buffer, final int offset)
    {
        long mac = 0;
        for (int i = 0; i < LENGTH; i++)
        {
            mac = (mac << 8) | (buffer.getByte(offset + i) & 0xFF);
        }
        return mac;
    }

    private static int parseHex(final String text, final String group)
    {
        int b = 0;
        for (int i = 0; i < group.length(); i++)
        {
            final char c = group.charAt(i);
            // Character.digit alone would take non-ASCII digits too.
            final int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0)
            {
                throw bad(text, "has '" + group.charAt(i) + "', which is not a hex digit");
            }
            b = (b << 4) | digit;
        }
        return b;
    }

    private static IllegalArgumentException bad(final String text, final String why)
    {
        return new IllegalArgumentException("bad MAC address '" + text + "': it " + why +
            "; expected six hex bytes separated by ':', e.g. aa:bb:cc:dd:ee:ff");
    }
}
