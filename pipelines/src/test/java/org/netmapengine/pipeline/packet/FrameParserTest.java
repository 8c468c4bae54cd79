package org.netmapengine.pipeline.packet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.ARP;
import static org.netmapengine.pipeline.testing.Frames.DESTINATION_IPV4;
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.ICMPV6;
import static org.netmapengine.pipeline.testing.Frames.SOURCE_IPV4;
import static org.netmapengine.pipeline.testing.Frames.SOURCE_MAC;
import static org.netmapengine.pipeline.testing.Frames.arp;
import static org.netmapengine.pipeline.testing.Frames.authentication;
import static org.netmapengine.pipeline.testing.Frames.concat;
import static org.netmapengine.pipeline.testing.Frames.extension;
import static org.netmapengine.pipeline.testing.Frames.fragment;
import static org.netmapengine.pipeline.testing.Frames.icmp;
import static org.netmapengine.pipeline.testing.Frames.resum;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.cut;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.pad;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;
import static org.netmapengine.pipeline.testing.Frames.with;
import static org.netmapengine.pipeline.testing.Frames.with16;

/**
 * What the parser finds in well-formed frames, and the result for each way a frame can be malformed; frames are
 * parsed in native memory, as stages see them.
 */
class FrameParserTest
{
    private static final int IPV4 = Frames.IPV4;
    private static final int IPV6 = Frames.IPV6;

