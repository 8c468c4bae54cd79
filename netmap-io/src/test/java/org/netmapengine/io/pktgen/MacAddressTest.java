package org.netmapengine.io.pktgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MacAddressTest
{
    @Test
    void shouldParseColonNotation()
    {
        assertEquals(0xaabbccddeeffL, MacAddress.parse("aa:bb:cc:dd:ee:ff"));
    }

    @Test
    void shouldTakeOneDigitGroupsAsEtherAtonDoes()
    {
        assertEquals(0x0200000a0001L, MacAddress.parse("2:0:0:a:0:1"));
    }

    @Test
    void shouldFormatWithTwoLowerCaseDigitsPerByte()
    {
        assertEquals("02:00:00:0a:00:ff", MacAddress.format(0x0200000a00ffL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aa:bb:cc:dd:ee       | it has 5 groups of hex digits",
        "aa-bb-cc-dd-ee-ff    | it has 1 group of hex digits",
        "aa:bb:cc:dd:ee:fff   | it has a group of 3 digits",
        "aa:bb::dd:ee:ff      | it has a group of 0 digits",
        "aa:bb:cc:dd:ee:fg    | it has 'g', which is not a hex digit",
    })
    void shouldRejectBadAddressesSayingWhatIsWrong(final String text, final String why)
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));

        assertEquals("bad MAC address '" + text + "': " + why +
            "; expected six hex bytes separated by ':', e.g. aa:bb:cc:dd:ee:ff", e.getMessage());
    }
}
