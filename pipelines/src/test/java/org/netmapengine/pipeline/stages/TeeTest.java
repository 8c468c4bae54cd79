package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TeeTest
{
    @Test
    void shouldDeclareOutThenTheCopies()
    {
        assertEquals(List.of("out", "mirror", "log"), new Tee(Params.of("copies = [mirror, log]")).outputs());
    }

    @Test
    void shouldCopyEachPacketToEveryCopyOutputBeforeSendingIt()
    {
        final Tee tee = new Tee(Params.of("copies = [mirror, log]"));
        final RecordingOutputs outputs = TestStageContext.start(tee, 2);

        tee.process(OffHeapBatch.of(new byte[60], new byte[70]).batch(), outputs);

        outputs.assertEachDecidedOnce(2);
        assertEquals(List.of(
            "copy 0 -> mirror", "copy 0 -> log", "0 out",
            "copy 1 -> mirror", "copy 1 -> log", "1 out"), outputs.events());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''                | expected a list of strings (missing)",
        "copies = mirror   | expected a list of strings, got string \"mirror\"",
        "copies = []       | expected at least one output name for the copies, got list []",
        "copies = [out]    | expected distinct output names other than 'out', each a name of letters, digits, " +
            "'_' and '-', starting with a letter or digit ('out' is not), got list [\"out\"]",
        "copies = [a, a]   | expected distinct output names other than 'out', each a name of letters, digits, " +
            "'_' and '-', starting with a letter or digit ('a' is not), got list [\"a\",\"a\"]",
        "copies = [\"a.b\"] | expected distinct output names other than 'out', each a name of letters, digits, " +
            "'_' and '-', starting with a letter or digit ('a.b' is not), got list [\"a.b\"]" })
    void shouldRejectBadCopies(final String hocon, final String problem)
    {
        final PipelineConfigException e = assertThrows(PipelineConfigException.class, () -> new Tee(Params.of(hocon)));

        assertEquals(Params.PATH + ".copies", e.path());
        assertEquals(problem, e.problem());
    }
}
