package org.netmapengine.io.name;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegModeTest
{
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "DEFAULT, 0", "ALL_NIC, 1", "SW, 2", "NIC_SW, 3", "ONE_NIC, 4",
        "PIPE_MASTER, 5", "PIPE_SLAVE, 6", "NULL, 7", "ONE_SW, 8"})
    void shouldCarryTheNrRegValue(final RegMode mode, final int value)
    {
        assertEquals(value, mode.value());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"0", "1", "2", "3", "4", "5", "6", "7", "8"})
    void shouldFindTheModeForEachValue(final int value)
    {
        assertEquals(value, RegMode.fromValue(value).value());
    }

    @Test
    void shouldRejectAnUnknownValue()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegMode.fromValue(9));

        assertEquals("unknown NR_REG_* mode: value=9", e.getMessage());
    }
}
