package org.netmapengine.io.pktgen;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameTemplateTest
{
    private static final FrameSpec SPEC = new FrameSpec(60, MacAddress.parse("02:00:00:00:00:01"),
        MacAddress.parse("02:00:00:00:00:02"), Ipv4Range.parse("10.0.0.1:1000"), Ipv4Range.parse("10.1.0.1:2000"));

    @Test
    void shouldWriteEthernetIpv4AndUdpHeaders()
    {
        final byte[] frame = write(SPEC, 7);

        assertEquals(0x0200_0000_0002L, MacAddress.get(new UnsafeBuffer(frame), 0));
        assertEquals(0x0200_0000_0001L, MacAddress.get(new UnsafeBuffer(frame), 6));
        assertEquals(0x0800, Frames.u16(frame, 12));
        assertEquals(0x45, frame[14] & 0xFF);
        assertEquals(46, Frames.u16(frame, 16));
        assertEquals(0x4000, Frames.u16(frame, 20));
        assertEquals(64, frame[22] & 0xFF);
        assertEquals(17, frame[23] & 0xFF);
        assertEquals(0x0A00_0001, Frames.u32(frame, 26));
        assertEquals(0x0A01_0001, Frames.u32(frame, 30));
        assertEquals(1000, Frames.u16(frame, 34));
        assertEquals(2000, Frames.u16(frame, 36));
        assertEquals(26, Frames.u16(frame, 38));
        assertEquals(7, Frames.sequence(frame));
    }

    @Test
    void shouldRepeatTheFillTextAfterTheSequenceNumber()
    {
        final byte[] frame = write(SPEC.withLength(110), 0);

        assertEquals("netmap-engine pkt-gen payload\nnetmap-engine pkt-gen payload\n",
            new String(frame, 50, 60, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldSendAComputedZeroUdpChecksumAsAllOnes()
    {
        // With this sequence number the datagram sums to 0xFFFF, whose complement is 0: "no checksum" on the wire.
        final int checksumAtZero = Frames.u16(write(SPEC, 0), 40);

        final byte[] frame = write(SPEC, checksumAtZero);

        assertEquals(0xFFFF, Frames.u16(frame, 40));
        assertEquals(0xFFFF, ReferenceChecksums.udp(frame));
        assertEquals(FrameCheck.OK, FrameCheck.check(new UnsafeBuffer(frame), frame.length));
    }

    @Test
    void shouldWriteTheSameBytesAtAnAddressAsIntoAHeapBufferForLengthsThatAreNotMultiplesOfEight()
    {
        for (final int length : new int[] {60, 61, 63, 64, 65, 67, 71, 1514})
        {
            final FrameSpec spec = SPEC.withLength(length);
            final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(length + 16));
            direct.setMemory(0, length + 16, (byte)0x5A);

            new FrameTemplate(spec).writeAt(direct.addressOffset() + 8, new RangeWalker(spec.src(), spec.dst()), 99);

            final byte[] written = new byte[length];
            direct.getBytes(8, written);
            assertArrayEquals(write(spec, 99), written, "length " + length);
            for (int i = 0; i < 8; i++)
            {
                assertEquals(0x5A, direct.getByte(i), "byte " + i + " before the frame of " + length);
                assertEquals(0x5A, direct.getByte(8 + length + i), "byte " + i + " after the frame of " + length);
            }
        }
    }

    @Test
    void shouldRefuseABufferShorterThanTheFrameAndLeaveItUntouched()
    {
        final byte[] frame = new byte[SPEC.length() - 1];

        assertThrows(IndexOutOfBoundsException.class, () -> new FrameTemplate(SPEC)
            .writeTo(new UnsafeBuffer(frame), new RangeWalker(SPEC.src(), SPEC.dst()), 0));
        assertArrayEquals(new byte[frame.length], frame);
    }

    private static byte[] write(final FrameSpec spec, final long sequence)
    {
        final byte[] frame = new byte[spec.length()];
        new FrameTemplate(spec).writeTo(new UnsafeBuffer(frame), new RangeWalker(spec.src(), spec.dst()), sequence);
        return frame;
    }
}
