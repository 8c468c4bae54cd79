package org.netmapengine.pipeline.graph;

import org.netmapengine.pipeline.PipelineConfigException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline definition checked as a whole: its ports, its stages in topological order and the segments (actors)
 * the stages are fused into. Nothing has been opened or started. Immutable.
 * <pre>
 *   port in --to--&gt; [ segment 0: classify -&gt; count ] --exit--&gt; [ segment 1 (x4): inspect ]
 *                                                                     --exit--&gt; port out
 * </pre>
 */
public final class CompiledPipeline
{
    private final String name;
    private final List<PortDef> ports;
    private final List<StageDef> stages;
    private final List<Segment> segments;
    private final List<PipelineConfigException> warnings;
    private final Map<String, PortDef> portByName = new HashMap<>();
    private final Map<String, StageDef> stageByName = new HashMap<>();
    private final Map<String, Segment> segmentByStage = new HashMap<>();

    /**
     * @param name     the pipeline's name.
     * @param ports    its ports, in written order.
     * @param stages   its stages, in topological order; transmit stages are compiled away.
     * @param segments its segments, in topological order of their entries.
     * @param warnings things that look wrong but do not stop the pipeline, located like errors.
     */
    public CompiledPipeline(
        final String name,
        final List<PortDef> ports,
        final List<StageDef> stages,
        final List<Segment> segments,
        final List<PipelineConfigException> warnings)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.ports = List.copyOf(ports);
        this.stages = List.copyOf(stages);
        this.segments = List.copyOf(segments);
        this.warnings = List.copyOf(warnings);
        for (final PortDef port : this.ports)
        {
            portByName.put(port.name(), port);
        }
        for (final StageDef stage : this.stages)
        {
            stageByName.put(stage.name(), stage);
        }
        for (final Segment segment : this.segments)
        {
            for (final StageDef stage : segment.stages())
            {
                segmentByStage.put(stage.name(), segment);
            }
        }
    }

    public String name()
    {
        return name;
    }

    /** @return the ports in written order. */
    public List<PortDef> ports()
    {
        return ports;
    }

    /** @return the stages in topological order: every stage after all stages that feed it. */
    public List<StageDef> stages()
    {
        return stages;
    }

    /** @return the segments, entries in topological order. */
    public List<Segment> segments()
    {
        return segments;
    }

    /** @return problems that do not stop the pipeline (an unused port), for the log. */
    public List<PipelineConfigException> warnings()
    {
        return warnings;
    }

    /** @return the port of that name, or null. */
    public PortDef port(final String name)
    {
        return portByName.get(name);
    }

    /** @return the stage of that name, or null. */
    public StageDef stage(final String name)
    {
        return stageByName.get(name);
    }

    /** @return the segment the stage of that name runs in, or null. */
    public Segment segmentOf(final String stage)
    {
        return segmentByStage.get(stage);
    }

    @Override
    public String toString()
    {
        return "CompiledPipeline[" + name + ": " + ports.size() + " ports, " + stages.size() + " stages, " +
            segments.size() + " segments]";
    }
}
