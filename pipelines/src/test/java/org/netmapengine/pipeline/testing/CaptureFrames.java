package org.netmapengine.pipeline.testing;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.pcap.PcapFileWriter;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.FrameTemplate;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.RangeWalker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.netmapengine.pipeline.testing.Frames.ARP;
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.ICMPV6;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;

/**
 * A varied capture for filter and stage tests: pkt-gen's UDP frames over ranges of addresses, ports and lengths,
 * plus what pkt-gen does not make (TCP with every common flag combination, ICMP, IPv6 with extension headers,
 * ICMPv6, ARP, 802.1Q and QinQ tags, IPv4 fragments) and malformed frames (runts, cut headers, bad checksums and
 * lengths, random bytes). Seeded, so every run sees the same frames.
 */
public final class CaptureFrames
{
    private static final int[] TCP_FLAGS = { 0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x01, 0x29, 0xC2 };
    private static final int[] TCP_PORTS = { 22, 80, 443, 1000, 1005, 8000, 8080, 8081, 40000, 65535 };
    private static final int[] UDP_PORTS = { 53, 67, 123, 514, 1000, 1010, 4789, 5353, 33000 };

    private final Random random;
    private final List<byte[]> frames = new ArrayList<>();

    private CaptureFrames(final long seed)
    {
        this.random = new Random(seed);
    }

    /** @return about 3,000 frames of every kind, shuffled. */
    public static List<byte[]> build(final long seed)
    {
        final CaptureFrames capture = new CaptureFrames(seed);
        capture.pktGen();
        for (int i = 0; i < 600; i++)
        {
            capture.frames.add(capture.tcp());
        }
        for (int i = 0; i < 400; i++)
        {
            capture.frames.add(capture.udp());
        }
        for (int i = 0; i < 150; i++)
        {
            capture.frames.add(capture.icmp());
        }
        for (int i = 0; i < 150; i++)
        {
            capture.frames.add(capture.ipv6Extensions());
        }
        for (int i = 0; i < 100; i++)
        {
            capture.frames.add(capture.arp());
            capture.frames.add(capture.fragment());
        }
        final int wellFormed = capture.frames.size();
        for (int i = 0; i < 400; i++)
        {
            capture.frames.add(capture.malformed(capture.frames.get(capture.random.nextInt(wellFormed))));
        }
        java.util.Collections.shuffle(capture.frames, capture.random);
        return capture.frames;
    }

    /** Writes {@code frames} to {@code file} as a pcap capture, 1 microsecond apart. */
    public static void write(final List<byte[]> frames, final Path file) throws IOException
    {
        try (PcapFileWriter writer = PcapFileWriter.create(file, 65535))
        {
            long time = 1_700_000_000_000_000_000L;
            for (final byte[] frame : frames)
            {
                writer.write(new UnsafeBuffer(frame), 0, frame.length, time);
                time += 1000;
            }
        }
    }

    private void pktGen()
    {
        for (final int length : new int[]{ 60, 128, 512, 1514 })
        {
            final FrameTemplate template = new FrameTemplate(new FrameSpec(length, 0x02_00_00_00_00_0AL,
                0x02_00_00_00_00_0BL, Ipv4Range.parse("10.0.0.1:1000-10.0.0.8:1003"),
                Ipv4Range.parse("10.1.0.1:53-10.1.0.2:54")));
            final RangeWalker walker = new RangeWalker(template.spec().src(), template.spec().dst());
            for (int i = 0; i < 100; i++)
            {
                final byte[] frame = new byte[length];
                template.writeTo(new UnsafeBuffer(frame), walker, i);
                walker.advance();
                frames.add(frame);
            }
        }
    }

    private byte[] tcp()
    {
        final byte[] segment = Frames.tcp(pick(TCP_PORTS), pick(TCP_PORTS), pick(TCP_FLAGS), random.nextInt(80));
        final boolean v6 = random.nextInt(4) == 0;
        final byte[] packet = v6 ? ipv6(TCP, segment) : ipv4(TCP, segment);
        return Frames.withTransportChecksum(ethernet(v6 ? IPV6 : IPV4, packet), 0);
    }

