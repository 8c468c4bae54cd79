package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CounterTest
{
    @Test
    void shouldSendEveryPacketToOut()
    {
        final Counter counter = new Counter();
        final RecordingOutputs outputs = TestStageContext.start(counter, 3);

        counter.process(OffHeapBatch.of(new byte[60], new byte[0], new byte[1514]).batch(), outputs);

        outputs.assertEachDecidedOnce(3);
        assertEquals(List.of("out", "out", "out"), outputs.decisions(3));
    }

    @Test
    void shouldCountPacketsAndBytesOverBatches()
    {
        final Counter counter = new Counter();
        final RecordingOutputs outputs = TestStageContext.start(counter, 2);

        counter.process(OffHeapBatch.of(new byte[60], new byte[100]).batch(), outputs);
        counter.process(OffHeapBatch.of(new byte[1514]).batch(), outputs);

        assertEquals(3, counter.packets());
        assertEquals(1674, counter.bytes());
    }

    @Test
    void shouldReportItsCountsToAMetricsSinkOnAnotherThread()
    {
        final Counter counter = new Counter();
        counter.process(OffHeapBatch.of(new byte[64], new byte[64]).batch(), TestStageContext.start(counter, 2));
        final List<String> reported = new ArrayList<>();

        CompletableFuture.runAsync(() -> counter.report(new MetricsSink()
        {
            @Override
            public void counter(final String name, final long value)
            {
                reported.add(name + "=" + value);
            }

            @Override
            public void gauge(final String name, final long value)
            {
                reported.add("gauge " + name + "=" + value);
            }
        })).join();

        assertEquals(List.of("packets=2", "bytes=128", "gauge packets-per-second=0", "gauge bits-per-second=0"),
            reported);
    }

    @Test
    void shouldDeclareOneOutputOut()
    {
        assertEquals(List.of("out"), new Counter().outputs());
    }
}
