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
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.ethernet;

class LearningBridgeTest
{
    private static final List<String> PORTS = List.of("a", "b", "c", "other");
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int OTHER = 3;
    private static final long HOST_1 = 0x02_00_00_00_00_01L;
    private static final long HOST_2 = 0x02_00_00_00_00_02L;
    private static final long HOST_3 = 0x02_00_00_00_00_03L;
    private static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    private static final long MILLI = 1_000_000L;

    private final LearningBridge bridge = new LearningBridge(Params.of("ports = [a, b, c], max-age = 10s"));

    private RecordingOutputs run(final long nanos, final Object... fromPortToFrom)
    {
        final OffHeapBatch batch = new OffHeapBatch(fromPortToFrom.length / 3);
        for (int i = 0; i < fromPortToFrom.length; i += 3)
        {
            batch.add(ethernet((Long)fromPortToFrom[i + 1], (Long)fromPortToFrom[i + 2], IPV4, new byte[46]),
                OffHeapBatch.HEADROOM, (Integer)fromPortToFrom[i]);
        }
        batch.batch().timestampNanos(nanos);
        final RecordingOutputs outputs = new RecordingOutputs(bridge.outputs(), batch.batch().count());
        bridge.process(batch.batch(), outputs);
        outputs.assertEachDecidedOnce(batch.batch().count());
        return outputs;
    }

    private void start()
    {
        bridge.start(new TestStageContext("bridge", bridge.outputs(), PORTS));
    }

    @Test
    void shouldFloodAFrameToAnUnknownAddressToEveryOtherPort()
    {
        start();

        final RecordingOutputs outputs = run(MILLI, A, HOST_2, HOST_1);

        assertEquals(List.of("copy 0 -> b", "0 c"), outputs.events());
    }

    @Test
    void shouldFloodBroadcastsEvenToKnownPorts()
    {
        start();
        run(MILLI, B, BROADCAST, HOST_2);

        final RecordingOutputs outputs = run(2 * MILLI, C, BROADCAST, HOST_3);

        assertEquals(List.of("copy 0 -> a", "0 b"), outputs.events());
    }

    @Test
    void shouldSendAFrameToALearnedAddressToItsPortOnly()
    {
        start();
        run(MILLI, B, BROADCAST, HOST_2);

        final RecordingOutputs outputs = run(2 * MILLI, A, HOST_2, HOST_1, C, HOST_1, HOST_3);

        assertEquals(List.of("b", "a"), outputs.decisions(2));
        assertEquals(List.of(), outputs.copies());
    }

    @Test
    void shouldFollowAnAddressThatMoves()
    {
        start();
        run(MILLI, B, BROADCAST, HOST_2);
        run(2 * MILLI, C, BROADCAST, HOST_2);

        final RecordingOutputs outputs = run(3 * MILLI, A, HOST_2, HOST_1);

        assertEquals(List.of("c"), outputs.decisions(1));
    }

    @Test
    void shouldDropAFrameForAnAddressBehindItsOwnPort()
    {
        start();
        run(MILLI, B, BROADCAST, HOST_2);

        assertEquals(List.of("x same-port"), run(2 * MILLI, B, HOST_2, HOST_3).decisions(1));
    }

    @Test
    void shouldForgetAnAddressNotSeenForTheMaximumAge()
    {
        start();
        run(MILLI, B, BROADCAST, HOST_2);

        final RecordingOutputs outputs = run(MILLI + 10_001 * MILLI, A, HOST_2, HOST_1);

        assertEquals(List.of("copy 0 -> b", "0 c"), outputs.events());
    }

    @Test
    void shouldNotLearnAMulticastSource()
    {
        start();
        run(MILLI, B, BROADCAST, 0x03_00_00_00_00_05L);

        final RecordingOutputs outputs = run(2 * MILLI, A, 0x03_00_00_00_00_05L, HOST_1);

        assertEquals(List.of("copy 0 -> b", "0 c"), outputs.events());
    }

