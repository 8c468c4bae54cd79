package org.netmapengine.pipeline.packet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.testing.AdversarialFrames;
import org.netmapengine.pipeline.testing.OffHeapBatch;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser on random, truncated, oversize and adversarial frames: it returns a result, never throws, and what it
 * reports lies inside the frame.
 */
class FrameParserPropertiesTest
{
    @Property(tries = 2000)
    void shouldParseRandomBytesWithinTheFrame(@ForAll("randomFrames") final byte[] frame)
    {
        assertConsistent(frame);
    }

    @Property(tries = 2000)
    void shouldParseDamagedFramesWithinTheFrame(@ForAll("damagedFrames") final byte[] frame)
    {
        assertConsistent(frame);
    }

    @Property(tries = 500)
    void shouldReportTruncatedEthernetForEveryCutUnder14Bytes(
        @ForAll("wellFormedFrames") final byte[] frame, @ForAll @IntRange(min = 0, max = 13) final int cut)
    {
        final byte[] runt = Arrays.copyOf(frame, cut);

        assertEquals(ParseResult.TRUNCATED_ETHERNET, parse(runt, new ParsedFrame()));
    }

    @Property(tries = 500)
    void shouldParseEveryWellFormedFrameOk(@ForAll("wellFormedFrames") final byte[] frame)
    {
        assertEquals(ParseResult.OK, parse(frame, new ParsedFrame()));
    }

    @Property(tries = 500)
    void shouldParseOversizeFramesAsTheirHeadersSay(
        @ForAll("wellFormedFrames") final byte[] frame, @ForAll @IntRange(min = 1, max = 1900) final int padding)
    {
        final byte[] oversize = Arrays.copyOf(frame, Math.min(frame.length + padding, OffHeapBatch.BUFFER_SIZE -
            OffHeapBatch.HEADROOM));
        final ParsedFrame exact = new ParsedFrame();
        final ParsedFrame padded = new ParsedFrame();
        parse(frame, exact);

        assertEquals(ParseResult.OK, parse(oversize, padded));
        assertEquals(exact.l4Offset(), padded.l4Offset());
        assertEquals(exact.protocol(), padded.protocol());
    }

    @Provide
    Arbitrary<byte[]> randomFrames()
    {
        return AdversarialFrames.random();
    }

    @Provide
    Arbitrary<byte[]> damagedFrames()
    {
        return AdversarialFrames.damaged();
    }

    @Provide
    Arbitrary<byte[]> wellFormedFrames()
    {
        return Arbitraries.of(AdversarialFrames.templates());
    }

    private static void assertConsistent(final byte[] frame)
    {
        final ParsedFrame parsed = new ParsedFrame();
        final ParseResult result = parse(frame, parsed);

        assertNotNull(result);
        if (ParseResult.OK == result)
        {
            assertTrue(parsed.l3Offset() >= 14 && parsed.l3Offset() + parsed.l3Length() <= frame.length);
            if (parsed.l4Offset() >= 0)
            {
                assertTrue(parsed.l4Offset() >= parsed.l3Offset());
                assertTrue(parsed.l4Offset() + parsed.l4Length() <= parsed.l3Offset() + parsed.l3Length());
            }
        }
    }

    private static ParseResult parse(final byte[] frame, final ParsedFrame parsed)
    {
        final OffHeapBatch batch = OffHeapBatch.of(frame);
        return FrameParser.parseTransport(new PacketView().wrap(batch.batch(), 0), parsed);
    }
}
