package org.netmapengine.io.name;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every error the parser reports, with the position it must point at and what it must say was expected.
 */
class PortSpecErrorsTest
{
    private static final String PREFIX = "'netmap:', 'vale<id>:' or 'pcap:'";
    private static final String SWITCH_ID = "a VALE switch id character [A-Za-z0-9_] or ':'";
    private static final String INTERFACE = "an interface name [A-Za-z0-9_.]";
    private static final String INTERFACE_CHAR = "an interface name character [A-Za-z0-9_.] or one of { } - ^ * / @";
    private static final String VALE_PORT_CHAR = "a VALE port name character [A-Za-z0-9_] or one of { } - ^ * / @";
    private static final String PIPE_CHAR = "a pipe name character [A-Za-z0-9_] or one of - ^ * / @";
    private static final String PLUS = "'*' for NIC and host rings ('+' is not netmap syntax)";
    private static final String TOO_LONG = "at most 63 characters in the kernel name (nr_name is 64 bytes with the NUL)";
    private static final String RING_RANGE = "a ring number in [0, 4095)";
    private static final String AFTER_RINGS = "'/', '@' or the end";
    private static final String FIRST_FLAG = "a flag letter (x z t r R T) after '/'";
    private static final String NEXT_FLAG = "a flag letter (x z t r R T), '@' or the end";
    private static final String MEM_RANGE = "a memory id in [1, 65535]";
    private static final String EMPTY_OPTION = "an option name after '@'";
    private static final String OPTION_NAME = "an option name: conf, extmem, offset or share";
    private static final String CONF_KEY = "a key of option 'conf': rings, host-rings, slots, tx-rings, rx-rings, " +
        "host-tx-rings, host-rx-rings, tx-slots, rx-slots";

