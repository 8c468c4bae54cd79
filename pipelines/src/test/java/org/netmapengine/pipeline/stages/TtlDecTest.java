package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.udp;

class TtlDecTest
{
    private static byte[] withTtl(final int ttl)
    {
        return ethernet(IPV4, Frames.resum(Frames.with(ipv4(UDP, udp(1, 2, 3)), 8, ttl)), 0x8100, 4);
    }

    @Test
    void shouldDecrementTheTtlAndKeepTheChecksumRight()
    {
        final TtlDec dec = new TtlDec();
        final RecordingOutputs outputs = TestStageContext.start(dec, 3);
        final OffHeapBatch batch = OffHeapBatch.of(withTtl(64), withTtl(2), withTtl(255));

        dec.process(batch.batch(), outputs);

        assertEquals(List.of("out", "out", "out"), outputs.decisions(3));
        assertArrayEquals(withTtl(63), batch.bytes(0));
        assertArrayEquals(withTtl(1), batch.bytes(1));
        assertArrayEquals(withTtl(254), batch.bytes(2));
    }

    @Test
    void shouldDropWhenTheTtlExpires()
    {
        final TtlDec dec = new TtlDec();
        final RecordingOutputs outputs = TestStageContext.start(dec, 2);

        dec.process(OffHeapBatch.of(withTtl(1), withTtl(0)).batch(), outputs);

        assertEquals(List.of("x ttl-expired", "x ttl-expired"), outputs.decisions(2));
    }

    @Test
    void shouldDecrementTheIpv6HopLimit()
    {
        final TtlDec dec = new TtlDec();
        final OffHeapBatch batch = OffHeapBatch.of(ethernet(IPV6, ipv6(UDP, udp(1, 2, 0))),
            ethernet(IPV6, Frames.with(ipv6(UDP, udp(1, 2, 0)), 7, 1)));
        final RecordingOutputs outputs = TestStageContext.start(dec, 2);

        dec.process(batch.batch(), outputs);

        assertEquals(List.of("out", "x ttl-expired"), outputs.decisions(2));
        assertEquals(63, batch.bytes(0)[21]);
    }

    @Test
    void shouldPassOtherEtherTypesAndDropBadIpv4Headers()
    {
        final TtlDec dec = new TtlDec();
        final RecordingOutputs outputs = TestStageContext.start(dec, 3);

        dec.process(OffHeapBatch.of(ethernet(0x0806, new byte[28]), Frames.with(withTtl(9), 28, 0x33),
            new byte[5]).batch(), outputs);

        assertEquals(List.of("out", "x bad-ipv4-checksum", "x truncated-ethernet"), outputs.decisions(3));
    }
}
