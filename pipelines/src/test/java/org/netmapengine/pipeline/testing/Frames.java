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
    public static final int ICMPV6 = 58;
    public static final int IPV4 = 0x0800;
    public static final int IPV6 = 0x86DD;
    public static final int ARP = 0x0806;
    /** The destination MAC of {@link #ethernet}: 02:00:00:00:00:01. */
    public static final long DESTINATION_MAC = 0x02_00_00_00_00_01L;
    /** The source MAC of {@link #ethernet}: 02:00:00:00:00:02. */
    public static final long SOURCE_MAC = 0x02_00_00_00_00_02L;
    /** The source address of {@link #ipv4(int, byte[])}: 10.0.0.1. */
    public static final int SOURCE_IPV4 = 0x0A000001;
    /** The destination address of {@link #ipv4(int, byte[])}: 10.0.0.2. */
    public static final int DESTINATION_IPV4 = 0x0A000002;

    private Frames()
    {
    }

    /**
     * @return Ethernet II from {@link #SOURCE_MAC} to {@link #DESTINATION_MAC}, then each tag as (TPID, TCI) pairs,
     * the EtherType, payload.
     */
    public static byte[] ethernet(final int etherType, final byte[] payload, final int... tags)
    {
        return ethernet(DESTINATION_MAC, SOURCE_MAC, etherType, payload, tags);
    }

    /** @return Ethernet II with these addresses, then each tag as (TPID, TCI) pairs, the EtherType, payload. */
    public static byte[] ethernet(
        final long destination, final long source, final int etherType, final byte[] payload, final int... tags)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        mac(out, destination);
        mac(out, source);
        for (int t = 0; t < tags.length; t += 2)
        {
            u16(out, tags[t]);
            u16(out, tags[t + 1]);
        }
        u16(out, etherType);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * @return an IPv4 header without options (IHL 5, DF clear, offset 0, TTL 64) from {@link #SOURCE_IPV4} to
     * {@link #DESTINATION_IPV4}, with a correct checksum, and the payload.
     */
    public static byte[] ipv4(final int protocol, final byte[] payload)
    {
        return ipv4(SOURCE_IPV4, DESTINATION_IPV4, protocol, payload);
    }

    /** @return an IPv4 header without options, TTL 64, with a correct checksum, and the payload. */
    public static byte[] ipv4(final int source, final int destination, final int protocol, final byte[] payload)
    {
        final byte[] packet = new byte[20 + payload.length];
        packet[0] = 0x45;
        put16(packet, 2, packet.length);
        packet[8] = 64;
        packet[9] = (byte)protocol;
        put32(packet, 12, source);
        put32(packet, 16, destination);
        System.arraycopy(payload, 0, packet, 20, payload.length);
        return resum(packet);
    }

    /** @return a copy of the IPv4 packet {@code ipv4} with its header checksum computed again. */
    public static byte[] resum(final byte[] ipv4)
    {
        final byte[] copy = ipv4.clone();
        final int headerLength = (copy[0] & 0xF) * 4;
        put16(copy, 10, 0);
        put16(copy, 10, ~sum(copy, 0, Math.min(headerLength, copy.length), 0) & 0xFFFF);
        return copy;
    }

    /** @return a copy of an Ethernet frame with the IPv4 header at {@code offset} checksummed again. */
    public static byte[] withIpv4Checksum(final byte[] frame, final int offset)
    {
        final byte[] header = resum(java.util.Arrays.copyOfRange(frame, offset, frame.length));
        final byte[] copy = frame.clone();
        System.arraycopy(header, 0, copy, offset, header.length);
        return copy;
    }

    /**
     * @return the ones' complement sum of {@code length} bytes at {@code offset}, folded, added to {@code initial}:
     * a reference implementation, written plainly.
     */
    public static int sum(final byte[] bytes, final int offset, final int length, final int initial)
    {
        long sum = initial;
        for (int i = 0; i < length; i += 2)
        {
            final int high = bytes[offset + i] & 0xFF;
            final int low = i + 1 < length ? bytes[offset + i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
        }
        while (0 != (sum >>> 16))
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int)sum;
    }

    /** @return an ICMP (or ICMPv6, checksum left 0) echo-style message with a correct ICMP checksum. */
    public static byte[] icmp(final int type, final int code, final int identifier, final int sequence,
        final int dataLength)
    {
        final byte[] message = new byte[8 + dataLength];
        message[0] = (byte)type;
        message[1] = (byte)code;
        put16(message, 4, identifier);
        put16(message, 6, sequence);
        for (int i = 8; i < message.length; i++)
        {
            message[i] = (byte)i;
        }
        put16(message, 2, ~sum(message, 0, message.length, 0) & 0xFFFF);
        return message;
    }

    /** @return an ARP packet for IPv4 over Ethernet. */
    public static byte[] arp(final int operation, final long senderMac, final int senderIp, final long targetMac,
        final int targetIp)
    {
        final byte[] packet = new byte[28];
        put16(packet, 0, 1);
        put16(packet, 2, IPV4);
        packet[4] = 6;
        packet[5] = 4;
        put16(packet, 6, operation);
        put48(packet, 8, senderMac);
        put32(packet, 14, senderIp);
        put48(packet, 18, targetMac);
        put32(packet, 24, targetIp);
        return packet;
    }

    /** @return a 20-byte TCP header (data offset 5) with these flags and {@code dataLength} zero bytes. */
    public static byte[] tcp(final int sourcePort, final int destinationPort, final int flags, final int dataLength)
    {
        final byte[] segment = tcp(sourcePort, destinationPort, dataLength);
        segment[13] = (byte)flags;
        return segment;
    }

    /**
     * @return a copy of an Ethernet frame carrying IPv4 or IPv6 (after {@code tags} VLAN tags) with the UDP, TCP or
     * ICMPv6 checksum computed over the pseudo-header, or the ICMP checksum over the message.
     */
    public static byte[] withTransportChecksum(final byte[] frame, final int tags)
    {
        final byte[] copy = frame.clone();
        final int l3 = 14 + 4 * tags;
        final boolean v4 = 4 == (copy[l3] & 0xFF) >>> 4;
        final int l4 = v4 ? l3 + (copy[l3] & 0xF) * 4 : l3 + 40;
        final int protocol = v4 ? copy[l3 + 9] & 0xFF : copy[l3 + 6] & 0xFF;
        final int length = v4 ? get16(copy, l3 + 2) - (l4 - l3) : get16(copy, l3 + 4);
        final int checksumOffset = l4 + (UDP == protocol ? 6 : TCP == protocol ? 16 : 2);
        put16(copy, checksumOffset, 0);
        int pseudo = 0;
        if (ICMP != protocol)
        {
            pseudo = v4 ? sum(copy, l3 + 12, 8, 0) : sum(copy, l3 + 8, 32, 0);
            pseudo = sum(new byte[]{ 0, (byte)protocol, (byte)(length >>> 8), (byte)length }, 0, 4, pseudo);
        }
        int checksum = ~sum(copy, l4, length, pseudo) & 0xFFFF;
        if (UDP == protocol && 0 == checksum)
        {
            checksum = 0xFFFF;
        }
        put16(copy, checksumOffset, checksum);
        return copy;
    }

    /** @return whether the transport checksum of {@link #withTransportChecksum} is right in {@code frame}. */
    public static boolean transportChecksumOk(final byte[] frame, final int tags)
    {
        return java.util.Arrays.equals(frame, withTransportChecksum(frame, tags));
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

    /** @return a generic IPv6 extension header of {@code (units + 1) * 8} bytes. */
    public static byte[] extension(final int nextHeader, final int units)
    {
        final byte[] header = new byte[(units + 1) * 8];
        header[0] = (byte)nextHeader;
        header[1] = (byte)units;
        return header;
    }

    /** @return an authentication header of {@code (units + 2) * 4} bytes. */
    public static byte[] authentication(final int nextHeader, final int units)
    {
        final byte[] header = new byte[(units + 2) * 4];
        header[0] = (byte)nextHeader;
        header[1] = (byte)units;
        return header;
    }

    /** @return an IPv6 fragment header at {@code offset} 8-byte units. */
    public static byte[] fragment(final int nextHeader, final int offset, final boolean more)
    {
        final byte[] header = new byte[8];
        header[0] = (byte)nextHeader;
        put16(header, 2, offset << 3 | (more ? 1 : 0));
        return header;
    }

    public static byte[] concat(final byte[]... parts)
    {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** @return the 16 bits at {@code offset}. */
    public static int get16(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    /** @return the 32 bits at {@code offset}. */
    public static int get32(final byte[] bytes, final int offset)
    {
        return get16(bytes, offset) << 16 | get16(bytes, offset + 2);
    }

    /** @return the 48 bits at {@code offset}. */
    public static long get48(final byte[] bytes, final int offset)
    {
        return (long)get16(bytes, offset) << 32 | get32(bytes, offset + 2) & 0xFFFF_FFFFL;
    }

    public static void put32(final byte[] bytes, final int offset, final int value)
    {
        put16(bytes, offset, value >>> 16);
        put16(bytes, offset + 2, value);
    }

    public static void put48(final byte[] bytes, final int offset, final long value)
    {
        put16(bytes, offset, (int)(value >>> 32));
        put32(bytes, offset + 2, (int)value);
    }

    private static void mac(final ByteArrayOutputStream out, final long mac)
    {
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            out.write((int)(mac >>> shift));
        }
    }

    private static void u16(final ByteArrayOutputStream out, final int value)
    {
        out.write(value >>> 8);
        out.write(value);
    }

    public static void put16(final byte[] bytes, final int offset, final int value)
    {
        bytes[offset] = (byte)(value >>> 8);
        bytes[offset + 1] = (byte)value;
    }
}
