package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.udp;

class RateLimitTest
{
    private static final long SECOND = 1_000_000_000L;

    private static OffHeapBatch frames(final int count, final int length, final long timestamp)
    {
        final OffHeapBatch batch = new OffHeapBatch(count);
        for (int i = 0; i < count; i++)
        {
            batch.add(new byte[length]);
        }
        batch.batch().timestampNanos(timestamp);
        return batch;
    }

    @Test
    void shouldPassABurstThenDropBeyondTheRate()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 10, burst = 3"));
        final RecordingOutputs outputs = TestStageContext.start(limit, 5);

        limit.process(frames(5, 60, SECOND).batch(), outputs);

        assertEquals(List.of("out", "out", "out", "x rate-limited", "x rate-limited"), outputs.decisions(5));
        assertEquals(2, limit.exceeded());
    }

    @Test
    void shouldRefillByTheTimeBetweenBatches()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 10, burst = 3"));
        limit.process(frames(3, 60, SECOND).batch(), TestStageContext.start(limit, 3));
        final RecordingOutputs outputs = new RecordingOutputs(limit.outputs(), 3);

        // 200 ms at 10 packets a second: 2 tokens.
        limit.process(frames(3, 60, SECOND + SECOND / 5).batch(), outputs);

        assertEquals(List.of("out", "out", "x rate-limited"), outputs.decisions(3));
    }

    @Test
    void shouldNeverHoldMoreThanTheBurst()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 10, burst = 2"));
        limit.process(frames(1, 60, SECOND).batch(), TestStageContext.start(limit, 1));
        final RecordingOutputs outputs = new RecordingOutputs(limit.outputs(), 4);

        limit.process(frames(4, 60, 100 * SECOND).batch(), outputs);

        assertEquals(List.of("out", "out", "x rate-limited", "x rate-limited"), outputs.decisions(4));
    }

    @Test
    void shouldCountBitsOfFramesInBitsPerSecond()
    {
        final RateLimit limit = new RateLimit(Params.of("bits-per-second = 8000, burst = 1600"));
        final RecordingOutputs outputs = TestStageContext.start(limit, 3);

        // 1,600 bits: two 100-byte frames.
        limit.process(frames(3, 100, SECOND).batch(), outputs);

        assertEquals(List.of("out", "out", "x rate-limited"), outputs.decisions(3));
    }

    @Test
    void shouldSendPacketsBeyondTheRateToExceedWhenAsked()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 10, burst = 1, exceed = output"));
        final RecordingOutputs outputs = TestStageContext.start(limit, 2);

        limit.process(frames(2, 60, SECOND).batch(), outputs);

        assertEquals(List.of("out", "exceed"), outputs.decisions(2));
        assertEquals(List.of("out", "exceed"), limit.outputs());
    }

    @Test
    void shouldMarkIpv4BeyondTheRateWithTheDscpAndAValidChecksum()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 10, burst = 1, exceed = mark, " +
            "dscp = 10"));
        final RecordingOutputs outputs = TestStageContext.start(limit, 2);
        final byte[] frame = Frames.with(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0))), 15, 0xB9);
        final OffHeapBatch batch = OffHeapBatch.of(frame, Frames.withIpv4Checksum(frame, 14));
        batch.batch().timestampNanos(SECOND);

        limit.process(batch.batch(), outputs);

        assertEquals(List.of("out", "out"), outputs.decisions(2));
        assertEquals(0xB9, batch.bytes(0)[15] & 0xFF, "within the rate: untouched");
        assertEquals((10 << 2) | 0x01, batch.bytes(1)[15] & 0xFF, "DSCP 10, ECN kept");
        assertEquals(0xFFFF, Frames.sum(batch.bytes(1), 14, 20, 0));
    }

    @Test
    void shouldMarkTheTrafficClassOfIpv6()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 10, burst = 1, exceed = mark, " +
            "dscp = 46"));
        final OffHeapBatch batch = OffHeapBatch.of(ethernet(IPV6, ipv6(UDP, udp(1, 2, 0))),
            ethernet(IPV6, ipv6(UDP, udp(1, 2, 0))));
        batch.batch().timestampNanos(SECOND);

        limit.process(batch.batch(), TestStageContext.start(limit, 2));

        assertEquals(0x6B, batch.bytes(1)[14] & 0xFF);
        assertEquals(0x80, batch.bytes(1)[15] & 0xFF);
    }

    @Test
    void shouldStartWithAFullBucketOfATenthOfASecondByDefault()
    {
        final RateLimit limit = new RateLimit(Params.of("packets-per-second = 100"));
        final RecordingOutputs outputs = TestStageContext.start(limit, 11);

        limit.process(frames(11, 60, SECOND).batch(), outputs);

        assertEquals(Collections.nCopies(10, "out"), outputs.decisions(10));
        assertEquals("x rate-limited", outputs.decision(10));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                             | packets-per-second: expected exactly one of " +
            "packets-per-second and bits-per-second (missing)",
        "packets-per-second = 1, bits-per-second = 8    | bits-per-second: expected exactly one of " +
            "packets-per-second and bits-per-second, got number 8",
        "packets-per-second = 0                         | packets-per-second: expected a rate from 1 to 10^12 per " +
            "second, got number 0",
        "packets-per-second = 10, burst = 0             | burst: expected a bucket depth of at least 1 (packets), " +
            "got number 0",
        "packets-per-second = 10, exceed = delay        | exceed: expected drop, output (to output exceed) or mark " +
            "(a lower DSCP), got string \"delay\"",
        "packets-per-second = 10, exceed = mark, dscp = 64 | dscp: expected an integer in [0, 63], got number 64",
        "packets-per-second = 10, dscp = 8              | dscp: expected dscp only with exceed = mark, got number 8",
    })
    void shouldRejectBadParameters(final String hocon, final String error)
    {
        assertEquals(error, Params.error(RateLimit::new, hocon));
    }
}
