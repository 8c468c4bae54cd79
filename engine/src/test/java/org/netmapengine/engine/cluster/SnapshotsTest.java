package org.netmapengine.engine.cluster;

import org.junit.jupiter.api.Test;
import org.netmapengine.actors.PipelineStatus;
import org.netmapengine.actors.PortStatus;
import org.netmapengine.actors.SegmentStatus;
import org.netmapengine.actors.StageStatus;
import org.netmapengine.actors.TransmitterStatus;
import org.netmapengine.engine.EngineMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a node publishes, built from the runtime's status records. */
class SnapshotsTest
{
    private static EngineMetrics metrics()
    {
        final PortStatus in = new PortStatus("in", "netmap:p}0/R", "emulated", 1000, 60_000, 10, 990, Map.of("drop", 20L),
            0, 0, 4000, 4096, 3, 40, 7, true, 0, 0);
        final PortStatus bridge = new PortStatus("bridge", "netmap:eth1", "kernel", 50, 3000, 0, 50, Map.of(), 0, 0,
            100, 100, 0, 2, 0, true, 12, 3);
        final TransmitterStatus out = new TransmitterStatus("out", "netmap:p{1/T", "emulated", 960, 57_600, 960, 0, 2, 1, 5);
        final TransmitterStatus bridgeTx = new TransmitterStatus("bridge", "netmap:eth1", "kernel", 30, 1800, 30, 0, 0, 0, 0);
        final StageStatus count0 = new StageStatus("count", 500, 490, Map.of("drop", 10L), 1, 0, 0, 0, 2, 0, Map.of());
        final StageStatus count1 = new StageStatus("count", 500, 495, Map.of("drop", 5L, "error", 1L), 0, 0, 0, 1, 0, 1,
            Map.of());
        final StageStatus classify = new StageStatus("classify", 1000, 1000, Map.of(), 0, 0, 0, 0, 0, 0, Map.of());
        return new EngineMetrics(1, List.of(new PipelineStatus("p", 1, List.of(in, bridge), List.of(out, bridgeTx),
            List.of(new SegmentStatus("s0", 0, List.of(classify, count0), 0),
                new SegmentStatus("s0", 1, List.of(count1), 0)))));
    }

    @Test
    void shouldMergeEachPortsReceiveAndTransmitSides()
    {
        final List<PortSnapshot> ports = Snapshots.ports(metrics());

        assertEquals(List.of("in", "bridge", "out"), ports.stream().map(PortSnapshot::port).toList());
        assertEquals(new PortSnapshot("p", "in", "netmap:p}0/R", "emulated", 1000, 60_000, 0, 0, Map.of("drop", 20L),
            0, 0, 4000, 4096, 0, 0, 0), ports.get(0));
        assertEquals(new PortSnapshot("p", "bridge", "netmap:eth1", "kernel", 50, 3000, 30, 1800, Map.of(), 0, 0, 100,
            100, 0, 12, 3), ports.get(1));
        assertEquals(new PortSnapshot("p", "out", "netmap:p{1/T", "emulated", 0, 0, 960, 57_600, Map.of(), 2, 1, 0, 0, 0, 0, 0),
            ports.get(2));
    }

    @Test
    void shouldSumAStagesInstances()
    {
        final List<StageSnapshot> stages = Snapshots.stages(metrics());

        assertEquals(2, stages.size());
        final StageSnapshot count = stages.get(1);
        assertEquals(new StageSnapshot("p", "count", 2, 1000, 985, Map.of("drop", 15L, "error", 1L), 1, 2, 1, 1), count);
        assertEquals(ArrayList.class, new NodeSnapshot("n", 1, List.of(), 1, 1, 1, 1, List.of(), List.of(), stages,
            JvmSnapshot.now()).stages().getClass(), "lists in messages are ArrayLists, whatever they were given");
    }

    @Test
    void shouldFindThePipelineToReloadInAStandaloneOrANodeFile()
    {
        final List<String> errors = new ArrayList<>();

        final ControlReceiver.Definition standalone = ReloadDefinition.parse("default", "pipeline { ports { } }", errors);
        final ControlReceiver.Definition node = ReloadDefinition.parse("default",
            "netmap-engine.pipelines.default { ports { } }", errors);

        assertEquals("pipeline", standalone.path());
        assertEquals("default", standalone.root().getString("pipeline.name"), "named after the pipeline it replaces");
        assertEquals("netmap-engine.pipelines.default", node.path());
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldSayWhyThereIsNoPipelineToReload()
    {
        final List<String> errors = new ArrayList<>();

        assertNull(ReloadDefinition.parse("default", "pipeline { name = other }", errors));
        assertNull(ReloadDefinition.parse("default", "netmap-engine.pipelines.x {}", errors));
        assertNull(ReloadDefinition.parse("default", "pipeline {", errors));

        assertEquals("the definition is of pipeline 'other', not of 'default'", errors.get(0));
        assertEquals("the definition has neither pipeline { } nor netmap-engine.pipelines.default { }", errors.get(1));
        assertEquals("(hocon) String: 1: expecting a close parentheses ')' here, not: end of file", errors.get(2));
    }
}
