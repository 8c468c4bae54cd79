package org.netmapengine.pipeline.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Arrays;
import java.util.List;

import static org.netmapengine.pipeline.testing.Frames.ARP;
import static org.netmapengine.pipeline.testing.Frames.DESTINATION_IPV4;
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.ICMPV6;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.SOURCE_IPV4;
import static org.netmapengine.pipeline.testing.Frames.SOURCE_MAC;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.arp;
import static org.netmapengine.pipeline.testing.Frames.concat;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.extension;
import static org.netmapengine.pipeline.testing.Frames.fragment;
import static org.netmapengine.pipeline.testing.Frames.icmp;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;

/**
 * Frames for property tests of parsers and stages: random bytes, well-formed frames of every kind the parser
 * knows, and those frames damaged: bytes overwritten (header fields set to 0, 0xFF or anything), cut anywhere, or
 * padded far beyond their headers.
 */
public final class AdversarialFrames
{
    /** The largest frame a test buffer holds. */
    public static final int MAX_LENGTH = OffHeapBatch.BUFFER_SIZE - OffHeapBatch.HEADROOM;

    private AdversarialFrames()
    {
    }

    /** @return one well-formed frame of each kind. */
    public static List<byte[]> templates()
    {
        return List.of(
            ethernet(IPV4, ipv4(UDP, udp(1000, 53, 16))),
            ethernet(IPV4, ipv4(TCP, tcp(1000, 443, 0x12, 0)), 0x8100, 5),
            ethernet(IPV4, ipv4(ICMP, icmp(8, 0, 7, 1, 32))),
            ethernet(IPV4, Frames.resum(Frames.with16(ipv4(UDP, udp(1, 2, 8)), 6, 0x2000))),
            ethernet(IPV6, ipv6(UDP, udp(53, 1000, 8)), 0x88A8, 1, 0x8100, 2),
            ethernet(IPV6, ipv6(TCP, tcp(80, 1000, 0x10, 0))),
            ethernet(IPV6, ipv6(ICMPV6, icmp(128, 0, 1, 1, 8))),
            ethernet(IPV6, ipv6(43, concat(extension(60, 0), extension(UDP, 1), udp(9, 9, 0)))),
            ethernet(IPV6, ipv6(44, concat(fragment(TCP, 0, true), tcp(1, 2, 0x02, 0)))),
            ethernet(ARP, arp(1, SOURCE_MAC, SOURCE_IPV4, 0, DESTINATION_IPV4)),
            ethernet(ARP, arp(1, SOURCE_MAC, SOURCE_IPV4, 0, DESTINATION_IPV4), 0x8100, 9),
            ethernet(0x88CC, new byte[46]));
    }

    /** @return up to 300 random bytes. */
    public static Arbitrary<byte[]> random()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    /** @return a template with up to six bytes of its first 100 overwritten, then cut or padded. */
    public static Arbitrary<byte[]> damaged()
    {
        final Arbitrary<Byte> values = Arbitraries.oneOf(Arbitraries.of((byte)0, (byte)0xFF, (byte)0x80, (byte)1),
            Arbitraries.bytes());
        return Combinators.combine(
            Arbitraries.of(templates()),
            Arbitraries.integers().between(0, 100).list().ofMaxSize(6),
            values.list().ofSize(6),
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 200)).as(AdversarialFrames::damage);
    }

    /** @return random bytes, damaged frames and well-formed ones, mixed. */
    public static Arbitrary<byte[]> any()
    {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, random()),
            net.jqwik.api.Tuple.of(3, damaged()),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(templates())),
            net.jqwik.api.Tuple.of(1, oversize()));
    }

    /** @return a template padded with random bytes up to the largest test frame. */
    public static Arbitrary<byte[]> oversize()
    {
        return Combinators.combine(Arbitraries.of(templates()), Arbitraries.integers().between(0, MAX_LENGTH))
            .as((frame, length) -> Arrays.copyOf(frame, Math.max(frame.length, length)));
    }

    private static byte[] damage(
        final byte[] template, final List<Integer> offsets, final List<Byte> values, final int cutPercent,
        final int padPercent)
    {
        final byte[] frame = template.clone();
        for (int i = 0; i < offsets.size(); i++)
        {
            if (offsets.get(i) < frame.length)
            {
                frame[offsets.get(i)] = values.get(i);
            }
        }
        if (padPercent > 100)
        {
            return Arrays.copyOf(frame, Math.min(MAX_LENGTH, frame.length * padPercent / 100));
        }
        return Arrays.copyOf(frame, frame.length * Math.max(cutPercent, 100 - padPercent) / 100);
    }
}