    @Test
    void shouldDropFramesFromAPortThatIsNotOneOfTheBridges()
    {
        start();

        assertEquals(List.of("x not-a-bridge-port", "x not-a-bridge-port"),
            run(MILLI, OTHER, BROADCAST, HOST_1, 9, BROADCAST, HOST_1).decisions(2));
    }

    @Test
    void shouldLearnNoMoreAddressesThanTheTableHolds()
    {
        final LearningBridge small = new LearningBridge(Params.of("ports = [a, b], mac-table-size = 1, max-age = 1s"));
        small.start(new TestStageContext("bridge", small.outputs(), PORTS));
        final OffHeapBatch batch = new OffHeapBatch(3);
        batch.add(ethernet(BROADCAST, HOST_1, IPV4, new byte[46]), 64, A);
        batch.add(ethernet(BROADCAST, HOST_2, IPV4, new byte[46]), 64, B);
        batch.add(ethernet(HOST_2, HOST_3, IPV4, new byte[46]), 64, A);
        batch.batch().timestampNanos(MILLI);
        final RecordingOutputs outputs = new RecordingOutputs(small.outputs(), 3);

        small.process(batch.batch(), outputs);

        assertEquals("b", outputs.decision(2), "host 2 was not learned: flooded to b, the only other port");
        final List<String> metrics = new java.util.ArrayList<>();
        small.report(new org.netmapengine.pipeline.MetricsSink()
        {
            @Override
            public void counter(final String name, final long value)
            {
                metrics.add(name + "=" + value);
            }

            @Override
            public void gauge(final String name, final long value)
            {
                metrics.add(name + "=" + value);
            }
        });
        assertEquals(List.of("macs=1", "flooded=3", "table-full=2"), metrics);
    }

    @Test
    void shouldMakeRoomForANewAddressWhenAnOldOneAgedOut()
    {
        final LearningBridge small = new LearningBridge(Params.of("ports = [a, b], mac-table-size = 1, max-age = 1s"));
        small.start(new TestStageContext("bridge", small.outputs(), PORTS));
        final OffHeapBatch first = OffHeapBatch.of(ethernet(BROADCAST, HOST_1, IPV4, new byte[46]));
        first.batch().timestampNanos(MILLI);
        small.process(first.batch(), new RecordingOutputs(small.outputs(), 1));
        final OffHeapBatch later = new OffHeapBatch(2);
        later.add(ethernet(BROADCAST, HOST_2, IPV4, new byte[46]), 64, B);
        later.add(ethernet(HOST_2, HOST_1, IPV4, new byte[46]), 64, A);
        later.batch().timestampNanos(3000 * MILLI);
        final RecordingOutputs outputs = new RecordingOutputs(small.outputs(), 2);

        small.process(later.batch(), outputs);

        assertEquals("b", outputs.decision(1));
    }

    @Test
    void shouldDropARunt()
    {
        start();
        final OffHeapBatch batch = OffHeapBatch.of(new byte[13]);

        final RecordingOutputs outputs = new RecordingOutputs(bridge.outputs(), 1);
        bridge.process(batch.batch(), outputs);

        assertEquals("x truncated-ethernet", outputs.decision(0));
    }

    @Test
    void shouldNameItsOutputsAfterItsPortsAndCopyForAllButTwo()
    {
        assertEquals(List.of("a", "b", "c"), bridge.outputs());
        assertEquals(1, bridge.copiesPerPacket());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                             | ports: expected a list of strings (missing)",
        "ports = [a]                    | ports: expected 2 to 1024 ports to bridge, got list [\"a\"]",
        "ports = [a, a]                 | ports: expected distinct port names, each a name of letters, digits, '_' " +
            "and '-', starting with a letter or digit ('a' is not), got list [\"a\",\"a\"]",
        "ports = [a, b], max-age = 0s   | max-age: expected a duration from 1ms to 365d such as 300s, got string " +
            "\"0s\"",
        "ports = [a, b], mac-table-size = 0 | mac-table-size: expected an integer in [1, 16777216], got number 0",
    })
    void shouldRejectBadParameters(final String hocon, final String error)
    {
        assertEquals(error, Params.error(LearningBridge::new, hocon));
    }
}
