package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.concat;
import static org.netmapengine.pipeline.testing.Frames.cut;
import static org.netmapengine.pipeline.testing.Frames.extension;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;
import static org.netmapengine.pipeline.testing.Frames.with;
import static org.netmapengine.pipeline.testing.Frames.resum;
import static org.netmapengine.pipeline.testing.Frames.with16;

class ClassifyPortTest
{
    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86DD;
    private static final String RULES = String.join("\n",
        "rules {",
        "  dns = { protocol = udp, ports = 53 }",
        "  web = { protocol = tcp, ports = \"80,443,8000-8080\" }",
        "  syslog = { protocol = udp, ports = [514], match = src }",
        "  ssh = { protocol = tcp, ports = [\"22\"], match = either }",
        "}");

    static Stream<Arguments> frames()
    {
        final byte[] udp4 = ethernet(IPV4, ipv4(UDP, udp(1, 53, 0)));
        return Stream.of(
            Arguments.of("UDP to 53", udp4, "dns"),
            Arguments.of("UDP to 53 over IPv6", ethernet(IPV6, ipv6(UDP, udp(40000, 53, 12))), "dns"),
            Arguments.of("UDP to 53 in a VLAN", ethernet(IPV4, ipv4(UDP, udp(1, 53, 0)), 0x8100, 3), "dns"),
            Arguments.of("UDP from 53", ethernet(IPV4, ipv4(UDP, udp(53, 1000, 0))), "miss"),
            Arguments.of("TCP to 443", ethernet(IPV4, ipv4(TCP, tcp(50000, 443, 0))), "web"),
            Arguments.of("TCP to 8000", ethernet(IPV4, ipv4(TCP, tcp(50000, 8000, 0))), "web"),
            Arguments.of("TCP to 8080", ethernet(IPV6, ipv6(TCP, tcp(50000, 8080, 0))), "web"),
            Arguments.of("TCP to 8081", ethernet(IPV4, ipv4(TCP, tcp(50000, 8081, 0))), "miss"),
            Arguments.of("UDP to 80", ethernet(IPV4, ipv4(UDP, udp(50000, 80, 0))), "miss"),
            Arguments.of("UDP from 514", ethernet(IPV4, ipv4(UDP, udp(514, 9, 0))), "syslog"),
            Arguments.of("UDP to 514", ethernet(IPV4, ipv4(UDP, udp(9, 514, 0))), "miss"),
            Arguments.of("TCP to 22", ethernet(IPV4, ipv4(TCP, tcp(60000, 22, 0))), "ssh"),
            Arguments.of("TCP from 22", ethernet(IPV4, ipv4(TCP, tcp(22, 60000, 0))), "ssh"),
            Arguments.of("later fragment", ethernet(IPV4, resum(with16(ipv4(UDP, udp(1, 53, 0)), 6, 0x0010))), "miss"),
            Arguments.of("ICMP", ethernet(IPV4, ipv4(ICMP, new byte[8])), "miss"),
            Arguments.of("ARP", ethernet(0x0806, new byte[28]), "miss"),
            Arguments.of("UDP to 53 behind an IPv6 routing header",
                ethernet(IPV6, ipv6(43, concat(extension(UDP, 0), udp(1, 53, 0)))), "dns"),
            Arguments.of("IPv6 ESP", ethernet(IPV6, ipv6(50, new byte[8])), "miss"),
            Arguments.of("IPv6 hop-by-hop after routing", ethernet(IPV6, ipv6(43, extension(0, 0))),
                "x bad-ipv6-extension"),
            Arguments.of("IPv4 bad checksum", with(udp4, 24, 0x55), "x bad-ipv4-checksum"),
            Arguments.of("runt", new byte[10], "x truncated-ethernet"),
            Arguments.of("tag cut", cut(ethernet(IPV4, new byte[0], 0x8100, 3), 15), "x truncated-vlan"),
            Arguments.of("short IPv4", cut(udp4, 30), "x truncated-ipv4"),
            Arguments.of("IPv4 version 5", with(udp4, 14, 0x55), "x bad-ipv4-version"),
            Arguments.of("IPv4 IHL 2", with(udp4, 14, 0x42), "x bad-ipv4-ihl"),
            Arguments.of("IPv4 total length 12", with16(udp4, 16, 12), "x bad-ipv4-length"),
            Arguments.of("IPv4 total length 1500", with16(udp4, 16, 1500), "x truncated-ipv4"),
            Arguments.of("short IPv6", ethernet(IPV6, new byte[39]), "x truncated-ipv6"),
            Arguments.of("IPv6 version 0", ethernet(IPV6, with(ipv6(UDP, udp(1, 53, 0)), 0, 0)), "x bad-ipv6-version"),
            Arguments.of("short UDP", ethernet(IPV4, ipv4(UDP, new byte[4])), "x truncated-udp"),
            Arguments.of("short TCP", ethernet(IPV6, ipv6(TCP, new byte[12])), "x truncated-tcp"),
            Arguments.of("TCP data offset 0", ethernet(IPV4, ipv4(TCP, with(tcp(1, 80, 0), 12, 0))),
                "x bad-tcp-offset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void shouldSendEachPacketToTheRuleOfItsProtocolAndPort(final String name, final byte[] frame, final String expected)
    {
        final ClassifyPort stage = new ClassifyPort(Params.of(RULES));
        final RecordingOutputs outputs = TestStageContext.start(stage, 1);

        stage.process(OffHeapBatch.of(frame).batch(), outputs);

        assertEquals(expected, outputs.decision(0));
    }

    @Test
    void shouldTryRulesInWrittenOrder()
    {
        final ClassifyPort stage = new ClassifyPort(Params.of(String.join("\n",
            "rules {",
            "  http = { protocol = tcp, ports = 80 }",
            "  all = { protocol = tcp, ports = \"0-65535\" }",
            "}")));
        final OffHeapBatch batch = OffHeapBatch.of(
            ethernet(IPV4, ipv4(TCP, tcp(1000, 80, 0))),
            ethernet(IPV4, ipv4(TCP, tcp(1000, 81, 0))));
        final RecordingOutputs outputs = TestStageContext.start(stage, 2);

        stage.process(batch.batch(), outputs);

        assertEquals(List.of("http", "all"), outputs.decisions(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rules { a = { protocol = tcp, ports = 80 }, b = { protocol = udp, ports = 80 } }",
        "rules { a = { protocol = tcp, ports = 80 }, b = { protocol = tcp, ports = 81 } }",
        "rules { a = { protocol = tcp, ports = 80, match = src }, b = { protocol = tcp, ports = 81, match = src } }" })
    void shouldAcceptRulesOnOneLineThatCannotMatchTheSamePacket(final String hocon)
    {
        assertEquals(List.of("a", "b", "miss"), new ClassifyPort(Params.of(hocon)).outputs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rules { a = { protocol = tcp, ports = 80 }, b = { protocol = tcp, ports = \"1-100\" } }",
        "rules { a = { protocol = tcp, ports = 80 }, b = { protocol = tcp, ports = 81, match = src } }",
        "rules { a = { protocol = tcp, ports = 80, match = either }, b = { protocol = tcp, ports = 81 } }" })
    void shouldRejectRulesOnOneLineThatCanMatchTheSamePacket(final String hocon)
    {
        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> new ClassifyPort(Params.of(hocon)));

        assertEquals(Params.PATH + ".rules.b", e.path());
        assertEquals("rules 'a' and 'b' can match the same packet and are on one line, so which is tried first is " +
            "unknown: expected them on separate lines (the first rule written wins)", e.problem());
    }

    @Test
    void shouldDeclareTheRulesInWrittenOrderThenMiss()
    {
        assertEquals(List.of("dns", "web", "syslog", "ssh", "miss"), new ClassifyPort(Params.of(RULES)).outputs());
    }

    static Stream<Arguments> badParameters()
    {
        final String rules = Params.PATH + ".rules";
        return Stream.of(
            Arguments.of("rules {}", rules, "expected at least one rule, such as dns = { protocol = udp, ports = 53 }"),
            Arguments.of("rules { dns = 53 }", rules + ".dns", "expected an object { ... }, got number 53"),
            Arguments.of("rules { dns { ports = 53 } }", rules + ".dns.protocol",
                "expected udp or tcp (missing)"),
            Arguments.of("rules { dns { protocol = sctp, ports = 53 } }", rules + ".dns.protocol",
                "expected udp or tcp, got string \"sctp\""),
            Arguments.of("rules { dns { protocol = udp } }", rules + ".dns.ports",
                PortRanges.EXPECTED + " (missing)"),
            Arguments.of("rules { dns { protocol = udp, ports = \"53-\" } }", rules + ".dns.ports",
                PortRanges.EXPECTED + " ('53-' is not), got string \"53-\""),
            Arguments.of("rules { dns { protocol = udp, ports = 70000 } }", rules + ".dns.ports",
                PortRanges.EXPECTED + " ('70000' is not), got number 70000"),
            Arguments.of("rules { dns { protocol = udp, ports = \"90-80\" } }", rules + ".dns.ports",
                PortRanges.EXPECTED + " ('90-80' is not), got string \"90-80\""),
            Arguments.of("rules { dns { protocol = udp, ports = \"53,,54\" } }", rules + ".dns.ports",
                PortRanges.EXPECTED + " ('' is not), got string \"53,,54\""),
            Arguments.of("rules { dns { protocol = udp, ports = { a = 1 } } }", rules + ".dns.ports",
                PortRanges.EXPECTED),
            Arguments.of("rules { dns { protocol = udp, ports = 53, match = dest } }", rules + ".dns.match",
                "expected dst, src or either, got string \"dest\""),
            Arguments.of("rules { dns { protocol = udp, port = 53 } }", rules + ".dns.port",
                "unknown key 'port': expected one of match, ports, protocol (did you mean 'ports'?)"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badParameters")
    void shouldRejectBadRulesWithTheirPath(final String hocon, final String path, final String problem)
    {
        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> new ClassifyPort(Params.of(hocon)));

        assertEquals(path, e.path());
        assertEquals(problem, e.problem());
    }
}
