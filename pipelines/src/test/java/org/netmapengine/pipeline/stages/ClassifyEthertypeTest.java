package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.cut;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.udp;

class ClassifyEthertypeTest
{
    private static final String RULES = "rules { ipv4 = 0x0800, arp = \"0x0806\", ipv6 = 34525 }";

    static Stream<Arguments> frames()
    {
        return Stream.of(
            Arguments.of("IPv4", ethernet(0x0800, ipv4(UDP, udp(1, 2, 0))), "ipv4"),
            Arguments.of("ARP", ethernet(0x0806, new byte[28]), "arp"),
            Arguments.of("IPv6", ethernet(0x86DD, ipv6(UDP, udp(1, 2, 0))), "ipv6"),
            Arguments.of("802.1Q ARP", ethernet(0x0806, new byte[28], 0x8100, 7), "arp"),
            Arguments.of("QinQ IPv4", ethernet(0x0800, new byte[20], 0x88A8, 1, 0x8100, 2), "ipv4"),
            Arguments.of("LLDP", ethernet(0x88CC, new byte[30]), "miss"),
            Arguments.of("bad IPv4 still IPv4 here", ethernet(0x0800, new byte[3]), "ipv4"),
            Arguments.of("13 bytes", new byte[13], "x truncated-ethernet"),
            Arguments.of("tag cut short", cut(ethernet(0x0800, new byte[0], 0x8100, 7), 16), "x truncated-vlan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void shouldSendEachFrameToTheRuleOfItsEtherType(final String name, final byte[] frame, final String expected)
    {
        final ClassifyEthertype stage = new ClassifyEthertype(Params.of(RULES));
        final RecordingOutputs outputs = TestStageContext.start(stage, 1);

        stage.process(OffHeapBatch.of(frame).batch(), outputs);

        assertEquals(expected, outputs.decision(0));
    }

    @Test
    void shouldDecideEveryFrameOfABatchOnce()
    {
        final ClassifyEthertype stage = new ClassifyEthertype(Params.of(RULES));
        final OffHeapBatch batch = new OffHeapBatch(4);
        batch.add(ethernet(0x0806, new byte[28]));
        batch.add(new byte[2]);
        batch.add(ethernet(0x0800, new byte[20]));
        batch.add(ethernet(0x9000, new byte[46]));
        final RecordingOutputs outputs = TestStageContext.start(stage, 4);

        stage.process(batch.batch(), outputs);

        outputs.assertEachDecidedOnce(4);
        assertEquals(List.of("arp", "x truncated-ethernet", "ipv4", "miss"), outputs.decisions(4));
    }

    @Test
    void shouldDeclareTheRulesInWrittenOrderThenMiss()
    {
        final ClassifyEthertype stage = new ClassifyEthertype(Params.of("rules {\n zeta = 1\n alpha = 2\n mid = 3\n}"));

        assertEquals(List.of("zeta", "alpha", "mid", "miss"), stage.outputs());
    }

    static Stream<Arguments> badParameters()
    {
        return Stream.of(
            Arguments.of("", Params.PATH + ".rules", "expected an object { ... } (missing)"),
            Arguments.of("rules = [1]", Params.PATH + ".rules", "expected an object { ... }, got list [1]"),
            Arguments.of("rules {}", Params.PATH + ".rules", "expected at least one rule, such as ipv4 = 0x0800"),
            Arguments.of("rules { miss = 1 }", Params.PATH + ".rules.miss",
                "'miss' is the output for frames no rule matches: expected another rule name, got number 1"),
            Arguments.of("rules { \"a b\" = 1 }", Params.PATH + ".rules.\"a b\"",
                "rule names become output names: expected a name of letters, digits, '_' and '-', starting with " +
                "a letter or digit, got number 1"),
            Arguments.of("rules { ip = \"ip\" }", Params.PATH + ".rules.ip",
                "expected an EtherType in [0x0000, 0xffff]: an integer or a hex string such as 0x0800, got string " +
                "\"ip\""),
            Arguments.of("rules { ip = 0x10000 }", Params.PATH + ".rules.ip",
                "expected an EtherType in [0x0000, 0xffff]: an integer or a hex string such as 0x0800, got string " +
                "\"0x10000\""),
            Arguments.of("rules { ip = -1 }", Params.PATH + ".rules.ip",
                "expected an EtherType in [0x0000, 0xffff]: an integer or a hex string such as 0x0800, got number -1"),
            Arguments.of("rules { ip = 1.5 }", Params.PATH + ".rules.ip",
                "expected an EtherType in [0x0000, 0xffff]: an integer or a hex string such as 0x0800, got number 1.5"),
            Arguments.of("rules { ip = 0x0800, v4 = 2048 }", Params.PATH + ".rules.v4",
                "EtherType 0x0800 is already rule 'ip': expected each EtherType once, got number 2048"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badParameters")
    void shouldRejectBadRulesWithTheirPath(final String hocon, final String path, final String problem)
    {
        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> new ClassifyEthertype(Params.of(hocon)));

        assertEquals(path, e.path());
        assertEquals(problem, e.problem());
    }
}
