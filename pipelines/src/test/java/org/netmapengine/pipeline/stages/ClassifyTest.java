package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.ARP;
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.ICMPV6;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.arp;
import static org.netmapengine.pipeline.testing.Frames.concat;
import static org.netmapengine.pipeline.testing.Frames.cut;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.extension;
import static org.netmapengine.pipeline.testing.Frames.icmp;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;
import static org.netmapengine.pipeline.testing.Frames.with;

class ClassifyTest
{
    private static final String RULES = String.join("\n",
        "rules = [",
        "  { name = syn, tcp-flags = \"syn,!ack\" }",
        "  { name = web, protocol = tcp, dst-ports = \"80,443,8000-8080\" }",
        "  { name = dns, protocol = udp, ports = 53 }",
        "  { name = lan, src = [\"192.168.0.0/16\", \"2001:db8::/32\"] }",
        "  { name = voice, vlan = \"100-199\", protocol = udp, src-ports = \"5060\" }",
        "  { name = mgmt, vlan = none, dst = \"10.9.0.0/24\" }",
        "  { name = ping, protocol = icmp }",
        "  { name = ping, protocol = icmpv6 }",
        "  { name = arp, ethertype = arp }",
        "  { name = gre, protocol = 47, ethertype = 0x0800 }",
        "]");

    static Stream<Arguments> frames()
    {
        return Stream.of(
            Arguments.of("SYN to 80: the first rule wins", ethernet(IPV4, ipv4(TCP, tcp(1, 80, 0x02, 0))), "syn"),
            Arguments.of("ACK to 80", ethernet(IPV4, ipv4(TCP, tcp(1, 80, 0x10, 0))), "web"),
            Arguments.of("SYN-ACK to 8080", ethernet(IPV6, ipv6(TCP, tcp(1, 8080, 0x12, 0))), "web"),
            Arguments.of("ACK to 8081", ethernet(IPV4, ipv4(TCP, tcp(1, 8081, 0x10, 0))), "miss"),
            Arguments.of("UDP from 53", ethernet(IPV4, ipv4(UDP, udp(53, 9999, 0))), "dns"),
            Arguments.of("UDP to 53 behind a routing header",
                ethernet(IPV6, ipv6(43, concat(extension(UDP, 0), udp(9, 53, 0)))), "dns"),
            Arguments.of("from 192.168.1.1", ethernet(IPV4, ipv4(0xC0A80101, 0x0A000001, 50, new byte[0])), "lan"),
            Arguments.of("from 2001:db8::1", ethernet(IPV6, ipv6From(0x2001_0db8_0000_0000L, 50)), "lan"),
            Arguments.of("from 2001:db9::1", ethernet(IPV6, ipv6From(0x2001_0db9_0000_0000L, 50)), "miss"),
            Arguments.of("SIP in VLAN 150", ethernet(IPV4, ipv4(UDP, udp(5060, 5060, 0)), 0x8100, 150), "voice"),
            Arguments.of("SIP in VLAN 200", ethernet(IPV4, ipv4(UDP, udp(5060, 5060, 0)), 0x8100, 200), "miss"),
            Arguments.of("SIP untagged", ethernet(IPV4, ipv4(UDP, udp(5060, 5060, 0))), "miss"),
            Arguments.of("to 10.9.0.3 untagged", ethernet(IPV4, ipv4(1, 0x0A090003, 50, new byte[0])), "mgmt"),
            Arguments.of("to 10.9.0.3 tagged", ethernet(IPV4, ipv4(1, 0x0A090003, 50, new byte[0]), 0x8100, 5),
                "miss"),
            Arguments.of("ICMP", ethernet(IPV4, ipv4(ICMP, icmp(8, 0, 1, 1, 0))), "ping"),
            Arguments.of("ICMPv6", ethernet(IPV6, ipv6(ICMPV6, icmp(128, 0, 1, 1, 0))), "ping"),
            Arguments.of("ARP", ethernet(ARP, arp(1, 1, 1, 0, 2)), "arp"),
            Arguments.of("GRE over IPv4", ethernet(IPV4, ipv4(47, new byte[4])), "gre"),
            Arguments.of("GRE over IPv6", ethernet(IPV6, ipv6(47, new byte[4])), "miss"),
            Arguments.of("LLDP", ethernet(0x88CC, new byte[46]), "miss"),
            Arguments.of("runt", new byte[12], "x truncated-ethernet"),
            Arguments.of("bad IPv4 checksum", with(ethernet(IPV4, ipv4(UDP, udp(1, 53, 0))), 24, 0x77),
                "x bad-ipv4-checksum"),
            Arguments.of("cut TCP", cut(ethernet(IPV4, ipv4(TCP, tcp(1, 80, 0))), 50), "x truncated-ipv4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void shouldSendEachFrameToItsFirstMatchingRule(final String name, final byte[] frame, final String expected)
    {
        final Classify classify = new Classify(Params.of(RULES));
        final RecordingOutputs outputs = TestStageContext.start(classify, 1);

        classify.process(OffHeapBatch.of(frame).batch(), outputs);

        assertEquals(expected, outputs.decision(0));
    }

    @Test
    void shouldDeclareEachRuleNameOnceAndMissLast()
    {
        assertEquals(List.of("syn", "web", "dns", "lan", "voice", "mgmt", "ping", "arp", "gre", "miss"),
            new Classify(Params.of(RULES)).outputs());
    }

    @Test
    void shouldMatchAnIpv4AddressGivenWithoutALength()
    {
        final Classify classify = new Classify(Params.of("rules = [ { name = one, dst = \"10.0.0.2\" } ]"));
        final RecordingOutputs outputs = TestStageContext.start(classify, 2);

        classify.process(OffHeapBatch.of(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0))),
            ethernet(IPV4, ipv4(1, 0x0A000003, UDP, udp(1, 2, 0)))).batch(), outputs);

        assertEquals(List.of("one", "miss"), outputs.decisions(2));
    }

