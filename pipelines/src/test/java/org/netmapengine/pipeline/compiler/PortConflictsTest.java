package org.netmapengine.pipeline.compiler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.io.name.PortSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which pairs of port names share a ring, per direction.
 */
class PortConflictsTest
{
    @ParameterizedTest(name = "{0} and {1}: rx={2} tx={3}")
    @CsvSource({
        "netmap:eth0,      netmap:eth0,      true,  true",
        "netmap:eth0,      netmap:eth0-3,    true,  true",
        "netmap:eth0-1,    netmap:eth0-1,    true,  true",
        "netmap:eth0-1,    netmap:eth0-2,    false, false",
        "netmap:eth0,      netmap:eth0^,     false, false",
        "netmap:eth0^,     netmap:eth0^0,    true,  true",
        "netmap:eth0^0,    netmap:eth0^1,    false, false",
        "netmap:eth0*,     netmap:eth0^1,    true,  true",
        "netmap:eth0*,     netmap:eth0-7,    true,  true",
        "netmap:eth0,      netmap:eth1,      false, false",
        "netmap:eth0/R,    netmap:eth0/T,    false, false",
        "netmap:eth0/R,    netmap:eth0,      true,  false",
        "netmap:eth0/T,    netmap:eth0,      false, true",
        "netmap:eth0/r,    netmap:eth0,      false, false",
        "netmap:eth0/t,    netmap:eth0/t,    false, false",
        "netmap:eth0/z,    netmap:eth0,      false, false",
        "netmap:p{0,       netmap:p}0,       false, false",
        "netmap:p{0,       netmap:p{0,       true,  true",
        "netmap:p{0,       netmap:p{1,       false, false",
        "vale0:a,          vale0:a,          true,  true",
        "vale0:a,          vale1:a,          false, false",
        "netmap:eth0@2,    netmap:eth0,      true,  true" })
    void shouldFindSharedRingsPerDirection(final String a, final String b, final boolean rx, final boolean tx)
    {
        final PortSpec first = PortSpec.parse(a);
        final PortSpec second = PortSpec.parse(b);

        assertEquals(rx, PortConflicts.overlap(first, second, true), "RX");
        assertEquals(tx, PortConflicts.overlap(first, second, false), "TX");
        assertEquals(rx, PortConflicts.overlap(second, first, true), "RX, swapped");
    }
}
