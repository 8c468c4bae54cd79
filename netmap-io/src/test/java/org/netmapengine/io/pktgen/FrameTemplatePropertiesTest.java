package org.netmapengine.io.pktgen;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Frames from random specs, ranges, walk positions and sequence numbers carry the checksums a from-scratch
 * computation gives, whatever the partial sums did.
 */
class FrameTemplatePropertiesTest
{
    @Property(tries = 1000)
    void shouldCarryTheIpHeaderChecksumAFromScratchComputationGives(
        @ForAll("specs") final FrameSpec spec,
        @ForAll final long sequence,
        @ForAll @IntRange(max = 40) final int steps)
    {
        final byte[] frame = write(spec, sequence, steps);

        assertEquals(ReferenceChecksums.ipHeader(frame), Frames.u16(frame, 24));
    }

    @Property(tries = 1000)
    void shouldCarryTheUdpChecksumAFromScratchComputationGives(
        @ForAll("specs") final FrameSpec spec,
        @ForAll final long sequence,
        @ForAll @IntRange(max = 40) final int steps)
    {
        final byte[] frame = write(spec, sequence, steps);

        assertEquals(ReferenceChecksums.udp(frame), Frames.u16(frame, 40));
    }

    @Property(tries = 200)
    void shouldWriteEveryFrameOfARunInPlaceWithRightChecksumsAndSequence(
        @ForAll("specs") final FrameSpec spec,
        @ForAll @IntRange(min = 1, max = 64) final int count)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(spec.length()));
        final FrameSource source = new FrameSource(spec);
        final byte[] frame = new byte[spec.length()];
        for (int i = 0; i < count; i++)
        {
            source.writeNext(buffer.addressOffset());
            buffer.getBytes(0, frame);
            assertEquals(ReferenceChecksums.ipHeader(frame), Frames.u16(frame, 24), "IP checksum of frame " + i);
            assertEquals(ReferenceChecksums.udp(frame), Frames.u16(frame, 40), "UDP checksum of frame " + i);
            assertEquals(i, Frames.sequence(frame));
        }
    }

    @Property(tries = 300)
    void shouldPassTheReceiversCheck(@ForAll("specs") final FrameSpec spec, @ForAll final long sequence)
    {
        final byte[] frame = write(spec, sequence, 0);

        assertEquals(FrameCheck.OK, FrameCheck.check(new UnsafeBuffer(frame), frame.length));
    }

    @Property(tries = 300)
    void shouldFillIpAndUdpLengthsToTheEndOfTheFrame(@ForAll("specs") final FrameSpec spec)
    {
        final byte[] frame = write(spec, 0, 0);

        assertEquals(spec.length() - 14, Frames.u16(frame, 16));
        assertEquals(spec.length() - 34, Frames.u16(frame, 38));
    }

    private static byte[] write(final FrameSpec spec, final long sequence, final int steps)
    {
        final RangeWalker walker = new RangeWalker(spec.src(), spec.dst());
        for (int i = 0; i < steps; i++)
        {
            walker.advance();
        }
        final byte[] frame = new byte[spec.length()];
        new FrameTemplate(spec).writeTo(new UnsafeBuffer(frame), walker, sequence);
        return frame;
    }

    @Provide
    Arbitrary<FrameSpec> specs()
    {
        final Arbitrary<Integer> lengths = Arbitraries.integers().between(60, 1514);
        final Arbitrary<Long> macs = Arbitraries.longs().between(0, MacAddress.BROADCAST);
        return Combinators.combine(lengths, macs, macs, ranges(), ranges()).as(FrameSpec::new);
    }

    private static Arbitrary<Ipv4Range> ranges()
    {
        final Arbitrary<Integer> spans = Arbitraries.integers().between(0, 4);
        final Arbitrary<Integer> ports = Arbitraries.integers().between(0, 0xFFFF);
        return Combinators.combine(Arbitraries.integers(), spans, ports, spans).as((address, addressSpan, port, portSpan) ->
        {
            final int last = Integer.compareUnsigned(address + addressSpan, address) < 0 ? address : address + addressSpan;
            return new Ipv4Range(address, last, port, Math.min(0xFFFF, port + portSpan));
        });
    }
}
