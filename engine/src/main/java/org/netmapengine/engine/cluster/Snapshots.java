package org.netmapengine.engine.cluster;

import org.netmapengine.actors.PipelineStatus;
import org.netmapengine.actors.PortStatus;
import org.netmapengine.actors.SegmentStatus;
import org.netmapengine.actors.StageStatus;
import org.netmapengine.actors.TransmitterStatus;
import org.netmapengine.engine.EngineMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the compact records a node publishes from the runtime's own status records: one row per port (its RX
 * and TX sides merged) and one per stage (its instances summed).
 */
public final class Snapshots
{
    private Snapshots()
    {
    }

    /** @return every port of every pipeline in {@code metrics}, in pipeline order, receivers first. */
    public static List<PortSnapshot> ports(final EngineMetrics metrics)
    {
        final List<PortSnapshot> ports = new ArrayList<>();
        for (final PipelineStatus pipeline : metrics.pipelines())
        {
            final Map<String, PortSnapshot> byName = new LinkedHashMap<>();
            for (final PortStatus rx : pipeline.receivers())
            {
                byName.put(rx.name(), new PortSnapshot(pipeline.pipeline(), rx.name(), rx.portName(), rx.backend(),
                    rx.received(), rx.receivedBytes(), 0, 0, rx.dropped(), 0, 0, rx.freeBuffers(), rx.buffers(),
                    rx.inFlight(), rx.kernelDropped(), rx.oversizeDropped()));
            }
            for (final TransmitterStatus tx : pipeline.transmitters())
            {
                final PortSnapshot rx = byName.get(tx.name());
                byName.put(tx.name(), null == rx ?
                    new PortSnapshot(pipeline.pipeline(), tx.name(), tx.portName(), tx.backend(), 0, 0,
                        tx.transmitted(), tx.bytes(), Map.of(), tx.txFull(), tx.txErrors(), 0, 0, 0, 0, 0) :
                    new PortSnapshot(rx.pipeline(), rx.port(), rx.netmapName(), rx.backend(), rx.rxPackets(),
                        rx.rxBytes(), tx.transmitted(), tx.bytes(), rx.dropped(), tx.txFull(), tx.txErrors(),
                        rx.freeBuffers(), rx.buffers(), rx.inFlight(), rx.kernelDropped(), rx.oversizeDropped()));
            }
            ports.addAll(byName.values());
        }
        return ports;
    }

    /** @return every stage of every pipeline in {@code metrics}, its instances summed. */
    public static List<StageSnapshot> stages(final EngineMetrics metrics)
    {
        final List<StageSnapshot> stages = new ArrayList<>();
        for (final PipelineStatus pipeline : metrics.pipelines())
        {
            final Map<String, StageSnapshot> byName = new LinkedHashMap<>();
            for (final SegmentStatus segment : pipeline.segments())
            {
                for (final StageStatus stage : segment.stages())
                {
                    byName.merge(stage.name(), of(pipeline.pipeline(), stage), Snapshots::sum);
                }
            }
            stages.addAll(byName.values());
        }
        return stages;
    }

    private static StageSnapshot of(final String pipeline, final StageStatus stage)
    {
        return new StageSnapshot(pipeline, stage.name(), 1, stage.in(), stage.out(), stage.dropped(), stage.errors(),
            stage.inFlight(), stage.leaked(), stage.restarts());
    }

    private static StageSnapshot sum(final StageSnapshot a, final StageSnapshot b)
    {
        final Map<String, Long> dropped = new LinkedHashMap<>(a.dropped());
        b.dropped().forEach((reason, count) -> dropped.merge(reason, count, Long::sum));
        return new StageSnapshot(a.pipeline(), a.stage(), a.instances() + b.instances(), a.in() + b.in(),
            a.out() + b.out(), dropped, a.errors() + b.errors(), a.inFlight() + b.inFlight(), a.leaked() + b.leaked(),
            a.restarts() + b.restarts());
    }
}
