package org.netmapengine.io.pktgen;

/**
 * A range of IPv4 addresses and UDP ports, as pkt-gen's {@code -s} and {@code -d} give them:
 * {@code ADDR[:PORT][-ADDR[:PORT]]}. Addresses are unsigned 32-bit values in {@code int}s, ports 0 to 65535.
 * <p>
 * As in pkt-gen, the port defaults to {@value #DEFAULT_PORT}, the second port to the first, and ends given in
 * the wrong order are swapped.
 *
 * @param firstAddress lowest address, unsigned.
 * @param lastAddress  highest address, unsigned, not below {@code firstAddress}.
 * @param firstPort    lowest port.
 * @param lastPort     highest port, not below {@code firstPort}.
 */
public record Ipv4Range(int firstAddress, int lastAddress, int firstPort, int lastPort)
{
    public static final int DEFAULT_PORT = 1234;
    public static final String SYNTAX = "ADDR[:PORT][-ADDR[:PORT]]";

    public Ipv4Range
    {
        if (Integer.compareUnsigned(firstAddress, lastAddress) > 0 || firstPort < 0 || lastPort > 0xFFFF ||
            firstPort > lastPort)
        {
            throw new IllegalArgumentException("need firstAddress <= lastAddress and 0 <= firstPort <= lastPort <= " +
                "65535: " + formatAddress(firstAddress) + ":" + firstPort + "-" + formatAddress(lastAddress) + ":" +
                lastPort);
        }
    }

    /** @return the range of one address and one port. */
    public static Ipv4Range of(final int address, final int port)
    {
        return new Ipv4Range(address, address, port, port);
    }

    /**
     * @throws IllegalArgumentException naming the text, what is wrong in it and the expected form.
     */
    public static Ipv4Range parse(final String text)
    {
        final int dash = text.indexOf('-');
        final String low = -1 == dash ? text : text.substring(0, dash);
        final String high = -1 == dash ? null : text.substring(dash + 1);
        final int lowAddress = parseAddress(text, hostOf(low));
        final int lowPort = hasPort(low) ? parsePort(text, portOf(low)) : DEFAULT_PORT;
        final int highAddress = null == high ? lowAddress : parseAddress(text, hostOf(high));
        final int highPort = null != high && hasPort(high) ? parsePort(text, portOf(high)) : lowPort;
        final boolean addressesSwapped = Integer.compareUnsigned(lowAddress, highAddress) > 0;
        return new Ipv4Range(
            addressesSwapped ? highAddress : lowAddress,
            addressesSwapped ? lowAddress : highAddress,
            Math.min(lowPort, highPort),
            Math.max(lowPort, highPort));
    }

    /** @return how many (address, port) pairs the range walks through. */
    public long size()
    {
        return (Integer.toUnsignedLong(lastAddress - firstAddress) + 1) * (lastPort - firstPort + 1);
    }

    /** @return {@code a.b.c.d}. */
    public static String formatAddress(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    /** @return the range in the syntax {@link #parse} takes: one end when it is a single pair, else both in full. */
    @Override
    public String toString()
    {
        final String first = formatAddress(firstAddress) + ":" + firstPort;
        return firstAddress == lastAddress && firstPort == lastPort ?
            first : first + "-" + formatAddress(lastAddress) + ":" + lastPort;
    }

    private static boolean hasPort(final String end)
    {
        return end.indexOf(':') >= 0;
    }

    private static String hostOf(final String end)
    {
        final int colon = end.indexOf(':');
        return -1 == colon ? end : end.substring(0, colon);
    }

    private static String portOf(final String end)
    {
        return end.substring(end.indexOf(':') + 1);
    }

    private static int parseAddress(final String text, final String host)
    {
        final String[] parts = host.split("\\.", -1);
        if (4 != parts.length)
        {
            throw bad(text, "'" + host + "' is not an IPv4 address (four numbers 0-255 separated by '.')");
        }
        int address = 0;
        for (final String part : parts)
        {
            final int octet = parseDecimal(part, 3);
            if (octet < 0 || octet > 255)
            {
                throw bad(text, "'" + host + "' is not an IPv4 address (four numbers 0-255 separated by '.')");
            }
            address = (address << 8) | octet;
        }
        return address;
    }

    private static int parsePort(final String text, final String port)
    {
        final int value = parseDecimal(port, 5);
        if (value < 0 || value > 0xFFFF)
        {
            throw bad(text, "port '" + port + "' is not a number from 0 to 65535");
        }
        return value;
    }

    /** @return the value of 1 to {@code maxDigits} ASCII decimal digits, or -1. */
    private static int parseDecimal(final String digits, final int maxDigits)
    {
        if (digits.isEmpty() || digits.length() > maxDigits)
        {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++)
        {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static IllegalArgumentException bad(final String text, final String why)
    {
        return new IllegalArgumentException("bad address range '" + text + "': " + why + "; expected " + SYNTAX +
            ", e.g. 10.0.0.1:1234-10.0.0.9:1240");
    }
}
