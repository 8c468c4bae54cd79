package org.netmapengine.io.name;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * libnetmap's options after the first '@' not followed by a digit: conf, extmem, offset and share.
 */
class PortSpecOptionsTest
{
    private static final int N = ConfOption.NOT_SET;
    private static final long NL = ExtmemOption.NOT_SET;

    static Stream<Arguments> optionNames()
    {
        return Stream.of(
            // name, memId, conf, extmem, offset, share
            Arguments.of("netmap:eth0@conf:rings=4,slots=1024", 0,
                new ConfOption(4, N, 1024, N, N, N, N, N, N), null, null, null),
            Arguments.of("netmap:eth0@conf:host-rings=2,tx-rings=1,rx-rings=3,host-tx-rings=1,host-rx-rings=2," +
                "tx-slots=512,rx-slots=2048", 0,
                new ConfOption(N, 2, N, 1, 3, 1, 2, 512, 2048), null, null, null),
            Arguments.of("netmap:eth0@conf:host_tx_rings=1", 0,
                new ConfOption(N, N, N, N, N, 1, N, N, N), null, null, null),
            Arguments.of("netmap:eth0@conf:", 0,
                new ConfOption(N, N, N, N, N, N, N, N, N), null, null, null),
            Arguments.of("netmap:eth0@conf:rings=65535,slots=4294967295", 0,
                new ConfOption(65535, N, 4294967295L, N, N, N, N, N, N), null, null, null),
            Arguments.of("netmap:eth0@extmem:file=/dev/hugepages/x,buf-num=1000", 0,
                null, new ExtmemOption("/dev/hugepages/x", NL, NL, NL, NL, 1000, NL), null, null),
            Arguments.of("netmap:eth0@extmem=/dev/hugepages/x", 0,
                null, new ExtmemOption("/dev/hugepages/x", NL, NL, NL, NL, NL, NL), null, null),
            Arguments.of("netmap:eth0@extmem=/tmp/a,b=c", 0,
                null, new ExtmemOption("/tmp/a,b=c", NL, NL, NL, NL, NL, NL), null, null),
            Arguments.of("netmap:eth0@extmem:buf-size=2048,file=/x,if-num=1,if-size=2,ring-num=3,ring-size=4,buf-num=5",
                0, null, new ExtmemOption("/x", 1, 2, 3, 4, 5, 2048), null, null),
            Arguments.of("netmap:eth0@offset:initial=64,bits=8", 0,
                null, null, new OffsetOption(64, 8), null),
            Arguments.of("netmap:eth0@offset=64", 0,
                null, null, new OffsetOption(64, OffsetOption.NOT_SET), null),
            Arguments.of("netmap:eth0@offset:bits=0,initial=0", 0,
                null, null, new OffsetOption(0, 0), null),
            Arguments.of("netmap:eth0@share=netmap:eth1", 0,
                null, null, null, new ShareOption("netmap:eth1", "eth1")),
            Arguments.of("netmap:eth0@share:port=vale0:a", 0,
                null, null, null, new ShareOption("vale0:a", "vale0:a")),
            Arguments.of("netmap:p{1@share=netmap:p}1", 0,
                null, null, null, new ShareOption("netmap:p}1", "p}1")),
            Arguments.of("netmap:eth0@2@conf:rings=1", 2,
                new ConfOption(1, N, N, N, N, N, N, N, N), null, null, null),
            Arguments.of("netmap:eth0-1/x@3@share=netmap:eth1@conf:slots=256", 3,
                new ConfOption(N, N, 256, N, N, N, N, N, N), null, null, new ShareOption("netmap:eth1", "eth1")),
            Arguments.of("vale0:a/T@conf:rings=1@extmem=/x@offset=0@share=vale0:b", 0,
                new ConfOption(1, N, N, N, N, N, N, N, N),
                new ExtmemOption("/x", NL, NL, NL, NL, NL, NL),
                new OffsetOption(0, OffsetOption.NOT_SET),
                new ShareOption("vale0:b", "vale0:b")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("optionNames")
    void shouldParseTheConfOption(
        final String name, final int memId, final ConfOption conf, final ExtmemOption extmem,
        final OffsetOption offset, final ShareOption share)
    {
        assertEquals(Optional.ofNullable(conf), PortSpec.parse(name).conf());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("optionNames")
    void shouldParseTheExtmemOption(
        final String name, final int memId, final ConfOption conf, final ExtmemOption extmem,
        final OffsetOption offset, final ShareOption share)
    {
        assertEquals(Optional.ofNullable(extmem), PortSpec.parse(name).extmem());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("optionNames")
    void shouldParseTheOffsetOption(
        final String name, final int memId, final ConfOption conf, final ExtmemOption extmem,
        final OffsetOption offset, final ShareOption share)
    {
        assertEquals(Optional.ofNullable(offset), PortSpec.parse(name).offset());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("optionNames")
    void shouldParseTheShareOption(
        final String name, final int memId, final ConfOption conf, final ExtmemOption extmem,
        final OffsetOption offset, final ShareOption share)
    {
        assertEquals(Optional.ofNullable(share), PortSpec.parse(name).share());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("optionNames")
    void shouldKeepTheMemoryIdBeforeTheOptions(
        final String name, final int memId, final ConfOption conf, final ExtmemOption extmem,
        final OffsetOption offset, final ShareOption share)
    {
        assertEquals(memId, PortSpec.parse(name).memId());
    }

    @Test
    void shouldLetSpecificConfKeysOverrideGeneralOnes()
    {
        final ConfOption conf = PortSpec.parse("netmap:eth0@conf:rings=4,tx-rings=2,host-rings=1,host-rx-rings=3," +
            "slots=1024,rx-slots=256").conf().orElseThrow();

        assertEquals(2, conf.effectiveTxRings());
        assertEquals(4, conf.effectiveRxRings());
        assertEquals(1, conf.effectiveHostTxRings());
        assertEquals(3, conf.effectiveHostRxRings());
        assertEquals(1024, conf.effectiveTxSlots());
        assertEquals(256, conf.effectiveRxSlots());
    }

    @Test
    void shouldLetNetmapChooseConfValuesThatWereNotGiven()
    {
        final ConfOption conf = PortSpec.parse("netmap:eth0@conf:").conf().orElseThrow();

        assertEquals(0, conf.effectiveTxRings());
        assertEquals(0, conf.effectiveRxRings());
        assertEquals(0, conf.effectiveHostTxRings());
        assertEquals(0, conf.effectiveHostRxRings());
        assertEquals(0, conf.effectiveTxSlots());
        assertEquals(0, conf.effectiveRxSlots());
    }

    @Test
    void shouldUseTheWholePtrFieldWhenOffsetBitsAreNotGiven()
    {
        assertEquals(0, PortSpec.parse("netmap:eth0@offset=64").offset().orElseThrow().effectiveBits());
    }

    @Test
    void shouldSetTheMaximumOffsetToTheInitialOne()
    {
        assertEquals(64, PortSpec.parse("netmap:eth0@offset:initial=64,bits=8").offset().orElseThrow().maxOffset());
    }

    static Stream<Arguments> renderedOptions()
    {
        return Stream.of(
            Arguments.of("netmap:eth0@conf:slots=1024,rings=4", "@conf:rings=4,slots=1024"),
            Arguments.of("netmap:eth0@conf:", "@conf:"),
            Arguments.of("netmap:eth0@extmem:file=/x", "@extmem=/x"),
            Arguments.of("netmap:eth0@extmem:buf-num=5,file=/x", "@extmem:file=/x,buf-num=5"),
            Arguments.of("netmap:eth0@offset:initial=64", "@offset=64"),
            Arguments.of("netmap:eth0@offset:bits=8,initial=64", "@offset:initial=64,bits=8"),
            Arguments.of("netmap:eth0@share:port=netmap:eth1", "@share=netmap:eth1"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("renderedOptions")
    void shouldRenderAnOptionWithItsKeysInAFixedOrder(final String name, final String rendered)
    {
        final PortSpec spec = PortSpec.parse(name);
        final String text = spec.conf().map(ConfOption::render)
            .or(() -> spec.extmem().map(ExtmemOption::render))
            .or(() -> spec.offset().map(OffsetOption::render))
            .or(() -> spec.share().map(ShareOption::render))
            .orElseThrow();

        assertEquals(rendered, text);
    }

    @Test
    void shouldRejectAConfCountOutsideItsField()
    {
        final IllegalArgumentException e = assertThrows(
            IllegalArgumentException.class, () -> new ConfOption(65536, N, N, N, N, N, N, N, N));

        assertEquals("ring count out of range: rings=65536", e.getMessage());
    }

    @Test
    void shouldRejectAnExtmemOptionWithoutAFile()
    {
        final IllegalArgumentException e = assertThrows(
            IllegalArgumentException.class, () -> new ExtmemOption("", NL, NL, NL, NL, NL, NL));

        assertEquals("extmem file must not be empty", e.getMessage());
    }

    @Test
    void shouldRejectOffsetBitsWiderThanPtr()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OffsetOption(0, 65));

        assertEquals("offset bits out of range: bits=65", e.getMessage());
    }
}
