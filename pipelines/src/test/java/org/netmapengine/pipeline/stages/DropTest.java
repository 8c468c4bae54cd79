package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DropTest
{
    @Test
    void shouldDropEverythingWithReasonDropByDefault()
    {
        final Drop drop = new Drop(Params.of(""));
        final RecordingOutputs outputs = TestStageContext.start(drop, 2);

        drop.process(OffHeapBatch.of(new byte[60], new byte[0]).batch(), outputs);

        outputs.assertEachDecidedOnce(2);
        assertEquals(List.of("x drop", "x drop"), outputs.decisions(2));
    }

    @Test
    void shouldDropWithTheReasonGiven()
    {
        final Drop drop = new Drop(Params.of("reason = no-route"));
        final RecordingOutputs outputs = TestStageContext.start(drop, 1);

        drop.process(OffHeapBatch.of(new byte[60]).batch(), outputs);

        assertEquals("x no-route", outputs.decision(0));
    }

    @Test
    void shouldDeclareNoOutputs()
    {
        assertEquals(List.of(), new Drop(Params.of("")).outputs());
    }

    @Test
    void shouldRejectAReasonThatIsNotLowerCaseWords()
    {
        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> new Drop(Params.of("reason = \"No Route\"")));

        assertEquals(Params.PATH + ".reason", e.path());
        assertEquals("expected lower-case words joined by '-', such as no-route, got string \"No Route\"", e.problem());
    }
}
