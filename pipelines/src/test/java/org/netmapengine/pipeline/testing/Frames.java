package org.netmapengine.pipeline.testing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Builds frames byte by byte, in network order, for parser and stage tests.
 */
public final class Frames
{
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;

    private Frames()
    {
    }

    /** @return Ethernet II with fixed addresses, then each tag as (TPID, VLAN id) pairs, the EtherType, payload. */
    public static byte[] ethernet(final int etherType, final byte[] payload, final int... tags)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{ 0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02 });
        for (int t = 0; t < tags.length; t += 2)
        {
            u16(out, tags[t]);
            u16(out, tags[t + 1]);
        }
        u16(out, etherType);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** @return an IPv4 header without options (IHL 5, DF clear, offset 0) and the payload. */
    public static byte[] ipv4(final int protocol, final byte[] payload)
    {
        final byte[] packet = new byte[20 + payload.length];
        packet[0] = 0x45;
        put16(packet, 2, packet.length);
        packet[8] = 64;
        packet[9] = (byte)protocol;
        packet[12] = 10;
        packet[15] = 1;
        packet[16] = 10;
        packet[19] = 2;
        System.arraycopy(payload, 0, packet, 20, payload.length);
        return packet;
    }

    /** @return an IPv6 fixed header with this Next Header and the payload. */
    public static byte[] ipv6(final int nextHeader, final byte[] payload)
    {
        final byte[] packet = new byte[40 + payload.length];
        packet[0] = 0x60;
        put16(packet, 4, payload.length);
        packet[6] = (byte)nextHeader;
        packet[7] = 64;
        packet[8] = 0x20;
        packet[23] = 1;
        packet[24] = 0x20;
        packet[39] = 2;
        System.arraycopy(payload, 0, packet, 40, payload.length);
        return packet;
    }

    /** @return a UDP header and {@code dataLength} zero bytes. */
    public static byte[] udp(final int sourcePort, final int destinationPort, final int dataLength)
    {
        final byte[] datagram = new byte[8 + dataLength];
        put16(datagram, 0, sourcePort);
        put16(datagram, 2, destinationPort);
        put16(datagram, 4, datagram.length);
        return datagram;
    }

    /** @return a 20-byte TCP header (data offset 5) and {@code dataLength} zero bytes. */
    public static byte[] tcp(final int sourcePort, final int destinationPort, final int dataLength)
    {
        final byte[] segment = new byte[20 + dataLength];
        put16(segment, 0, sourcePort);
        put16(segment, 2, destinationPort);
        segment[12] = 0x50;
        segment[13] = 0x02;
        return segment;
    }

    /** @return a copy of {@code bytes} with byte {@code offset} set to {@code value}. */
    public static byte[] with(final byte[] bytes, final int offset, final int value)
    {
        final byte[] copy = bytes.clone();
        copy[offset] = (byte)value;
        return copy;
    }

    /** @return a copy of {@code bytes} with the 16 bits at {@code offset} set to {@code value}. */
    public static byte[] with16(final byte[] bytes, final int offset, final int value)
    {
        final byte[] copy = bytes.clone();
        put16(copy, offset, value);
        return copy;
    }

    /** @return the first {@code length} bytes. */
    public static byte[] cut(final byte[] bytes, final int length)
    {
        return Arrays.copyOf(bytes, length);
    }

    /** @return {@code bytes} followed by {@code count} zero bytes (Ethernet padding). */
    public static byte[] pad(final byte[] bytes, final int count)
    {
        return Arrays.copyOf(bytes, bytes.length + count);
    }

    private static void u16(final ByteArrayOutputStream out, final int value)
    {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void put16(final byte[] bytes, final int offset, final int value)
    {
        bytes[offset] = (byte)(value >>> 8);
        bytes[offset + 1] = (byte)value;
    }
}
