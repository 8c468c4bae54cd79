package org.netmapengine.pipeline.bpf;

import com.typesafe.config.ConfigUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netmapengine.pipeline.stages.Filter;
import org.netmapengine.pipeline.testing.CaptureFrames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.Tcpdump;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code filter} stage agrees with tcpdump: a capture of pkt-gen's frames, frames pkt-gen does not make and
 * malformed ones goes through tcpdump ({@link Tcpdump#count}); the stage must send exactly as many of the same frames
 * to {@code match}. Needs tcpdump on the path ({@code bash .ci/test} installs it). {@code FilterPipelineTcpdumpTest}
 * (actors) runs the same expressions as a pipeline on a {@code pcap:} port.
 */
class FilterTcpdumpAgreementTest
{
    @TempDir
    static Path dir;

    private static List<byte[]> frames;
    private static Path capture;

    @BeforeAll
    static void writeTheCapture() throws Exception
    {
        frames = CaptureFrames.build(20_240_601L);
        capture = dir.resolve("capture.pcap");
        CaptureFrames.write(frames, capture);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.netmapengine.pipeline.testing.Tcpdump#expressions")
    void shouldMatchAsManyFramesAsTcpdump(final String expression) throws Exception
    {
        assertEquals(Tcpdump.count(capture, expression, dir), stageCount(expression), expression);
    }

    private static long stageCount(final String expression)
    {
        final Filter filter = new Filter(Params.of("expression = " + ConfigUtil.quoteString(expression)));
        long matches = 0;
        for (int from = 0; from < frames.size(); from += 256)
        {
            final List<byte[]> chunk = frames.subList(from, Math.min(frames.size(), from + 256));
            final OffHeapBatch batch = OffHeapBatch.of(chunk.toArray(new byte[0][]));
            final RecordingOutputs outputs = TestStageContext.start(filter, chunk.size());
            filter.process(batch.batch(), outputs);
            outputs.assertEachDecidedOnce(chunk.size());
            matches += outputs.decisions(chunk.size()).stream().filter(Filter.MATCH::equals).count();
        }
        return matches;
    }
}
