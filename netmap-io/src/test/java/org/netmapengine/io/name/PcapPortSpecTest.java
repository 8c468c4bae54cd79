package org.netmapengine.io.name;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pcap:PATH[@replay...]}: a capture file as a port, with its replay settings in the name.
 */
class PcapPortSpecTest
{
    @Test
    void shouldTakeEverythingUpToTheFirstAtAsThePath()
    {
        final PortSpec spec = PortSpec.parse("pcap:/var/tmp/day 1/cap-2.pcap");

        assertTrue(spec.isPcap());
        assertEquals(Prefix.PCAP, spec.prefix());
        assertEquals("/var/tmp/day 1/cap-2.pcap", spec.parent());
        assertEquals("/var/tmp/day 1/cap-2.pcap", spec.kernelName());
        assertEquals(PipeEnd.NONE, spec.pipeEnd());
        assertEquals(RegMode.ALL_NIC, spec.mode());
        assertEquals(0, spec.flags());
    }

    @Test
    void shouldAcceptARelativePath()
    {
        assertEquals("captures/a.pcap", PortSpec.parse("pcap:captures/a.pcap").parent());
    }

    @Test
    void shouldReplayAtMaximumSpeedOnceByDefault()
    {
        assertTrue(PortSpec.parse("pcap:/a.pcap").replay().isEmpty());
        assertEquals(ReplayOption.DEFAULT, PortSpec.parse("pcap:/a.pcap@replay=max").replay().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pcap:/a.pcap@replay=recorded                    | RECORDED | 0      | 1.0  | 1",
        "pcap:/a.pcap@replay:rate=recorded,speed=2.5     | RECORDED | 0      | 2.5  | 1",
        "pcap:/a.pcap@replay:rate=recorded,speed=0.001   | RECORDED | 0      | 0.001| 1",
        "pcap:/a.pcap@replay=100000                      | RATE     | 100000 | 1.0  | 1",
        "pcap:/a.pcap@replay:rate=10,loop=0              | RATE     | 10     | 1.0  | 0",
        "pcap:/a.pcap@replay:loop=3                      | MAX      | 0      | 1.0  | 3",
    })
    void shouldReadTheReplayOption(
        final String name, final ReplayOption.Pace pace, final long rate, final double speed, final long loop)
    {
        assertEquals(new ReplayOption(pace, rate, speed, loop), PortSpec.parse(name.trim()).replay().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pcap:/a.pcap                                  | pcap:/a.pcap",
        "pcap:/a.pcap@replay=max                       | pcap:/a.pcap",
        "pcap:/a.pcap@replay:loop=2,rate=recorded      | pcap:/a.pcap@replay:rate=recorded,loop=2",
        "pcap:/a.pcap@replay:rate=recorded,speed=2     | pcap:/a.pcap@replay:rate=recorded,speed=2.0",
        "pcap:/a.pcap@replay=500                       | pcap:/a.pcap@replay=500",
    })
    void shouldWriteACanonicalNameThatParsesToTheSameMeaning(final String name, final String canonical)
    {
        final PortSpec spec = PortSpec.parse(name.trim());

        assertEquals(canonical.trim(), spec.canonicalName());
        assertEquals(spec.replay().orElse(ReplayOption.DEFAULT),
            PortSpec.parse(spec.canonicalName()).replay().orElse(ReplayOption.DEFAULT));
    }

    @Test
    void shouldIgnoreFlagsAndRingsAskedForByTheRuntime()
    {
        final PortSpec spec = PortSpec.parse("pcap:/a.pcap@replay=recorded");

        assertSame(spec, spec.withFlag(PortFlag.RX_RINGS_ONLY));
        assertSame(spec, spec.withRing(0));
    }

    @Test
    void shouldDescribeTheFileAndTheReplay()
    {
        assertEquals(String.join("\n",
            "port name:     pcap:/a.pcap@replay:rate=100,loop=0",
            "prefix:        pcap (a capture file replayed through one RX ring)",
            "file:          /a.pcap",
            "replay:        rate=100, speed=1, loop=0",
            ""), PortSpec.parse("pcap:/a.pcap@replay:rate=100,loop=0").describe());
    }

    @Test
    void shouldNotTakeNetmapNamesForPcap()
    {
        assertFalse(PortSpec.parse("netmap:eth0").isPcap());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pcap:                                 | 5  | the path of a capture file after 'pcap:'",
        "pcap:@replay=max                      | 5  | the path of a capture file after 'pcap:'",
        "pcap:/a.pcap@                         | 13 | an option name after '@'",
        "pcap:/a.pcap@conf:rings=1             | 13 | an option of a pcap port: replay",
        "pcap:/a.pcap@replay                   | 19 | '=' and a rate, or ':' and key=value pairs, after 'replay'",
        "pcap:/a.pcap@replay=fast              | 20 | max, recorded or packets per second for key 'rate'",
        "pcap:/a.pcap@replay=0                 | 20 | a rate of at least 1 packet per second for key 'rate'",
        "pcap:/a.pcap@replay=2000000000        | 20 | a number in [0, 1000000000] for key 'rate'",
        "pcap:/a.pcap@replay:speed=2           | 26 | no 'speed' unless rate=recorded (it scales the recorded timing)",
        "pcap:/a.pcap@replay:rate=recorded,speed=0 | 40 | a factor above 0 and at most 1000000, such as 2 or 0.5, for key 'speed'",
        "pcap:/a.pcap@replay:rate=recorded,speed=x | 40 | a factor above 0 and at most 1000000, such as 2 or 0.5, for key 'speed'",
        "pcap:/a.pcap@replay:loop=-1           | 25 | a decimal number for key 'loop'",
        "pcap:/a.pcap@replay:jitter=1          | 20 | a key of option 'replay': rate, speed, loop",
        "pcap:/a.pcap@replay=max@replay=max    | 24 | at most one 'replay' option",
        "netmap:eth0@replay=max                | 12 | an option name: conf, extmem, offset or share",
        "netmap:eth0@share=pcap:/a.pcap        | 18 | a netmap or VALE port to share memory with (a capture file has none)",
    })
    void shouldRejectABadPcapNameWithThePositionAndWhatWasExpected(
        final String name, final int position, final String expected)
    {
        final PortNameException e = assertThrows(PortNameException.class, () -> PortSpec.parse(name.trim()));

        assertEquals(position, e.position());
        assertEquals(expected.trim(), e.expected());
    }
}
