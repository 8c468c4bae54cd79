package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
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

    @Test
    void shouldMeasureRatesOverTheInterval()
    {
        final Counter counter = new Counter(Params.of("interval = 1s"));
        final RecordingOutputs outputs = TestStageContext.start(counter, 2);
        final OffHeapBatch batch = OffHeapBatch.of(new byte[100], new byte[150]);

        batch.batch().timestampNanos(1_000_000_000L);
        counter.process(batch.batch(), outputs);
        batch.batch().timestampNanos(1_500_000_000L);
        counter.process(batch.batch(), outputs);
        batch.batch().timestampNanos(3_000_000_000L);
        counter.process(batch.batch(), outputs);

        assertEquals(3, counter.packetsPerSecond(), "6 packets in 2 s");
        assertEquals(3000, counter.bitsPerSecond(), "750 bytes in 2 s");
    }

    @Test
    void shouldReportNoRateBeforeAWholeInterval()
    {
        final Counter counter = new Counter(Params.of("interval = 1s"));
        final OffHeapBatch batch = OffHeapBatch.of(new byte[100]);
        batch.batch().timestampNanos(5);

        counter.process(batch.batch(), TestStageContext.start(counter, 1));

        assertEquals(0, counter.packetsPerSecond());
    }

    @Test
    void shouldRejectAnIntervalUnderAMillisecond()
    {
        assertEquals("interval: expected a duration from 1ms to 24h such as 1s, got string \"10us\"",
            Params.error(Counter::new, "interval = 10us"));
    }
}