    static Stream<Arguments> wellFormedFrames()
    {
        return Stream.of(
            Arguments.of("IPv4/UDP", ethernet(IPV4, ipv4(UDP, udp(1234, 53, 10))),
                "type=0x0800 vlans=0 l3=14+38 ip=4 proto=17 l4=34+18 ports=1234>53"),
            Arguments.of("802.1Q IPv4/TCP", ethernet(IPV4, ipv4(TCP, tcp(40000, 443, 0)), 0x8100, 10),
                "type=0x0800 vlans=1 outer=10 l3=18+40 ip=4 proto=6 l4=38+20 ports=40000>443 flags=0x02"),
            Arguments.of("QinQ IPv6/UDP", ethernet(IPV6, ipv6(UDP, udp(5353, 5353, 4)), 0x88A8, 100, 0x8100, 10),
                "type=0x86dd vlans=2 outer=100 inner=10 l3=22+52 ip=6 proto=17 l4=62+12 ports=5353>5353"),
            Arguments.of("three tags", ethernet(IPV4, ipv4(UDP, udp(1, 2, 0)), 0x88A8, 1, 0x8100, 2, 0x8100, 3),
                "type=0x0800 vlans=3 outer=1 inner=2 l3=26+28 ip=4 proto=17 l4=46+8 ports=1>2"),
            Arguments.of("VLAN id bits only", ethernet(IPV4, ipv4(ICMP, new byte[8]), 0x8100, 0xE00A),
                "type=0x0800 vlans=1 outer=10 l3=18+28 ip=4 proto=1 l4=38+8 icmp=0/0"),
            Arguments.of("ARP of no known kind", ethernet(ARP, new byte[28]), "type=0x0806 vlans=0 l3=14+28 arp=0"),
            Arguments.of("ARP request", ethernet(ARP, arp(1, SOURCE_MAC, SOURCE_IPV4, 0, DESTINATION_IPV4)),
                "type=0x0806 vlans=0 l3=14+28 arp=1 ethernet-ipv4"),
            Arguments.of("802.3 length field", ethernet(0x0040, new byte[46]), "type=0x0040 vlans=0 l3=14+46"),
            Arguments.of("IPv4/ICMP echo", ethernet(IPV4, ipv4(ICMP, icmp(8, 0, 1, 2, 56))),
                "type=0x0800 vlans=0 l3=14+84 ip=4 proto=1 l4=34+64 icmp=8/0"),
            Arguments.of("IPv4/GRE", ethernet(IPV4, ipv4(47, new byte[4])),
                "type=0x0800 vlans=0 l3=14+24 ip=4 proto=47 l4=34+4"),
            Arguments.of("IPv4 later fragment", ethernet(IPV4, resum(with16(ipv4(UDP, udp(1, 53, 0)), 6, 0x0001))),
                "type=0x0800 vlans=0 l3=14+28 ip=4 proto=17 fragment later"),
            Arguments.of("IPv4 first fragment", ethernet(IPV4, resum(with16(ipv4(UDP, udp(1, 53, 0)), 6, 0x2000))),
                "type=0x0800 vlans=0 l3=14+28 ip=4 proto=17 fragment l4=34+8 ports=1>53"),
            Arguments.of("IPv4 last fragment, largest offset",
                ethernet(IPV4, resum(with16(ipv4(UDP, new byte[7]), 6, 0x1FFF))),
                "type=0x0800 vlans=0 l3=14+27 ip=4 proto=17 fragment later"),
            Arguments.of("IPv4 with Ethernet padding", pad(ethernet(IPV4, ipv4(UDP, udp(7, 9, 0))), 18),
                "type=0x0800 vlans=0 l3=14+28 ip=4 proto=17 l4=34+8 ports=7>9"),
            Arguments.of("IPv4 with options", ethernet(IPV4, ipv4Ihl6(udp(7, 9, 0))),
                "type=0x0800 vlans=0 l3=14+32 ip=4 proto=17 l4=38+8 ports=7>9"),
            Arguments.of("IPv6 hop-by-hop, then UDP", ethernet(IPV6, ipv6(0, concat(extension(UDP, 0), udp(1, 2, 0)))),
                "type=0x86dd vlans=0 l3=14+56 ip=6 proto=17 l4=62+8 ports=1>2"),
            Arguments.of("IPv6 routing and destination options, then TCP",
                ethernet(IPV6, ipv6(43, concat(extension(60, 1), extension(TCP, 0), tcp(5, 6, 0x12, 0)))),
                "type=0x86dd vlans=0 l3=14+84 ip=6 proto=6 l4=78+20 ports=5>6 flags=0x12"),
            Arguments.of("IPv6 authentication header, then UDP",
                ethernet(IPV6, ipv6(51, concat(authentication(UDP, 1), udp(1, 2, 0)))),
                "type=0x86dd vlans=0 l3=14+60 ip=6 proto=17 l4=66+8 ports=1>2"),
            Arguments.of("IPv6 first fragment", ethernet(IPV6, ipv6(44, concat(fragment(UDP, 0, true), udp(1, 2, 0)))),
                "type=0x86dd vlans=0 l3=14+56 ip=6 proto=17 fragment l4=62+8 ports=1>2"),
            Arguments.of("IPv6 later fragment", ethernet(IPV6, ipv6(44, concat(fragment(UDP, 185, false), new byte[3]))),
                "type=0x86dd vlans=0 l3=14+51 ip=6 proto=17 fragment later"),
            Arguments.of("IPv6 ESP", ethernet(IPV6, ipv6(50, new byte[16])),
                "type=0x86dd vlans=0 l3=14+56 ip=6 proto=50"),
            Arguments.of("IPv6 no next header", ethernet(IPV6, ipv6(59, new byte[0])),
                "type=0x86dd vlans=0 l3=14+40 ip=6 proto=59"),
            Arguments.of("ICMPv6 echo", ethernet(IPV6, ipv6(ICMPV6, icmp(128, 0, 1, 1, 0))),
                "type=0x86dd vlans=0 l3=14+48 ip=6 proto=58 l4=54+8 icmp=128/0"),
            Arguments.of("TCP with options", ethernet(IPV4, ipv4(TCP, with(tcp(1, 2, 4), 12, 0x60))),
                "type=0x0800 vlans=0 l3=14+44 ip=4 proto=6 l4=34+24 ports=1>2 flags=0x02"));
    }

