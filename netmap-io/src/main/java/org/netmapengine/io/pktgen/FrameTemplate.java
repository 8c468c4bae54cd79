package org.netmapengine.io.pktgen;

import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeAccess;
import org.agrona.concurrent.UnsafeBuffer;
import sun.misc.Unsafe;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.netmapengine.io.pktgen.UdpFrameDescriptor.*;

/**
 * One frame of a {@link FrameSpec}, built once, and the constant parts of its two checksums. Each packet is this
 * template copied into its buffer with the fields that change patched in: addresses, ports, sequence number and
 * both checksums.
 * <p>
 * Checksums are updated, not recomputed: the words that never change (IP header but addresses; pseudo-header,
 * UDP header and payload but addresses, ports and sequence number) are summed once here, and each packet adds
 * only its own dozen varying words to that partial sum (RFC 1071, section 2(4)). Unlike chaining RFC 1624
 * updates from one packet to the next, nothing carries over between packets, so no error can build up.
 * <p>
 * The template is kept as native-order 8-byte words, so writing a frame is a handful of plain stores (eight for
 * 64 bytes), not a call into a copy routine through a re-wrapped, bounds-checked buffer per frame.
 * <p>
 * Immutable; {@link #writeTo} and {@link #writeAt} may be called from any thread on memory that thread owns.
 */
public final class FrameTemplate
{
    /** Repeated after the sequence number, so a person can recognise the payload in a dump. */
    private static final byte[] FILL = "netmap-engine pkt-gen payload\n".getBytes(StandardCharsets.US_ASCII);
    private static final Unsafe UNSAFE = UnsafeAccess.UNSAFE;
    private static final boolean NATIVE_IS_BIG_ENDIAN = ByteOrder.BIG_ENDIAN == ByteOrder.nativeOrder();

    private final FrameSpec spec;
    private final UnsafeBuffer template;
    /**
     * The template in native-order words: word {@code w} is bytes {@code [8w, 8w + 8)} but the last, which is the
     * frame's last 8 bytes (overlapping the one before when the length is not a multiple of 8), so no store
     * goes past the frame.
     */
    private final long[] words;
    private final int ipConstantSum;
    private final int udpConstantSum;

    public FrameTemplate(final FrameSpec spec)
    {
        this.spec = spec;
        this.template = new UnsafeBuffer(new byte[spec.length()]);
        writeConstantFields(template, spec);
        this.ipConstantSum = InternetChecksum.sum(template, IP_OFFSET, IP_HEADER_LENGTH, 0);
        // Pseudo-header without addresses: zero, protocol, UDP length; then the UDP datagram as written above.
        final int pseudo = IP_PROTOCOL_UDP + udpLength(spec.length());
        this.udpConstantSum = InternetChecksum.sum(template, UDP_OFFSET, udpLength(spec.length()), pseudo);
        this.words = new long[(spec.length() + Long.BYTES - 1) / Long.BYTES];
        for (int w = 0; w < words.length - 1; w++)
        {
            words[w] = template.getLong(w * Long.BYTES, ByteOrder.nativeOrder());
        }
        words[words.length - 1] = template.getLong(spec.length() - Long.BYTES, ByteOrder.nativeOrder());
    }

    public FrameSpec spec()
    {
        return spec;
    }

    /** @return frame length in bytes. */
    public int length()
    {
        return spec.length();
    }

    /**
     * Writes a whole frame at offset 0 of {@code frame}: the template, then the given addresses, ports and
     * sequence number, then both checksums.
     *
     * @throws IndexOutOfBoundsException when {@code frame} holds fewer than {@link #length()} bytes.
     */
    public void writeTo(final MutableDirectBuffer frame, final RangeWalker at, final long sequence)
    {
        frame.boundsCheck(0, spec.length());
        write(frame.byteArray(), frame.addressOffset(), at, sequence);
    }

