package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleTest
{
    private static OffHeapBatch frames(final int count)
    {
        final OffHeapBatch batch = new OffHeapBatch(count);
        for (int i = 0; i < count; i++)
        {
            batch.add(new byte[60]);
        }
        return batch;
    }

    @Test
    void shouldCopyEveryNthPacketAndPassThemAll()
    {
        final Sample sample = new Sample(Params.of("every = 3"));
        final RecordingOutputs outputs = TestStageContext.start(sample, 7);

        sample.process(frames(7).batch(), outputs);

        assertEquals(List.of("out", "out", "out", "out", "out", "out", "out"), outputs.decisions(7));
        assertEquals(List.of("2 -> sampled", "5 -> sampled"), outputs.copies());
    }

    @Test
    void shouldCountOnAcrossBatches()
    {
        final Sample sample = new Sample(Params.of("every = 3"));
        final RecordingOutputs first = TestStageContext.start(sample, 2);
        sample.process(frames(2).batch(), first);
        final RecordingOutputs second = new RecordingOutputs(sample.outputs(), 2);

        sample.process(frames(2).batch(), second);

        assertEquals(List.of("0 -> sampled"), second.copies());
    }

    @Test
    void shouldSendPickedPacketsToSampledInsteadWithoutCopies()
    {
        final Sample sample = new Sample(Params.of("every = 2, copy = false"));
        final RecordingOutputs outputs = TestStageContext.start(sample, 4);

        sample.process(frames(4).batch(), outputs);

        assertEquals(List.of("out", "sampled", "out", "sampled"), outputs.decisions(4));
        assertEquals(0, sample.copiesPerPacket());
    }

    @Test
    void shouldPickAboutTheProbabilityAsked()
    {
        final Sample sample = new Sample(Params.of("probability = 0.25, copy = false, seed = 42"));
        final RecordingOutputs outputs = TestStageContext.start(sample, 256);
        int picked = 0;
        for (int round = 0; round < 40; round++)
        {
            sample.process(frames(256).batch(), outputs);
            picked += (int)outputs.decisions(256).stream().filter("sampled"::equals).count();
        }

        // 10,240 draws at 0.25: 2,560 expected, standard deviation 44; 8 deviations either side.
        assertTrue(picked > 2200 && picked < 2920, "picked=" + picked);
    }

    @Test
    void shouldPickEveryPacketWithProbabilityOne()
    {
        final Sample sample = new Sample(Params.of("probability = 1"));
        final RecordingOutputs outputs = TestStageContext.start(sample, 5);

        sample.process(frames(5).batch(), outputs);

        assertEquals(5, outputs.copies().size());
    }

    @Test
    void shouldDeclareOneCopyPerPacketWhenCopying()
    {
        assertEquals(1, new Sample(Params.of("every = 10")).copiesPerPacket());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                           | every: expected exactly one of every (one packet in N) and probability (each " +
            "packet with P) (missing)",
        "every = 2, probability = 0.5 | probability: expected exactly one of every (one packet in N) and probability " +
            "(each packet with P), got number 0.5",
        "every = 0                    | every: expected an integer in [1, 2147483647], got number 0",
        "probability = 1.5            | probability: expected a probability above 0 and at most 1, such as 0.01, got " +
            "number 1.5",
        "probability = 0              | probability: expected a probability above 0 and at most 1, such as 0.01, got " +
            "number 0",
        "every = 2, copy = maybe      | copy: expected true or false, got string \"maybe\"",
    })
    void shouldRejectBadParameters(final String hocon, final String error)
    {
        assertEquals(error, Params.error(Sample::new, hocon));
    }
}
