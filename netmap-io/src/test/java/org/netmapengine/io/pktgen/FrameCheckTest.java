package org.netmapengine.io.pktgen;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameCheckTest
{
    private final byte[] frame = new byte[128];

    FrameCheckTest()
    {
        final FrameSpec spec = FrameSpec.DEFAULT.withLength(frame.length);
        new FrameTemplate(spec).writeTo(new UnsafeBuffer(frame), new RangeWalker(spec.src(), spec.dst()), 42);
    }

    @Test
    void shouldPassAGeneratedFrameAndReadItsSequence()
    {
        assertEquals(FrameCheck.OK, check(frame.length));
        assertEquals(42, FrameCheck.sequence(new UnsafeBuffer(frame)));
    }

    @Test
    void shouldFindACorruptPayloadByItsUdpChecksum()
    {
        frame[100] ^= 0x01;

        assertEquals(FrameCheck.BAD_UDP_CHECKSUM, check(frame.length));
    }

    @Test
    void shouldFindACorruptAddressByTheIpHeaderChecksum()
    {
        frame[29] ^= 0x10;

        assertEquals(FrameCheck.BAD_IP_CHECKSUM, check(frame.length));
    }

    @Test
    void shouldAcceptAnAbsentUdpChecksum()
    {
        frame[100] ^= 0x01;
        frame[40] = 0;
        frame[41] = 0;

        assertEquals(FrameCheck.OK, check(frame.length));
    }

    @Test
    void shouldCallAFrameShorterThanItsIpLengthMalformed()
    {
        assertEquals(FrameCheck.MALFORMED, check(frame.length - 1));
    }

    @Test
    void shouldCallAFrameTooShortForASequenceNumberMalformed()
    {
        assertEquals(FrameCheck.MALFORMED, check(49));
    }

    @Test
    void shouldCallAnotherEtherTypeMalformed()
    {
        frame[12] = (byte)0x86;
        frame[13] = (byte)0xdd;

        assertEquals(FrameCheck.MALFORMED, check(frame.length));
    }

    @Test
    void shouldCallIpOptionsMalformed()
    {
        frame[14] = 0x46;

        assertEquals(FrameCheck.MALFORMED, check(frame.length));
    }

    private int check(final int length)
    {
        return FrameCheck.check(new UnsafeBuffer(frame, 0, length), length);
    }
}
