package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.tcp;

class HashLbTest
{
    private static byte[] flow(final int client, final int port, final boolean reply)
    {
        final int clientIp = 0x0A000000 | client;
        final int serverIp = 0xC0A80001;
        return reply ? ethernet(IPV4, ipv4(serverIp, clientIp, TCP, tcp(80, port, 0x10, 0))) :
            ethernet(IPV4, ipv4(clientIp, serverIp, TCP, tcp(port, 80, 0x10, 0)));
    }

    @Test
    void shouldSendBothDirectionsOfAFlowToOneOutput()
    {
        final HashLb lb = new HashLb(Params.of("outputs = 8"));
        final RecordingOutputs outputs = TestStageContext.start(lb, 200);
        final OffHeapBatch batch = new OffHeapBatch(200);
        for (int f = 0; f < 100; f++)
        {
            batch.add(flow(f, 1000 + f, false));
            batch.add(flow(f, 1000 + f, true));
        }

        lb.process(batch.batch(), outputs);

        for (int f = 0; f < 100; f++)
        {
            assertEquals(outputs.decision(2 * f), outputs.decision(2 * f + 1), "flow " + f);
        }
    }

    @Test
    void shouldSpreadFlowsOverEveryOutput()
    {
        final HashLb lb = new HashLb(Params.of("outputs = 4"));
        final RecordingOutputs outputs = TestStageContext.start(lb, 256);
        final OffHeapBatch batch = new OffHeapBatch(256);
        for (int f = 0; f < 256; f++)
        {
            batch.add(flow(f % 32, 2000 + f, false));
        }

        lb.process(batch.batch(), outputs);

        final Map<String, Integer> counts = new HashMap<>();
        outputs.decisions(256).forEach(d -> counts.merge(d, 1, Integer::sum));
        assertEquals(4, counts.size(), counts.toString());
        counts.values().forEach(c -> assertTrue(c > 256 / 4 / 2, counts.toString()));
    }

    @Test
    void shouldKeepTheHashForStagesDownstream()
    {
        final HashLb lb = new HashLb(Params.of("outputs = 2"));
        final OffHeapBatch batch = OffHeapBatch.of(flow(1, 1, false));

        lb.process(batch.batch(), TestStageContext.start(lb, 1));

        assertNotEquals(0, batch.batch().hash(0));
    }

    @Test
    void shouldUseAHashAlreadyInTheHandle()
    {
        final HashLb lb = new HashLb(Params.of("outputs = [a, b]"));
        final RecordingOutputs outputs = TestStageContext.start(lb, 2);
        final OffHeapBatch batch = OffHeapBatch.of(flow(1, 1, false), flow(2, 2, false));
        batch.batch().hash(0, 0x1000_0000);
        batch.batch().hash(1, 0x9000_0000);

        lb.process(batch.batch(), outputs);

        assertEquals(List.of("a", "b"), outputs.decisions(2));
    }

    @Test
    void shouldNameCountedOutputsOutN()
    {
        assertEquals(List.of("out-0", "out-1", "out-2"), new HashLb(Params.of("outputs = 3")).outputs());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                  | outputs: expected a number of outputs in [1, 1024] (named out-0, out-1, ...) or a list " +
            "of distinct output names (missing)",
        "outputs = 0         | outputs: expected an integer in [1, 1024], got number 0",
        "outputs = [a, a]    | outputs: expected a number of outputs in [1, 1024] (named out-0, out-1, ...) or a list " +
            "of distinct output names, each a name of letters, digits, '_' and '-', starting with a letter or digit " +
            "('a' is not), got list [\"a\",\"a\"]",
        "outputs = []        | outputs: expected a number of outputs in [1, 1024] (named out-0, out-1, ...) or a list " +
            "of distinct output names, got list []",
        "outputs = many      | outputs: expected a number of outputs in [1, 1024] (named out-0, out-1, ...) or a list " +
            "of distinct output names, got string \"many\"",
    })
    void shouldRejectBadOutputs(final String hocon, final String error)
    {
        assertEquals(error, Params.error(HashLb::new, hocon));
    }
}
