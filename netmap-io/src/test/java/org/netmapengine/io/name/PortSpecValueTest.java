package org.netmapengine.io.name;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PortSpec as a value: equality, text forms and the description printed by {@code ports parse}.
 */
class PortSpecValueTest
{
    @Test
    void shouldBeEqualToASpecParsedFromTheSameText()
    {
        final PortSpec a = PortSpec.parse("netmap:eth0-2/R@3@conf:rings=4");
        final PortSpec b = PortSpec.parse("netmap:eth0-2/R@3@conf:rings=4");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void shouldDifferFromASpecWithTheSameMeaningWrittenDifferently()
    {
        assertNotEquals(PortSpec.parse("netmap:eth0/xR"), PortSpec.parse("netmap:eth0/Rx"));
    }

    @Test
    void shouldGiveTheSameCanonicalNameToSpecsWithTheSameMeaning()
    {
        assertEquals(
            PortSpec.parse("netmap:eth0/Rx@2@conf:slots=8,rings=1").canonicalName(),
            PortSpec.parse("netmap:eth0@2/xR@conf:rings=1,slots=8").canonicalName());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "netmap:eth0                                  | netmap:eth0",
        "netmap:eth0-007                              | netmap:eth0-7",
        "netmap:eth0^                                 | netmap:eth0^",
        "netmap:eth0^0                                | netmap:eth0^0",
        "netmap:eth0*                                 | netmap:eth0*",
        "netmap:eth0@2/TRzxtr                         | netmap:eth0/xztrRT@2",
        "netmap:eth0/x@2/R@2                          | netmap:eth0/xR@2",
        "netmap:p}pn_a-1                              | netmap:p}pn_a-1",
        "vale:a{1                                     | vale:a{1",
        "netmap:eth0@share=vale0:b@offset:bits=8,initial=64@extmem:file=/x@conf:host_rings=2 | " +
            "netmap:eth0@conf:host-rings=2@extmem=/x@offset:initial=64,bits=8@share=vale0:b"})
    void shouldWriteTheCanonicalName(final String name, final String canonical)
    {
        assertEquals(canonical, PortSpec.parse(name).canonicalName());
    }

    @Test
    void shouldPrintAsTheNameItWasParsedFrom()
    {
        assertEquals("netmap:eth0@2/R", PortSpec.parse("netmap:eth0@2/R").toString());
    }

    @Test
    void shouldExposeTheFlagsAsASetInDeclarationOrder()
    {
        assertEquals(
            Set.of(PortFlag.EXCLUSIVE, PortFlag.TX_RINGS_ONLY),
            PortSpec.parse("netmap:eth0/Tx").flagSet());
    }

    @Test
    void shouldNotLetCallersChangeTheFlagSet()
    {
        final Set<PortFlag> flags = PortSpec.parse("netmap:eth0/x").flagSet();

        assertThrows(UnsupportedOperationException.class, () -> flags.add(PortFlag.MONITOR_RX));
    }

    @Test
    void shouldAnswerWhetherAFlagIsSet()
    {
        final PortSpec spec = PortSpec.parse("netmap:eth0/R");

        assertTrue(spec.hasFlag(PortFlag.RX_RINGS_ONLY));
        assertFalse(spec.hasFlag(PortFlag.MONITOR_RX));
    }

    @Test
    void shouldGiveTheValeSwitchId()
    {
        assertEquals("0", PortSpec.parse("vale0:a").switchId());
    }

    @Test
    void shouldGiveAnEmptySwitchIdForTheDefaultSwitch()
    {
        assertEquals("", PortSpec.parse("vale:a").switchId());
    }

    @Test
    void shouldGiveNoSwitchIdForNetmapPorts()
    {
        assertNull(PortSpec.parse("netmap:eth0").switchId());
    }

    @Test
    void shouldRejectANullName()
    {
        assertThrows(NullPointerException.class, () -> PortSpec.parse(null));
    }

    static Stream<Arguments> descriptions()
    {
        return Stream.of(
            Arguments.of("netmap:eth0-2/R",
                "port name:     netmap:eth0-2/R\n" +
                "prefix:        netmap\n" +
                "kernel name:   eth0\n" +
                "parent:        eth0\n" +
                "mode:          one NIC ring pair: ring 2 (NR_REG_ONE_NIC = 4)\n" +
                "ring:          2\n" +
                "flags:         RX rings only (/R, nr_flags 0x2000)\n" +
                "memory id:     auto\n"),
            Arguments.of("netmap:eth0^",
                "port name:     netmap:eth0^\n" +
                "prefix:        netmap\n" +
                "kernel name:   eth0\n" +
                "parent:        eth0\n" +
                "mode:          host rings only (NR_REG_SW = 2)\n" +
                "ring:          none\n" +
                "flags:         none\n" +
                "memory id:     auto\n"),
            Arguments.of("netmap:foo{1/xT@3",
                "port name:     netmap:foo{1/xT@3\n" +
                "prefix:        netmap\n" +
                "kernel name:   foo{1\n" +
                "parent:        foo\n" +
                "mode:          pipe master end, pipe id 1 (NR_REG_ALL_NIC = 1)\n" +
                "ring:          none\n" +
                "flags:         exclusive, TX rings only (/xT, nr_flags 0x4800)\n" +
                "memory id:     3\n"),
            Arguments.of("vale:p}a-0",
                "port name:     vale:p}a-0\n" +
                "prefix:        vale (default switch)\n" +
                "kernel name:   vale:p}a\n" +
                "parent:        vale:p\n" +
                "mode:          pipe slave end, pipe id a; one NIC ring pair: ring 0 (NR_REG_ONE_NIC = 4)\n" +
                "ring:          0\n" +
                "flags:         none\n" +
                "memory id:     auto\n"),
            Arguments.of("vale0:a*@conf:rings=4,slots=1024@extmem=/h/x@offset=64@share=netmap:eth0",
                "port name:     vale0:a*@conf:rings=4,slots=1024@extmem=/h/x@offset=64@share=netmap:eth0\n" +
                "prefix:        vale (switch vale0)\n" +
                "kernel name:   vale0:a\n" +
                "parent:        vale0:a\n" +
                "mode:          NIC and host rings (NR_REG_NIC_SW = 3)\n" +
                "ring:          none\n" +
                "flags:         none\n" +
                "memory id:     auto\n" +
                "option conf:   rings=4, slots=1024\n" +
                "option extmem: file=/h/x\n" +
                "option offset: initial=64\n" +
                "option share:  port=netmap:eth0 (kernel name eth0)\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("descriptions")
    void shouldDescribeEveryFieldForHumans(final String name, final String description)
    {
        assertEquals(description, PortSpec.parse(name).describe());
    }
}
