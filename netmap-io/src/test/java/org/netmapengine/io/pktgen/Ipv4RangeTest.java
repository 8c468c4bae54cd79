package org.netmapengine.io.pktgen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Ipv4RangeTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1                    | 10.0.0.1:1234",
        "10.0.0.1:80                 | 10.0.0.1:80",
        "10.0.0.1:80-10.0.0.1        | 10.0.0.1:80",
        "10.0.0.1-10.0.0.9           | 10.0.0.1:1234-10.0.0.9:1234",
        "10.0.0.1:80-10.0.0.9        | 10.0.0.1:80-10.0.0.9:80",
        "10.0.0.1:80-10.0.0.9:90     | 10.0.0.1:80-10.0.0.9:90",
        "10.0.0.1-10.0.0.9:90        | 10.0.0.1:90-10.0.0.9:1234",
        "0.0.0.0:0-255.255.255.255:65535 | 0.0.0.0:0-255.255.255.255:65535",
    })
    void shouldParsePktGenRanges(final String text, final String expected)
    {
        assertEquals(expected, Ipv4Range.parse(text).toString());
    }

    @Test
    void shouldSwapEndsGivenInTheWrongOrderAsPktGenDoes()
    {
        assertEquals("10.0.0.1:80-200.0.0.9:90", Ipv4Range.parse("200.0.0.9:80-10.0.0.1:90").toString());
    }

    @Test
    void shouldCountAddressPortPairs()
    {
        assertEquals(9 * 11, Ipv4Range.parse("10.0.0.1:80-10.0.0.9:90").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0        | '10.0.0' is not an IPv4 address (four numbers 0-255 separated by '.')",
        "10.0.0.256    | '10.0.0.256' is not an IPv4 address (four numbers 0-255 separated by '.')",
        "10.0.0.x      | '10.0.0.x' is not an IPv4 address (four numbers 0-255 separated by '.')",
        "10.0.0.1:     | port '' is not a number from 0 to 65535",
        "10.0.0.1:65536 | port '65536' is not a number from 0 to 65535",
        "10.0.0.1:-5   | port '' is not a number from 0 to 65535",
        "10.0.0.1-     | '' is not an IPv4 address (four numbers 0-255 separated by '.')",
    })
    void shouldRejectBadRangesNamingTheTextAndTheSyntax(final String text, final String why)
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Range.parse(text));

        assertEquals("bad address range '" + text + "': " + why + "; expected ADDR[:PORT][-ADDR[:PORT]], " +
            "e.g. 10.0.0.1:1234-10.0.0.9:1240", e.getMessage());
    }
}
