package org.netmapengine.io.name;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.io.name.PipeEnd.MASTER;
import static org.netmapengine.io.name.PipeEnd.NONE;
import static org.netmapengine.io.name.PipeEnd.SLAVE;
import static org.netmapengine.io.name.Prefix.NETMAP;
import static org.netmapengine.io.name.Prefix.VALE;
import static org.netmapengine.io.name.RegMode.ALL_NIC;
import static org.netmapengine.io.name.RegMode.NIC_SW;
import static org.netmapengine.io.name.RegMode.ONE_NIC;
import static org.netmapengine.io.name.RegMode.ONE_SW;
import static org.netmapengine.io.name.RegMode.SW;

/**
 * Every valid form of the port-name syntax (without options), with the nmreq fields it must produce.
 */
class PortSpecValidNamesTest
{
    private static final long X = 0x800;
    private static final long Z = 0x400;
    private static final long T_LOWER = 0x100;
    private static final long R_LOWER = 0x200;
    private static final long R_UPPER = 0x2000;
    private static final long T_UPPER = 0x4000;

    static Stream<Arguments> validNames()
    {
        return Stream.of(
            // name, prefix, kernelName, parent, pipeEnd, pipeId, mode, ringId, flags, memId
            row("netmap:eth0", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, 0, 0),
            row("netmap:eth0-0", NETMAP, "eth0", "eth0", NONE, null, ONE_NIC, 0, 0, 0),
            row("netmap:eth0-4094", NETMAP, "eth0", "eth0", NONE, null, ONE_NIC, 4094, 0, 0),
            row("netmap:eth0-007", NETMAP, "eth0", "eth0", NONE, null, ONE_NIC, 7, 0, 0),
            row("netmap:eth0^", NETMAP, "eth0", "eth0", NONE, null, SW, 0, 0, 0),
            row("netmap:eth0^3", NETMAP, "eth0", "eth0", NONE, null, ONE_SW, 3, 0, 0),
            row("netmap:eth0*", NETMAP, "eth0", "eth0", NONE, null, NIC_SW, 0, 0, 0),
            row("netmap:eth0.100", NETMAP, "eth0.100", "eth0.100", NONE, null, ALL_NIC, 0, 0, 0),
            row("netmap:p{1", NETMAP, "p{1", "p", MASTER, "1", ALL_NIC, 0, 0, 0),
            row("netmap:p}1", NETMAP, "p}1", "p", SLAVE, "1", ALL_NIC, 0, 0, 0),
            row("netmap:p{pn_a", NETMAP, "p{pn_a", "p", MASTER, "pn_a", ALL_NIC, 0, 0, 0),
            row("netmap:p}pn_a", NETMAP, "p}pn_a", "p", SLAVE, "pn_a", ALL_NIC, 0, 0, 0),
            row("netmap:foo}pn", NETMAP, "foo}pn", "foo", SLAVE, "pn", ALL_NIC, 0, 0, 0),
            row("netmap:p{1-0", NETMAP, "p{1", "p", MASTER, "1", ONE_NIC, 0, 0, 0),
            row("netmap:p}2/R", NETMAP, "p}2", "p", SLAVE, "2", ALL_NIC, 0, R_UPPER, 0),
            row("netmap:eth0-3/R", NETMAP, "eth0", "eth0", NONE, null, ONE_NIC, 3, R_UPPER, 0),
            row("netmap:eth0-3/T", NETMAP, "eth0", "eth0", NONE, null, ONE_NIC, 3, T_UPPER, 0),
            row("netmap:eth0/rt", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, R_LOWER | T_LOWER, 0),
            row("netmap:eth0/z", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, Z, 0),
            row("netmap:eth0/xzRT", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, X | Z | R_UPPER | T_UPPER, 0),
            row("netmap:eth0/TRzx", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, X | Z | R_UPPER | T_UPPER, 0),
            row("netmap:eth0/xx", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, X, 0),
            row("netmap:eth0*/x", NETMAP, "eth0", "eth0", NONE, null, NIC_SW, 0, X, 0),
            row("netmap:eth0@2", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, 0, 2),
            row("netmap:eth0@65535", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, 0, 65535),
            row("netmap:eth0@2@2", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, 0, 2),
            row("netmap:eth0/R@3", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, R_UPPER, 3),
            row("netmap:eth0-1@4/x", NETMAP, "eth0", "eth0", NONE, null, ONE_NIC, 1, X, 4),
            row("netmap:eth0/x@2/R", NETMAP, "eth0", "eth0", NONE, null, ALL_NIC, 0, X | R_UPPER, 2),
            row("netmap:eth0^@1", NETMAP, "eth0", "eth0", NONE, null, SW, 0, 0, 1),
            row("netmap:eth0^3/T@7", NETMAP, "eth0", "eth0", NONE, null, ONE_SW, 3, T_UPPER, 7),
            row("vale0:a", VALE, "vale0:a", "vale0:a", NONE, null, ALL_NIC, 0, 0, 0),
            row("vale:a", VALE, "vale:a", "vale:a", NONE, null, ALL_NIC, 0, 0, 0),
            row("valeX:port{1", VALE, "valeX:port{1", "valeX:port", MASTER, "1", ALL_NIC, 0, 0, 0),
            row("vale1:p2}3/T", VALE, "vale1:p2}3", "vale1:p2", SLAVE, "3", ALL_NIC, 0, T_UPPER, 0),
            row("vale_sw:v1-2@5", VALE, "vale_sw:v1", "vale_sw:v1", NONE, null, ONE_NIC, 2, 0, 5));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldKeepTheNameAsGiven(final String name, final Expected expected)
    {
        assertEquals(name, PortSpec.parse(name).name());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldRecogniseThePrefix(final String name, final Expected expected)
    {
        assertEquals(expected.prefix, PortSpec.parse(name).prefix());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldDeriveTheKernelName(final String name, final Expected expected)
    {
        assertEquals(expected.kernelName, PortSpec.parse(name).kernelName());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldDeriveTheParent(final String name, final Expected expected)
    {
        assertEquals(expected.parent, PortSpec.parse(name).parent());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldDeriveThePipeEndAndId(final String name, final Expected expected)
    {
        final PortSpec spec = PortSpec.parse(name);

        assertEquals(expected.pipeEnd, spec.pipeEnd());
        assertEquals(expected.pipeId, spec.pipeId());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldDeriveTheModeAndRing(final String name, final Expected expected)
    {
        final PortSpec spec = PortSpec.parse(name);

        assertEquals(expected.mode, spec.mode());
        assertEquals(expected.ringId, spec.ringId());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldDeriveTheFlags(final String name, final Expected expected)
    {
        assertEquals(expected.flags, PortSpec.parse(name).flags());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldDeriveTheMemoryId(final String name, final Expected expected)
    {
        assertEquals(expected.memId, PortSpec.parse(name).memId());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validNames")
    void shouldHaveNoOptions(final String name, final Expected expected)
    {
        final PortSpec spec = PortSpec.parse(name);

        assertEquals(
            PortOptions.NONE,
            new PortOptions(
                spec.conf().orElse(null),
                spec.extmem().orElse(null),
                spec.offset().orElse(null),
                spec.share().orElse(null),
                spec.replay().orElse(null)));
    }

    @Test
    void shouldAcceptAKernelNameOfExactly63Characters()
    {
        final String longName = "a".repeat(63);

        assertEquals(longName, PortSpec.parse("netmap:" + longName).kernelName());
    }

    @Test
    void shouldCountTheValePrefixInTheKernelNameLength()
    {
        final String name = "vale0:" + "b".repeat(57);

        assertEquals(63, PortSpec.parse(name).kernelName().length());
    }

    record Expected(
        Prefix prefix,
        String kernelName,
        String parent,
        PipeEnd pipeEnd,
        String pipeId,
        RegMode mode,
        int ringId,
        long flags,
        int memId)
    {
        public String toString()
        {
            return kernelName;
        }
    }

    private static Arguments row(
        final String name,
        final Prefix prefix,
        final String kernelName,
        final String parent,
        final PipeEnd pipeEnd,
        final String pipeId,
        final RegMode mode,
        final int ringId,
        final long flags,
        final int memId)
    {
        return Arguments.of(name, new Expected(prefix, kernelName, parent, pipeEnd, pipeId, mode, ringId, flags, memId));
    }
}