    static Stream<Arguments> badNames()
    {
        return Stream.of(
            // prefix
            Arguments.of("", 0, PREFIX),
            Arguments.of("eth0", 0, PREFIX),
            Arguments.of("Netmap:eth0", 0, PREFIX),
            Arguments.of("netmap", 6, "':' after 'netmap'"),
            Arguments.of("netmapx:eth0", 6, "':' after 'netmap'"),
            Arguments.of("vale", 4, SWITCH_ID),
            Arguments.of("vale0", 5, SWITCH_ID),
            Arguments.of("vale-1:a", 4, SWITCH_ID),

            // port name and pipe
            Arguments.of("netmap:", 7, INTERFACE),
            Arguments.of("netmap:-1", 7, INTERFACE),
            Arguments.of("netmap:{1", 7, INTERFACE),
            Arguments.of("netmap: eth0", 7, INTERFACE),
            Arguments.of("vale0:", 6, "a VALE port name [A-Za-z0-9_]"),
            Arguments.of("vale0:a.b", 7, VALE_PORT_CHAR),
            Arguments.of("netmap:eth0:1", 11, INTERFACE_CHAR),
            Arguments.of("netmap:eth0 ", 11, INTERFACE_CHAR),
            Arguments.of("netmap:foo+", 10, PLUS),
            Arguments.of("netmap:p{1+", 10, PLUS),
            Arguments.of("netmap:p{", 9, "a pipe name [A-Za-z0-9_] after '{'"),
            Arguments.of("netmap:p}", 9, "a pipe name [A-Za-z0-9_] after '}'"),
            Arguments.of("netmap:p{/R", 9, "a pipe name [A-Za-z0-9_] after '{'"),
            Arguments.of("netmap:p{a{b", 10, PIPE_CHAR),
            Arguments.of("netmap:p{a.b", 10, PIPE_CHAR),
            Arguments.of("netmap:" + "a".repeat(64), 70, TOO_LONG),
            Arguments.of("vale0:" + "a".repeat(58), 63, TOO_LONG),

            // ring suffix
            Arguments.of("netmap:eth0-", 12, "a ring number after '-'"),
            Arguments.of("netmap:eth0-x", 12, "a ring number after '-'"),
            Arguments.of("netmap:eth0-4095", 12, RING_RANGE),
            Arguments.of("netmap:eth0^4095", 12, RING_RANGE),
            Arguments.of("netmap:eth0-99999999999999999999999", 12, RING_RANGE),
            Arguments.of("netmap:eth0-1-2", 13, AFTER_RINGS),
            Arguments.of("netmap:eth0*-1", 12, AFTER_RINGS),
            Arguments.of("netmap:eth0*2", 12, AFTER_RINGS),
            Arguments.of("netmap:eth0^x", 12, "a host ring number, '/', '@' or the end"),

            // flags
            Arguments.of("netmap:eth0/", 12, FIRST_FLAG),
            Arguments.of("netmap:eth0/a", 12, FIRST_FLAG),
            Arguments.of("netmap:eth0/xa", 13, NEXT_FLAG),
            Arguments.of("netmap:eth0/x/R", 13, NEXT_FLAG),
            Arguments.of("netmap:eth0/x-1", 13, NEXT_FLAG),

            // memory id
            Arguments.of("netmap:eth0@", 12, "a memory id or an option name after '@'"),
            Arguments.of("netmap:eth0/x@", 14, "a memory id or an option name after '@'"),
            Arguments.of("netmap:eth0@0", 12, MEM_RANGE),
            Arguments.of("netmap:eth0@65536", 12, MEM_RANGE),
            Arguments.of("netmap:eth0@2@3", 14, "the memory id given before (@2)"),
            Arguments.of("netmap:eth0@2x", 13, AFTER_RINGS),
            Arguments.of("netmap:eth0@2-1", 13, AFTER_RINGS),

            // options
            Arguments.of("netmap:eth0@@", 12, EMPTY_OPTION),
            Arguments.of("netmap:eth0@conf:rings=1@", 25, EMPTY_OPTION),
            Arguments.of("netmap:eth0@foo", 12, OPTION_NAME),
            Arguments.of("netmap:eth0@:x", 12, OPTION_NAME),
            Arguments.of("netmap:eth0@conf", 16, "':' and key=value pairs after 'conf'"),
            Arguments.of("netmap:eth0@share", 17, "'=' and a port, or ':' and key=value pairs, after 'share'"),
            Arguments.of("netmap:eth0@conf=4", 16, "':' after 'conf' (it has no default key)"),
            Arguments.of("netmap:eth0@share=", 18, "a port after '='"),
            Arguments.of("netmap:eth0@extmem=", 19, "a file after '='"),
            Arguments.of("netmap:eth0@conf:rings=1@conf:slots=2", 25, "at most one 'conf' option"),
            Arguments.of("netmap:eth0@share:port=vale0:a@share=vale0:b", 31, "at most one 'share' option"),

            // option keys and values
            Arguments.of("netmap:eth0@conf:ring=4", 17, CONF_KEY),
            Arguments.of("netmap:eth0@conf:rings=1,", 25, CONF_KEY),
            Arguments.of("netmap:eth0@conf:rings=1,rings=2", 25, "each key at most once ('rings' is already set to '1')"),
            Arguments.of("netmap:eth0@conf:rings", 22, "'=' and a value after key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings,slots=1", 22, "'=' and a value after key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings=", 23, "a value for key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings=,slots=1", 23, "a value for key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings=4x", 24, "a decimal number for key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings=x", 23, "a decimal number for key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings=-1", 23, "a decimal number for key 'rings'"),
            Arguments.of("netmap:eth0@conf:rings=65536", 23, "a number in [0, 65535] for key 'rings'"),
            Arguments.of("netmap:eth0@conf:slots=4294967296", 23, "a number in [0, 4294967295] for key 'slots'"),
            Arguments.of("netmap:eth0@extmem:buf-num=10", 29, "key 'file' in option 'extmem'"),
            Arguments.of("netmap:eth0@extmem:file=/x,if-num=abc", 34, "a decimal number for key 'if-num'"),
            Arguments.of("netmap:eth0@offset:bits=8", 25, "key 'initial' in option 'offset'"),
            Arguments.of("netmap:eth0@offset:initial=1,bits=65", 34, "a number in [0, 64] for key 'bits'"),
            Arguments.of("netmap:eth0@share=eth1", 18, PREFIX),
            Arguments.of("netmap:eth0@share=netmap:", 25, INTERFACE),
            Arguments.of("netmap:eth0@share=netmap:eth1-1", 29,
                "the end of the shared port name (no mode, flags or memory id)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badNames")
    void shouldPointAtTheOffendingCharacter(final String name, final int position, final String expected)
    {
        assertEquals(position, parseFailure(name).position());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badNames")
    void shouldSayWhatWasExpected(final String name, final int position, final String expected)
    {
        assertEquals(expected, parseFailure(name).expected());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badNames")
    void shouldNameThePortPositionAndExpectationInTheMessage(
        final String name, final int position, final String expected)
    {
        final String firstLine = parseFailure(name).getMessage().lines().findFirst().orElseThrow();

        assertEquals("bad port name '" + name + "' at position " + position + ": expected " + expected, firstLine);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badNames")
    void shouldKeepTheWholePortName(final String name, final int position, final String expected)
    {
        assertEquals(name, parseFailure(name).portName());
    }

    private static PortNameException parseFailure(final String name)
    {
        return assertThrows(PortNameException.class, () -> PortSpec.parse(name));
    }
}
