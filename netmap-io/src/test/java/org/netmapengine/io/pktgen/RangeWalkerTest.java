package org.netmapengine.io.pktgen;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RangeWalkerTest
{
    @Test
    void shouldWalkSourcePortThenSourceAddressThenDestinationPortThenDestinationAddress()
    {
        final RangeWalker walker = new RangeWalker(Ipv4Range.parse("10.0.0.1:1-10.0.0.2:2"),
            Ipv4Range.parse("10.1.0.1:7-10.1.0.2:8"));

        assertEquals(List.of(
            "10.0.0.1:1 -> 10.1.0.1:7", "10.0.0.1:2 -> 10.1.0.1:7", "10.0.0.2:1 -> 10.1.0.1:7", "10.0.0.2:2 -> 10.1.0.1:7",
            "10.0.0.1:1 -> 10.1.0.1:8", "10.0.0.1:2 -> 10.1.0.1:8", "10.0.0.2:1 -> 10.1.0.1:8", "10.0.0.2:2 -> 10.1.0.1:8",
            "10.0.0.1:1 -> 10.1.0.2:7", "10.0.0.1:2 -> 10.1.0.2:7", "10.0.0.2:1 -> 10.1.0.2:7", "10.0.0.2:2 -> 10.1.0.2:7",
            "10.0.0.1:1 -> 10.1.0.2:8", "10.0.0.1:2 -> 10.1.0.2:8", "10.0.0.2:1 -> 10.1.0.2:8", "10.0.0.2:2 -> 10.1.0.2:8"),
            walk(walker, 16));
    }

    @Test
    void shouldWrapToTheStartAfterTheLastPair()
    {
        final RangeWalker walker = new RangeWalker(Ipv4Range.parse("10.0.0.1:1-10.0.0.2:1"), Ipv4Range.parse("10.1.0.1:7"));

        assertEquals(List.of("10.0.0.1:1 -> 10.1.0.1:7", "10.0.0.2:1 -> 10.1.0.1:7", "10.0.0.1:1 -> 10.1.0.1:7"),
            walk(walker, 3));
    }

    @Test
    void shouldStayPutOnSingleValuedRanges()
    {
        final RangeWalker walker = new RangeWalker(Ipv4Range.parse("10.0.0.1"), Ipv4Range.parse("10.1.0.1"));

        assertEquals(List.of("10.0.0.1:1234 -> 10.1.0.1:1234", "10.0.0.1:1234 -> 10.1.0.1:1234"), walk(walker, 2));
    }

    @Test
    void shouldWalkAcrossTheTopOfTheAddressSpaceWithoutOverflowing()
    {
        final RangeWalker walker = new RangeWalker(Ipv4Range.parse("255.255.255.254:9-255.255.255.255"),
            Ipv4Range.parse("10.1.0.1:7"));

        assertEquals(List.of("255.255.255.254:9 -> 10.1.0.1:7", "255.255.255.255:9 -> 10.1.0.1:7",
            "255.255.255.254:9 -> 10.1.0.1:7"), walk(walker, 3));
    }

    private static List<String> walk(final RangeWalker walker, final int steps)
    {
        final List<String> seen = new ArrayList<>();
        for (int i = 0; i < steps; i++)
        {
            seen.add(walker.toString());
            walker.advance();
        }
        return seen;
    }
}
