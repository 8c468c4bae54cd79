package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.udp;

class DedupTest
{
    private static final long MILLI = 1_000_000L;
    private static final byte[] ONE = ethernet(IPV4, ipv4(UDP, udp(1, 2, 17)));
    private static final byte[] TWO = Frames.with(ONE, 50, 9);

    private static List<String> run(final Dedup dedup, final long nanos, final byte[]... frames)
    {
        final OffHeapBatch batch = OffHeapBatch.of(frames);
        batch.batch().timestampNanos(nanos);
        final RecordingOutputs outputs = new RecordingOutputs(dedup.outputs(), frames.length);
        dedup.process(batch.batch(), outputs);
        return outputs.decisions(frames.length);
    }

    @Test
    void shouldDropACopySeenWithinTheWindow()
    {
        final Dedup dedup = new Dedup(Params.of("window = 10ms"));
        TestStageContext.start(dedup, 1);

        assertEquals(List.of("out", "out", "x duplicate"), run(dedup, MILLI, ONE, TWO, ONE));
        assertEquals(List.of("x duplicate"), run(dedup, 11 * MILLI, TWO));
    }

    @Test
    void shouldPassACopyAfterTheWindow()
    {
        final Dedup dedup = new Dedup(Params.of("window = 10ms"));
        TestStageContext.start(dedup, 1);
        run(dedup, MILLI, ONE);

        assertEquals(List.of("out"), run(dedup, 12 * MILLI, ONE));
    }

    @Test
    void shouldTellFramesApartThatDifferOnlyInLength()
    {
        final Dedup dedup = new Dedup(Params.of(""));
        TestStageContext.start(dedup, 1);

        assertEquals(List.of("out", "out"), run(dedup, MILLI, new byte[60], new byte[61]));
    }

    @Test
    void shouldForgetAFrameWhoseSlotAnotherTook()
    {
        final Dedup dedup = new Dedup(Params.of("table-size = 1, window = 1s"));
        TestStageContext.start(dedup, 1);

        assertEquals(List.of("out", "out", "out"), run(dedup, MILLI, ONE, TWO, ONE));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "window = 0ms        | window: expected a duration above 0 and at most 24h, such as 10ms, got string \"0ms\"",
        "table-size = 1000   | table-size: expected a power of two, such as 4096, got number 1000",
        "table-size = 0      | table-size: expected an integer in [1, 16777216], got number 0",
    })
    void shouldRejectBadParameters(final String hocon, final String error)
    {
        assertEquals(error, Params.error(Dedup::new, hocon));
    }
}
