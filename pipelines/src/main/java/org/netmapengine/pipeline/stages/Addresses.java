package org.netmapengine.pipeline.stages;

import org.netmapengine.io.pktgen.MacAddress;
import org.netmapengine.pipeline.StageParameters;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses as written in stage parameters: IPv4 ({@code 10.0.0.1}), IPv6 ({@code 2001:db8::1}), prefixes of
 * either ({@code 10.0.0.0/8}), MAC ({@code 02:00:00:00:00:01}). Each error names the value and the form expected.
 */
final class Addresses
{
    static final String EXPECTED_IPV4 = "expected an IPv4 address such as 10.0.0.1";
    static final String EXPECTED_MAC = "expected a MAC address such as 02:00:00:00:00:01";
    static final String EXPECTED_PREFIX = "expected an IPv4 or IPv6 address or prefix such as 10.0.0.0/8 or " +
        "2001:db8::/32, or a list of them";

    private Addresses()
    {
    }

    /** @return the IPv4 address at {@code key}. */
    static int ipv4(final StageParameters block, final String key)
    {
        final long address = parseIpv4(block.getString(key));
        if (address < 0)
        {
            throw block.error(key, EXPECTED_IPV4);
        }
        return (int)address;
    }

    /** @return the MAC address at {@code key}, in the low 48 bits. */
    static long mac(final StageParameters block, final String key)
    {
        try
        {
            return MacAddress.parse(block.getString(key));
        }
        catch (final IllegalArgumentException e)
        {
            throw block.error(key, EXPECTED_MAC);
        }
    }

    /** @return the address of {@code a.b.c.d} as an unsigned 32-bit value, or -1 when the text is not one. */
    static long parseIpv4(final String text)
    {
        final String[] parts = text.split("\\.", -1);
        if (4 != parts.length)
        {
            return -1;
        }
        long address = 0;
        for (final String part : parts)
        {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit))
            {
                return -1;
            }
            final int value = Integer.parseInt(part);
            if (value > 255)
            {
                return -1;
            }
            address = (address << 8) | value;
        }
        return address;
    }

    /**
     * @return the prefix written as {@code address[/length]}, or null when the text is not one. An address alone is
     * a prefix of its full length.
     */
    static Prefix parsePrefix(final String text)
    {
        final int slash = text.indexOf('/');
        final String address = -1 == slash ? text : text.substring(0, slash);
        final String length = -1 == slash ? null : text.substring(slash + 1);
        final long v4 = parseIpv4(address);
        final int maxLength = v4 >= 0 ? 32 : 128;
        final int bits;
        if (null == length)
        {
            bits = maxLength;
        }
        else if (!length.isEmpty() && length.length() <= 3 && length.chars().allMatch(Character::isDigit) &&
            Integer.parseInt(length) <= maxLength)
        {
            bits = Integer.parseInt(length);
        }
        else
        {
            return null;
        }
        if (v4 >= 0)
        {
            return Prefix.ipv4((int)v4, bits);
        }
        final byte[] v6 = parseIpv6(address);
        return null == v6 ? null : Prefix.ipv6(v6, bits);
    }

    /** @return the 16 bytes of an IPv6 literal, or null. No name is ever looked up. */
    private static byte[] parseIpv6(final String text)
    {
        if (!text.contains(":") || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || ':' == c || '.' == c))
        {
            return null;
        }
        try
        {
            final InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet6Address ? address.getAddress() : null;
        }
        catch (final UnknownHostException e)
        {
            return null;
        }
    }

    /**
     * An IPv4 or IPv6 prefix as two 64-bit halves and masks (IPv4 in the low 32 bits of {@code low}).
     *
     * @param version 4 or 6.
     */
    record Prefix(int version, long high, long low, long highMask, long lowMask)
    {
        static Prefix ipv4(final int address, final int bits)
        {
            final long mask = 0 == bits ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
            return new Prefix(4, 0, address & mask & 0xFFFF_FFFFL, 0, mask);
        }

        static Prefix ipv6(final byte[] address, final int bits)
        {
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++)
            {
                high = (high << 8) | (address[i] & 0xFF);
                low = (low << 8) | (address[8 + i] & 0xFF);
            }
            final long highMask = bits >= 64 ? -1L : 0 == bits ? 0 : -1L << (64 - bits);
            final long lowMask = bits <= 64 ? 0 : 128 == bits ? -1L : -1L << (128 - bits);
            return new Prefix(6, high & highMask, low & lowMask, highMask, lowMask);
        }

        /** @return whether an IPv4 address (unsigned, in a long) is in this prefix. */
        boolean containsIpv4(final long address)
        {
            return 4 == version && (address & lowMask) == low;
        }

        /** @return whether an IPv6 address, as two halves, is in this prefix. */
        boolean containsIpv6(final long addressHigh, final long addressLow)
        {
            return 6 == version && (addressHigh & highMask) == high && (addressLow & lowMask) == low;
        }
    }
}