    private byte[] udp()
    {
        final byte[] datagram = Frames.udp(pick(UDP_PORTS), pick(UDP_PORTS), random.nextInt(200));
        final int tagging = random.nextInt(5);
        final boolean v6 = random.nextInt(3) == 0;
        final byte[] packet = v6 ? ipv6(UDP, datagram) : ipv4(UDP, datagram);
        final int type = v6 ? IPV6 : IPV4;
        final long destination = random.nextInt(10) == 0 ? 0xFFFF_FFFF_FFFFL : mac();
        switch (tagging)
        {
            case 0:
                return Frames.ethernet(destination, mac(), type, packet, 0x8100, random.nextBoolean() ? 100 : 200);
            case 1:
                return Frames.ethernet(destination, mac(), type, packet, 0x88A8, 10, 0x8100, 20);
            default:
                return Frames.ethernet(destination, mac(), type, packet);
        }
    }

    private byte[] icmp()
    {
        if (random.nextBoolean())
        {
            return ethernet(IPV4, ipv4(ICMP, Frames.icmp(random.nextBoolean() ? 8 : 0, 0, random.nextInt(65536),
                random.nextInt(100), random.nextInt(64))));
        }
        return ethernet(IPV6, ipv6(ICMPV6, Frames.icmp(random.nextBoolean() ? 128 : 129, 0, 1, 2, 8)));
    }

    private byte[] ipv6Extensions()
    {
        final byte[] upper = random.nextBoolean() ? Frames.tcp(pick(TCP_PORTS), 80, pick(TCP_FLAGS), 0) :
            Frames.udp(53, pick(UDP_PORTS), 4);
        final int protocol = upper.length >= 20 ? TCP : UDP;
        switch (random.nextInt(3))
        {
            case 0:
                return ethernet(IPV6, ipv6(0, Frames.concat(Frames.extension(protocol, 0), upper)));
            case 1:
                return ethernet(IPV6, ipv6(43, Frames.concat(Frames.extension(60, 1), Frames.extension(protocol, 0),
                    upper)));
            default:
                return ethernet(IPV6, ipv6(44, Frames.concat(Frames.fragment(protocol, 0, true), upper)));
        }
    }

    private byte[] arp()
    {
        final byte[] packet = Frames.arp(random.nextBoolean() ? 1 : 2, mac(), address(), 0, address());
        return Frames.ethernet(0xFFFF_FFFF_FFFFL, mac(), ARP, packet);
    }

    private byte[] fragment()
    {
        final byte[] packet = ipv4(UDP, Frames.udp(pick(UDP_PORTS), pick(UDP_PORTS), 64));
        final int flags = random.nextBoolean() ? 0x2000 : 0x2000 | (1 + random.nextInt(100));
        return ethernet(IPV4, Frames.resum(Frames.with16(packet, 6, flags)));
    }

    private byte[] malformed(final byte[] frame)
    {
        switch (random.nextInt(5))
        {
            case 0:
                return Arrays.copyOf(frame, random.nextInt(Math.min(frame.length, 40)));
            case 1:
                return Frames.with(frame, 14 + random.nextInt(20), random.nextInt(256));
            case 2:
                return Frames.with16(frame, 16, random.nextInt(65536));
            case 3:
                final byte[] noise = new byte[random.nextInt(120)];
                random.nextBytes(noise);
                return noise;
            default:
                return Arrays.copyOf(frame, frame.length - 1 - random.nextInt(Math.max(1, frame.length / 2)));
        }
    }

    private byte[] ethernet(final int etherType, final byte[] payload)
    {
        return Frames.ethernet(mac(), mac(), etherType, payload);
    }

    private byte[] ipv4(final int protocol, final byte[] payload)
    {
        return Frames.ipv4(address(), address(), protocol, payload);
    }

    private byte[] ipv6(final int nextHeader, final byte[] payload)
    {
        final byte[] packet = Frames.ipv6(nextHeader, payload);
        packet[23] = (byte)(1 + random.nextInt(4));
        packet[39] = (byte)(1 + random.nextInt(4));
        return packet;
    }

    private int address()
    {
        final int[] nets = { 0x0A000000, 0xC0A80100, 0x0A010000 };
        return nets[random.nextInt(nets.length)] | (1 + random.nextInt(8));
    }

    private long mac()
    {
        return 0x02_00_00_00_00_00L | (1 + random.nextInt(6));
    }

    private int pick(final int[] values)
    {
        return values[random.nextInt(values.length)];
    }
}
