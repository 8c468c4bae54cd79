package org.netmapengine.bench;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.FrameTemplate;
import org.netmapengine.io.pktgen.InternetChecksum;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.RangeWalker;

import java.nio.ByteOrder;

/**
 * The frames the benchmarks feed stages: 60 bytes each (64 on the wire with the FCS), valid checksums.
 */
final class BenchFrames
{
    static final int LENGTH = 60;
    static final long CLIENT_MAC = 0x02_00_00_00_00_01L;
    static final long SERVER_MAC = 0x02_00_00_00_00_02L;
    static final int CLIENT_IP = 0x0A000001;
    static final int SERVER_IP = 0x0A000002;

    private BenchFrames()
    {
    }

    /** @return {@code count} pkt-gen UDP frames over 16 source addresses and 16 source ports. */
    static byte[][] udp(final int count)
    {
        final FrameTemplate template = new FrameTemplate(new FrameSpec(LENGTH, CLIENT_MAC, SERVER_MAC,
            Ipv4Range.parse("10.0.0.1:1000-10.0.0.16:1015"), Ipv4Range.parse("10.1.0.1:53")));
        final RangeWalker walker = new RangeWalker(template.spec().src(), template.spec().dst());
        final byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            frames[i] = new byte[LENGTH];
            template.writeTo(new UnsafeBuffer(frames[i]), walker, i);
            walker.advance();
        }
        return frames;
    }

    /** @return the frames of {@link #udp} with an 802.1Q tag, 64 bytes. */
    static byte[][] tagged(final int count)
    {
        final byte[][] frames = udp(count);
        for (int i = 0; i < count; i++)
        {
            final byte[] tagged = new byte[LENGTH + 4];
            System.arraycopy(frames[i], 0, tagged, 0, 12);
            put16(tagged, 12, 0x8100);
            put16(tagged, 14, 100);
            System.arraycopy(frames[i], 12, tagged, 16, LENGTH - 12);
            frames[i] = tagged;
        }
        return frames;
    }

    /** @return ARP requests from the client for {@code target}. */
    static byte[][] arpRequests(final int count, final int target)
    {
        final byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            final byte[] frame = new byte[LENGTH];
            put48(frame, 0, 0xFFFF_FFFF_FFFFL);
            put48(frame, 6, CLIENT_MAC);
            put16(frame, 12, 0x0806);
            put16(frame, 14, 1);
            put16(frame, 16, 0x0800);
            frame[18] = 6;
            frame[19] = 4;
            put16(frame, 20, 1);
            put48(frame, 22, CLIENT_MAC);
            put32(frame, 28, CLIENT_IP + i % 16);
            put32(frame, 38, target);
            frames[i] = frame;
        }
        return frames;
    }

    /** @return ICMP echo requests from the client to the server. */
    static byte[][] echoRequests(final int count)
    {
        final byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            final byte[] frame = new byte[LENGTH];
            put48(frame, 0, SERVER_MAC);
            put48(frame, 6, CLIENT_MAC);
            put16(frame, 12, 0x0800);
            ipv4(frame, 1, LENGTH - 14);
            frame[34] = 8;
            put16(frame, 38, 0x1234);
            put16(frame, 40, i);
            put16(frame, 36, InternetChecksum.finish(InternetChecksum.sum(new UnsafeBuffer(frame), 34, LENGTH - 34, 0)));
            frames[i] = frame;
        }
        return frames;
    }

    private static void ipv4(final byte[] frame, final int protocol, final int totalLength)
    {
        frame[14] = 0x45;
        put16(frame, 16, totalLength);
        frame[22] = 64;
        frame[23] = (byte)protocol;
        put32(frame, 26, CLIENT_IP);
        put32(frame, 30, SERVER_IP);
        put16(frame, 24, InternetChecksum.finish(InternetChecksum.sum(new UnsafeBuffer(frame), 14, 20, 0)));
    }

    private static void put16(final byte[] bytes, final int offset, final int value)
    {
        new UnsafeBuffer(bytes).putShort(offset, (short)value, ByteOrder.BIG_ENDIAN);
    }

    private static void put32(final byte[] bytes, final int offset, final int value)
    {
        new UnsafeBuffer(bytes).putInt(offset, value, ByteOrder.BIG_ENDIAN);
    }

    private static void put48(final byte[] bytes, final int offset, final long value)
    {
        put16(bytes, offset, (int)(value >>> 32));
        put32(bytes, offset + 2, (int)value);
    }
}
