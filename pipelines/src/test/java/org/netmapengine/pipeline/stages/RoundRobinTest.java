package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundRobinTest
{
    @Test
    void shouldSendEachPacketToTheNextOutputInTurn()
    {
        final RoundRobin spray = new RoundRobin(Params.of("outputs = [x, y, z]"));
        final RecordingOutputs outputs = TestStageContext.start(spray, 5);

        spray.process(OffHeapBatch.of(new byte[60], new byte[60], new byte[60], new byte[60], new byte[1]).batch(),
            outputs);

        assertEquals(List.of("x", "y", "z", "x", "y"), outputs.decisions(5));
    }

    @Test
    void shouldCarryTheTurnOverToTheNextBatch()
    {
        final RoundRobin spray = new RoundRobin(Params.of("outputs = 2"));
        spray.process(OffHeapBatch.of(new byte[60]).batch(), TestStageContext.start(spray, 1));
        final RecordingOutputs outputs = new RecordingOutputs(spray.outputs(), 2);

        spray.process(OffHeapBatch.of(new byte[60], new byte[60]).batch(), outputs);

        assertEquals(List.of("out-1", "out-0"), outputs.decisions(2));
    }

    @Test
    void shouldRejectAMissingOutputs()
    {
        assertEquals("outputs: expected a number of outputs in [1, 1024] (named out-0, out-1, ...) or a list of " +
            "distinct output names (missing)", Params.error(RoundRobin::new, ""));
    }
}
