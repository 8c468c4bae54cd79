package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransmitTest
{
    @Test
    void shouldNameItsPort()
    {
        assertEquals("uplink", new Transmit(Params.of("port = uplink")).port());
    }

    @Test
    void shouldDeclareNoOutputs()
    {
        assertEquals(List.of(), new Transmit(Params.of("port = uplink")).outputs());
    }

    @Test
    void shouldRequireAPort()
    {
        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> new Transmit(Params.of("")));

        assertEquals(Params.PATH + ".port", e.path());
        assertEquals("expected a string (missing)", e.problem());
    }

    @Test
    void shouldRefuseToRunBecauseTheCompilerReplacesIt()
    {
        final Transmit transmit = new Transmit(Params.of("port = uplink"));

        assertThrows(IllegalStateException.class,
            () -> transmit.process(OffHeapBatch.of(new byte[60]).batch(), null));
    }
}
