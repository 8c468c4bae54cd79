package org.netmapengine.io.name;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortNameExceptionTest
{
    @Test
    void shouldDrawACaretUnderTheOffendingCharacter()
    {
        final PortNameException e = assertThrows(PortNameException.class, () -> PortSpec.parse("netmap:eth0-x"));

        assertEquals(
            "bad port name 'netmap:eth0-x' at position 12: expected a ring number after '-'\n" +
            "  netmap:eth0-x\n" +
            "              ^",
            e.getMessage());
    }

    @Test
    void shouldDrawTheCaretPastTheLastCharacterWhenTheNameEndsTooEarly()
    {
        final PortNameException e = assertThrows(PortNameException.class, () -> PortSpec.parse("netmap:eth0/"));

        assertEquals(
            "bad port name 'netmap:eth0/' at position 12: expected a flag letter (x z t r R T) after '/'\n" +
            "  netmap:eth0/\n" +
            "              ^",
            e.getMessage());
    }

    @Test
    void shouldShowControlCharactersAsQuestionMarksToKeepTheCaretAligned()
    {
        final PortNameException e = new PortNameException("netmap:a\tb", 8, "something");

        assertEquals(
            "bad port name 'netmap:a?b' at position 8: expected something\n" +
            "  netmap:a?b\n" +
            "          ^",
            e.getMessage());
    }

    @Test
    void shouldKeepTheRawNameInPortName()
    {
        assertEquals("netmap:a\tb", new PortNameException("netmap:a\tb", 8, "something").portName());
    }

    @Test
    void shouldBeAnIllegalArgumentException()
    {
        assertThrows(IllegalArgumentException.class, () -> PortSpec.parse("eth0"));
    }
}