    static Stream<Arguments> malformedFrames()
    {
        final byte[] udp4 = ethernet(IPV4, ipv4(UDP, udp(1, 53, 0)));
        final byte[] tcp4 = ethernet(IPV4, ipv4(TCP, tcp(1, 80, 0)));
        final byte[] udp6 = ethernet(IPV6, ipv6(UDP, udp(1, 53, 0)));
        final byte[] arp = arp(1, SOURCE_MAC, SOURCE_IPV4, 0, DESTINATION_IPV4);
        final byte[] nineDestinationOptions = new byte[80];
        for (int i = 0; i < 9; i++)
        {
            nineDestinationOptions[8 * i] = 60;
        }
        return Stream.of(
            Arguments.of("empty", new byte[0], ParseResult.TRUNCATED_ETHERNET),
            Arguments.of("13 bytes", new byte[13], ParseResult.TRUNCATED_ETHERNET),
            Arguments.of("tag without TCI", cut(ethernet(IPV4, new byte[0], 0x8100, 1), 14),
                ParseResult.TRUNCATED_VLAN),
            Arguments.of("tag without EtherType", cut(ethernet(IPV4, new byte[0], 0x8100, 1), 17),
                ParseResult.TRUNCATED_VLAN),
            Arguments.of("second tag cut", cut(ethernet(IPV4, new byte[0], 0x88A8, 1, 0x8100, 2), 21),
                ParseResult.TRUNCATED_VLAN),
            Arguments.of("ARP in 7 bytes", ethernet(ARP, new byte[7]), ParseResult.TRUNCATED_ARP),
            Arguments.of("ARP addresses cut", ethernet(ARP, cut(arp, 27)), ParseResult.TRUNCATED_ARP),
            Arguments.of("ARP address lengths past the frame", ethernet(ARP, with(arp, 4, 255)),
                ParseResult.TRUNCATED_ARP),
            Arguments.of("IPv4 under 20 bytes", cut(udp4, 33), ParseResult.TRUNCATED_IPV4),
            Arguments.of("IPv4 version 6", with(udp4, 14, 0x65), ParseResult.BAD_IPV4_VERSION),
            Arguments.of("IPv4 IHL 4", with(udp4, 14, 0x44), ParseResult.BAD_IPV4_IHL),
            Arguments.of("IPv4 total length 19", with16(udp4, 16, 19), ParseResult.BAD_IPV4_LENGTH),
            Arguments.of("IPv4 IHL 15 over total length", with(udp4, 14, 0x4F), ParseResult.BAD_IPV4_LENGTH),
            Arguments.of("IPv4 total length past the frame", with16(udp4, 16, 29), ParseResult.TRUNCATED_IPV4),
            Arguments.of("IPv4 cut inside the payload", cut(udp4, 41), ParseResult.TRUNCATED_IPV4),
            Arguments.of("IPv4 checksum off by one", with(udp4, 25, udp4[25] + 1), ParseResult.BAD_IPV4_CHECKSUM),
            Arguments.of("IPv4 TTL changed without the checksum", with(udp4, 22, 63), ParseResult.BAD_IPV4_CHECKSUM),
            Arguments.of("IPv4 fragment past 65535", ethernet(IPV4, resum(with16(ipv4(UDP, new byte[8]), 6, 0x1FFF))),
                ParseResult.BAD_IPV4_FRAGMENT),
            Arguments.of("IPv6 under 40 bytes", cut(udp6, 53), ParseResult.TRUNCATED_IPV6),
            Arguments.of("IPv6 version 4", with(udp6, 14, 0x40), ParseResult.BAD_IPV6_VERSION),
            Arguments.of("IPv6 payload past the frame", with16(udp6, 18, 9), ParseResult.TRUNCATED_IPV6),
            Arguments.of("IPv6 extension header in 1 byte", ethernet(IPV6, ipv6(43, new byte[1])),
                ParseResult.TRUNCATED_IPV6_EXTENSION),
            Arguments.of("IPv6 extension header longer than the payload", ethernet(IPV6, ipv6(60, cut(extension(UDP, 3), 16))),
                ParseResult.TRUNCATED_IPV6_EXTENSION),
            Arguments.of("IPv6 fragment header cut", ethernet(IPV6, ipv6(44, new byte[7])),
                ParseResult.TRUNCATED_IPV6_EXTENSION),
            Arguments.of("IPv6 hop-by-hop second", ethernet(IPV6, ipv6(60, concat(extension(0, 0), extension(UDP, 0)))),
                ParseResult.BAD_IPV6_EXTENSION),
            Arguments.of("IPv6 nine extension headers", ethernet(IPV6, ipv6(60, nineDestinationOptions)),
                ParseResult.BAD_IPV6_EXTENSION),
            Arguments.of("UDP header in 7 bytes", ethernet(IPV4, ipv4(UDP, new byte[7])), ParseResult.TRUNCATED_UDP),
            Arguments.of("UDP over IPv6 in 7 bytes", ethernet(IPV6, ipv6(UDP, new byte[7])), ParseResult.TRUNCATED_UDP),
            Arguments.of("UDP length 7", ethernet(IPV4, ipv4(UDP, with16(udp(1, 2, 4), 4, 7))),
                ParseResult.BAD_UDP_LENGTH),
            Arguments.of("UDP length past the payload", ethernet(IPV6, ipv6(UDP, with16(udp(1, 2, 4), 4, 13))),
                ParseResult.BAD_UDP_LENGTH),
            Arguments.of("TCP header in 19 bytes", ethernet(IPV4, ipv4(TCP, new byte[19])), ParseResult.TRUNCATED_TCP),
            Arguments.of("TCP data offset 4", with(tcp4, 46, 0x40), ParseResult.BAD_TCP_OFFSET),
            Arguments.of("TCP data offset past the payload", with(tcp4, 46, 0xF0), ParseResult.TRUNCATED_TCP),
            Arguments.of("ICMP in 7 bytes", ethernet(IPV4, ipv4(ICMP, new byte[7])), ParseResult.TRUNCATED_ICMP),
            Arguments.of("ICMPv6 in 7 bytes", ethernet(IPV6, ipv6(ICMPV6, new byte[7])), ParseResult.TRUNCATED_ICMPV6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedFrames")
    void shouldFindTheHeadersOfWellFormedFrames(final String name, final byte[] frame, final String expected)
    {
        final ParsedFrame parsed = new ParsedFrame();

        assertEquals(ParseResult.OK, parse(frame, parsed));
        assertEquals(expected, describe(parsed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void shouldNameWhatIsWrongWithMalformedFrames(final String name, final byte[] frame, final ParseResult expected)
    {
        assertEquals(expected, parse(frame, new ParsedFrame()));
    }

    @Test
    void shouldStopAtTheEthernetLayerWhenAskedTo()
    {
        final ParsedFrame parsed = new ParsedFrame();
        final byte[] badIpv4 = with(ethernet(IPV4, ipv4(UDP, udp(1, 53, 0))), 14, 0x65);
        final PacketView view = new PacketView();
        final OffHeapBatch batch = OffHeapBatch.of(badIpv4);

        assertEquals(ParseResult.OK, FrameParser.parseEthernet(view.wrap(batch.batch(), 0), parsed));
        assertEquals("type=0x0800 vlans=0 l3=14+28", describe(parsed));
    }

    @Test
    void shouldStopAtTheNetworkLayerWhenAskedTo()
    {
        final ParsedFrame parsed = new ParsedFrame();
        final byte[] shortTcp = ethernet(IPV6, ipv6(43, concat(extension(TCP, 0), new byte[4])));
        final OffHeapBatch batch = OffHeapBatch.of(shortTcp);

        assertEquals(ParseResult.OK, FrameParser.parseNetwork(new PacketView().wrap(batch.batch(), 0), parsed));
        assertEquals("type=0x86dd vlans=0 l3=14+52 ip=6 proto=43", describe(parsed));
    }

    @Test
    void shouldCheckTheIpv4HeaderAtTheNetworkLayer()
    {
        final byte[] badChecksum = with(ethernet(IPV4, ipv4(TCP, new byte[3])), 24, 0);
        final OffHeapBatch batch = OffHeapBatch.of(badChecksum);

        assertEquals(ParseResult.BAD_IPV4_CHECKSUM,
            FrameParser.parseNetwork(new PacketView().wrap(batch.batch(), 0), new ParsedFrame()));
    }

    @Test
    void shouldForgetThePreviousFrame()
    {
        final ParsedFrame parsed = new ParsedFrame();
        parse(ethernet(IPV4, ipv4(UDP, udp(1, 53, 0)), 0x8100, 5), parsed);

        parse(ethernet(0x0800, ipv4(47, new byte[0])), parsed);

        assertEquals("type=0x0800 vlans=0 l3=14+20 ip=4 proto=47 l4=34+0", describe(parsed));
    }

    @Test
    void shouldGiveEachFailureADropReasonAndOkNone()
    {
        for (final ParseResult result : ParseResult.values())
        {
            if (ParseResult.OK == result)
            {
                assertEquals(null, result.reason());
            }
            else
            {
                assertEquals(result.name().toLowerCase().replace('_', '-'), result.reason().name());
            }
        }
    }

    private static ParseResult parse(final byte[] frame, final ParsedFrame parsed)
    {
        final OffHeapBatch batch = OffHeapBatch.of(frame);
        return FrameParser.parseTransport(new PacketView().wrap(batch.batch(), 0), parsed);
    }

    private static byte[] ipv4Ihl6(final byte[] payload)
    {
        final byte[] withOptions = new byte[24 + payload.length];
        final byte[] plain = ipv4(UDP, payload);
        System.arraycopy(plain, 0, withOptions, 0, 20);
        System.arraycopy(payload, 0, withOptions, 24, payload.length);
        withOptions[0] = 0x46;
        return resum(with16(withOptions, 2, withOptions.length));
    }

    private static String describe(final ParsedFrame parsed)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format("type=0x%04x vlans=%d", parsed.etherType(), parsed.vlanCount()));
        if (parsed.vlanCount() > 0)
        {
            sb.append(" outer=").append(parsed.outerVlanId());
        }
        if (parsed.vlanCount() > 1)
        {
            sb.append(" inner=").append(parsed.innerVlanId());
        }
        sb.append(" l3=").append(parsed.l3Offset()).append('+').append(parsed.l3Length());
        if (parsed.arpOperation() >= 0)
        {
            sb.append(" arp=").append(parsed.arpOperation()).append(parsed.isEthernetIpv4Arp() ? " ethernet-ipv4" : "");
        }
        if (parsed.ipVersion() > 0)
        {
            sb.append(" ip=").append(parsed.ipVersion()).append(" proto=").append(parsed.protocol());
        }
        if (parsed.fragment())
        {
            sb.append(" fragment");
        }
        if (parsed.laterFragment())
        {
            sb.append(" later");
        }
        if (parsed.l4Offset() >= 0)
        {
            sb.append(" l4=").append(parsed.l4Offset()).append('+').append(parsed.l4Length());
        }
        if (parsed.hasPorts())
        {
            sb.append(" ports=").append(parsed.sourcePort()).append('>').append(parsed.destinationPort());
        }
        if (parsed.tcpFlags() >= 0)
        {
            sb.append(String.format(" flags=0x%02x", parsed.tcpFlags()));
        }
        if (parsed.icmpType() >= 0)
        {
            sb.append(" icmp=").append(parsed.icmpType()).append('/').append(parsed.icmpCode());
        }
        return sb.toString();
    }
}
