package org.netmapengine.io.pktgen;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

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
 * Immutable; {@link #writeTo} may be called from any thread on a buffer that thread owns.
 */
public final class FrameTemplate
{
    /** Repeated after the sequence number, so a person can recognise the payload in a dump. */
    private static final byte[] FILL = "netmap-engine pkt-gen payload\n".getBytes(StandardCharsets.US_ASCII);

    private final FrameSpec spec;
    private final UnsafeBuffer template;
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
     * sequence number, then both checksums. {@code frame} must hold {@link #length()} bytes.
     */
    public void writeTo(final MutableDirectBuffer frame, final RangeWalker at, final long sequence)
    {
        final int srcAddress = at.srcAddress();
        final int dstAddress = at.dstAddress();
        final int srcPort = at.srcPort();
        final int dstPort = at.dstPort();
        frame.putBytes(0, template, 0, spec.length());
        frame.putInt(IP_SRC_OFFSET, srcAddress, ByteOrder.BIG_ENDIAN);
        frame.putInt(IP_DST_OFFSET, dstAddress, ByteOrder.BIG_ENDIAN);
        frame.putShort(UDP_SRC_PORT_OFFSET, (short)srcPort, ByteOrder.BIG_ENDIAN);
        frame.putShort(UDP_DST_PORT_OFFSET, (short)dstPort, ByteOrder.BIG_ENDIAN);
        frame.putLong(SEQUENCE_OFFSET, sequence, ByteOrder.BIG_ENDIAN);

        final int addresses = InternetChecksum.words(srcAddress) + InternetChecksum.words(dstAddress);
        final int ipSum = ipConstantSum + addresses;
        final int udpSum = udpConstantSum + addresses + srcPort + dstPort + InternetChecksum.words(sequence);
        frame.putShort(IP_CHECKSUM_OFFSET, (short)InternetChecksum.finish(ipSum), ByteOrder.BIG_ENDIAN);
        frame.putShort(UDP_CHECKSUM_OFFSET, (short)InternetChecksum.finishUdp(udpSum), ByteOrder.BIG_ENDIAN);
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
