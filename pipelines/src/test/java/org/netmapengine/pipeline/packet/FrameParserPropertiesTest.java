package org.netmapengine.pipeline.packet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.testing.AdversarialFrames;
import org.netmapengine.pipeline.testing.Frames;
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

    @Property(tries = 5000)
    void shouldAnswerAndFillTheSameOnTheFastPathAsStepByStep(@ForAll("nearlyUdpOverIpv4") final byte[] frame)
    {
        final PacketView view = new PacketView().wrap(OffHeapBatch.of(frame).batch(), 0);
        final ParsedFrame stepByStep = new ParsedFrame();
        final ParsedFrame parsed = new ParsedFrame();

        final ParseResult expected = FrameParser.parseStepByStep(view, stepByStep, true);

        assertEquals(expected, FrameParser.parseTransport(view, parsed));
        assertEquals(stepByStep.toString(), parsed.toString());
    }

    /**
     * UDP over IPv4, the fast path's frame, of any length, with a few bytes of its headers overwritten and, half the
     * time, its IPv4 checksum made right again: frames on both sides of each of the fast path's checks.
     */
    @Provide
    Arbitrary<byte[]> nearlyUdpOverIpv4()
    {
        return Arbitraries.randomValue(random ->
        {
            byte[] frame = Frames.ethernet(Frames.IPV4, Frames.ipv4(Frames.UDP,
                Frames.udp(random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(64))));
            if (random.nextBoolean())
            {
                frame = Frames.withIpv4Checksum(Frames.with16(frame, 20, random.nextBoolean() ? 0x2000 : 0x4000), 14);
            }
            final int damaged = random.nextInt(4);
            for (int i = 0; i < damaged; i++)
            {
                final int at = 12 + random.nextInt(30);
                frame[at] = (byte)(random.nextInt(4) == 0 ? frame[at] ^ 1 : random.nextInt(256));
            }
            if (random.nextBoolean())
            {
                frame = Frames.withIpv4Checksum(frame, 14);
            }
            final int length = random.nextInt(3) == 0 ? random.nextInt(frame.length + 1) : frame.length;
            return Arrays.copyOf(frame, random.nextInt(4) == 0 ? length + random.nextInt(64) : length);
        });
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