    /**
     * As {@link #writeTo}, at an absolute address the caller has checked: {@link #length()} bytes there must
     * be memory it owns (a packet buffer of a region, whose size it compared with the length once).
     */
    public void writeAt(final long address, final RangeWalker at, final long sequence)
    {
        write(null, address, at, sequence);
    }

    /** Writes at {@code offset} of {@code base}, Unsafe's addressing: an array and an offset in it, or null and an address. */
    private void write(final Object base, final long offset, final RangeWalker at, final long sequence)
    {
        final long[] words = this.words;
        final int last = words.length - 1;
        for (int w = 0; w < last; w++)
        {
            UNSAFE.putLong(base, offset + (long)w * Long.BYTES, words[w]);
        }
        UNSAFE.putLong(base, offset + spec.length() - Long.BYTES, words[last]);

        final int srcAddress = at.srcAddress();
        final int dstAddress = at.dstAddress();
        final int srcPort = at.srcPort();
        final int dstPort = at.dstPort();
        putIntBigEndian(base, offset + IP_SRC_OFFSET, srcAddress);
        putIntBigEndian(base, offset + IP_DST_OFFSET, dstAddress);
        putShortBigEndian(base, offset + UDP_SRC_PORT_OFFSET, srcPort);
        putShortBigEndian(base, offset + UDP_DST_PORT_OFFSET, dstPort);
        UNSAFE.putLong(base, offset + SEQUENCE_OFFSET, NATIVE_IS_BIG_ENDIAN ? sequence : Long.reverseBytes(sequence));

        final int addresses = InternetChecksum.words(srcAddress) + InternetChecksum.words(dstAddress);
        final int ipSum = ipConstantSum + addresses;
        final int udpSum = udpConstantSum + addresses + srcPort + dstPort + InternetChecksum.words(sequence);
        putShortBigEndian(base, offset + IP_CHECKSUM_OFFSET, InternetChecksum.finish(ipSum));
        putShortBigEndian(base, offset + UDP_CHECKSUM_OFFSET, InternetChecksum.finishUdp(udpSum));
    }

    private static void putIntBigEndian(final Object base, final long offset, final int value)
    {
        UNSAFE.putInt(base, offset, NATIVE_IS_BIG_ENDIAN ? value : Integer.reverseBytes(value));
    }

    private static void putShortBigEndian(final Object base, final long offset, final int value)
    {
        UNSAFE.putShort(base, offset, NATIVE_IS_BIG_ENDIAN ? (short)value : Short.reverseBytes((short)value));
    }

    /** Everything but addresses, ports, sequence number and checksums, which stay 0 in the template. */
    private static void writeConstantFields(final MutableDirectBuffer frame, final FrameSpec spec)
    {
        MacAddress.put(frame, DST_MAC_OFFSET, spec.dstMac());
        MacAddress.put(frame, SRC_MAC_OFFSET, spec.srcMac());
        frame.putShort(ETHER_TYPE_OFFSET, (short)ETHER_TYPE_IPV4, ByteOrder.BIG_ENDIAN);

        frame.putByte(IP_VERSION_IHL_OFFSET, (byte)IP_VERSION_IHL);
        frame.putShort(IP_TOTAL_LENGTH_OFFSET, (short)ipTotalLength(spec.length()), ByteOrder.BIG_ENDIAN);
        frame.putShort(IP_FLAGS_FRAGMENT_OFFSET, (short)IP_FLAGS_DF, ByteOrder.BIG_ENDIAN);
        frame.putByte(IP_TTL_OFFSET, (byte)IP_TTL);
        frame.putByte(IP_PROTOCOL_OFFSET, (byte)IP_PROTOCOL_UDP);

        frame.putShort(UDP_LENGTH_OFFSET, (short)udpLength(spec.length()), ByteOrder.BIG_ENDIAN);
        for (int i = FILL_OFFSET; i < spec.length(); i++)
        {
            frame.putByte(i, FILL[(i - FILL_OFFSET) % FILL.length]);
        }
    }
}