    @Test
    void shouldMatchEverythingWithAnEmptyPrefixLength()
    {
        final Classify classify = new Classify(Params.of("rules = [ { name = v4, src = \"0.0.0.0/0\" } ]"));
        final RecordingOutputs outputs = TestStageContext.start(classify, 2);

        classify.process(OffHeapBatch.of(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0))),
            ethernet(IPV6, ipv6(UDP, udp(1, 2, 0)))).batch(), outputs);

        assertEquals(List.of("v4", "miss"), outputs.decisions(2));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                                   | rules: expected a list of rules such as [ { name = " +
            "web, protocol = tcp, dst-ports = \"80,443\" } ] (missing)",
        "rules = []                                           | rules: expected a list of rules such as [ { name = " +
            "web, protocol = tcp, dst-ports = \"80,443\" } ], got list []",
        "rules = [ web ]                                      | rules[0]: expected a list of rules such as [ { name " +
            "= web, protocol = tcp, dst-ports = \"80,443\" } ]",
        "rules = [ { protocol = tcp } ]                       | rules[0].name: expected a string (missing)",
        "rules = [ { name = miss } ]                          | rules[0].name: rule names become output names: " +
            "expected a name of letters, digits, '_' and '-', starting with a letter or digit, other than miss, got " +
            "string \"miss\"",
        "rules = [ { name = a, port = 80 } ]                  | rules[0].port: unknown key 'port': expected one of " +
            "dst, dst-ports, ethertype, name, ports, protocol, src, src-ports, tcp-flags, vlan (did you mean 'ports'?)",
        "rules = [ { name = a, protocol = sctp } ]            | rules[0].protocol: expected tcp, udp, icmp, icmpv6 " +
            "or an IP protocol number in [0, 255], got string \"sctp\"",
        "rules = [ { name = a, protocol = icmp, ports = 1 } ] | rules[0].protocol: ports need UDP or TCP: expected " +
            "tcp or udp with src-ports, dst-ports or ports, got string \"icmp\"",
        "rules = [ { name = a, protocol = udp, tcp-flags = syn } ] | rules[0].protocol: tcp-flags need TCP: " +
            "expected tcp or no protocol, got string \"udp\"",
        "rules = [ { name = a, tcp-flags = \"syn,sin\" } ]    | rules[0].tcp-flags: expected TCP flags to be set or, " +
            "with '!', clear, such as \"syn,!ack\" (fin syn rst psh ack urg ece cwr), got string \"syn,sin\"",
        "rules = [ { name = a, tcp-flags = \"syn,!syn\" } ]   | rules[0].tcp-flags: expected TCP flags to be set " +
            "or, with '!', clear, such as \"syn,!ack\" (fin syn rst psh ack urg ece cwr), got string \"syn,!syn\"",
        "rules = [ { name = a, src = \"10.0.0.0/33\" } ]      | rules[0].src: expected an IPv4 or IPv6 address or " +
            "prefix such as 10.0.0.0/8 or 2001:db8::/32, or a list of them ('10.0.0.0/33' is not), got string " +
            "\"10.0.0.0/33\"",
        "rules = [ { name = a, dst = [\"example.com\"] } ]    | rules[0].dst: expected an IPv4 or IPv6 address or " +
            "prefix such as 10.0.0.0/8 or 2001:db8::/32, or a list of them ('example.com' is not), got list " +
            "[\"example.com\"]",
        "rules = [ { name = a, vlan = 4096 } ]                | rules[0].vlan: expected VLAN ids and ranges in [0, " +
            "4095] such as 100 or \"100,200-299\", or none, got number 4096",
        "rules = [ { name = a, ethertype = ip } ]             | rules[0].ethertype: expected an EtherType in " +
            "[0x0000, 0xffff] such as 0x0800, or ipv4, ipv6 or arp, got string \"ip\"",
        "rules = [ { name = a, dst-ports = \"80-\" } ]        | rules[0].dst-ports: expected port numbers and " +
            "ranges in [0, 65535], such as 53 or \"80,443,8000-8080\" or [80, \"8000-8080\"] ('80-' is not), got " +
            "string \"80-\"",
    })
    void shouldRejectBadRules(final String hocon, final String error)
    {
        assertEquals(error, Params.error(Classify::new, hocon));
    }

    private static byte[] ipv6From(final long sourceHigh, final int nextHeader)
    {
        final byte[] packet = ipv6(nextHeader, new byte[0]);
        for (int i = 0; i < 8; i++)
        {
            packet[8 + i] = (byte)(sourceHigh >>> (56 - 8 * i));
        }
        return packet;
    }
}
