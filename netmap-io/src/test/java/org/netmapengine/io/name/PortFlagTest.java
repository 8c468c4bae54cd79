package org.netmapengine.io.name;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PortFlagTest
{
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "x, EXCLUSIVE,         0x800,  exclusive",
        "z, ZERO_COPY_MONITOR, 0x400,  zero-copy monitor",
        "t, MONITOR_TX,        0x100,  monitor TX",
        "r, MONITOR_RX,        0x200,  monitor RX",
        "R, RX_RINGS_ONLY,     0x2000, RX rings only",
        "T, TX_RINGS_ONLY,     0x4000, TX rings only"})
    void shouldMapEachLetterToItsNrFlag(
        final char letter, final PortFlag flag, final String bit, final String description)
    {
        assertEquals(flag, PortFlag.fromLetter(letter));
        assertEquals(Long.decode(bit), flag.bit());
        assertEquals(description, flag.description());
    }

    @Test
    void shouldFindNoFlagForAnotherLetter()
    {
        assertNull(PortFlag.fromLetter('a'));
    }

    @Test
    void shouldListTheLettersInDeclarationOrder()
    {
        final StringBuilder letters = new StringBuilder();
        for (final PortFlag flag : PortFlag.values())
        {
            letters.append(flag.letter());
        }

        assertEquals(PortFlag.LETTERS, letters.toString());
    }
}
