package org.netmapengine.pipeline.graph;

import java.util.List;

/**
 * Stages fused into one actor: the runtime hands a batch to the entry stage and runs every member in order, each
 * on what the members before it sent it, with no thread hop in between. Packets leave only through
 * {@link #exits()}.
 * <p>
 * With {@link #parallelism()} N the runtime runs N copies of the whole segment, one actor each, and spreads the
 * packets arriving at the entry over them by flow hash. Immutable.
 */
public final class Segment
{
    private final int id;
    private final List<StageDef> stages;
    private final int parallelism;
    private final List<Target> exits;
    private final List<String> upstreamPorts;
    private final List<String> upstreamSegments;

    /**
     * @param id               position in {@link CompiledPipeline#segments()}.
     * @param stages           the entry first, then the other members, in topological order.
     * @param parallelism      instances of the segment (the entry's parallelism).
     * @param exits            every target of a member outside the segment, once each.
     * @param upstreamPorts    ports whose {@code to} is the entry.
     * @param upstreamSegments segments (by entry name) with an exit to the entry.
     */
    public Segment(
        final int id,
        final List<StageDef> stages,
        final int parallelism,
        final List<Target> exits,
        final List<String> upstreamPorts,
        final List<String> upstreamSegments)
    {
        if (stages.isEmpty())
        {
            throw new IllegalArgumentException("a segment has at least its entry stage: id=" + id);
        }
        this.id = id;
        this.stages = List.copyOf(stages);
        this.parallelism = parallelism;
        this.exits = List.copyOf(exits);
        this.upstreamPorts = List.copyOf(upstreamPorts);
        this.upstreamSegments = List.copyOf(upstreamSegments);
    }

    public int id()
    {
        return id;
    }

    /** @return the segment's name: its entry stage's name. */
    public String name()
    {
        return stages.get(0).name();
    }

    /** @return the stage every packet entering the segment goes to first. */
    public StageDef entry()
    {
        return stages.get(0);
    }

    /** @return the members, entry first, in topological order: a member runs after all members feeding it. */
    public List<StageDef> stages()
    {
        return stages;
    }

    /** @return whether the stage of that name is a member. */
    public boolean contains(final String stage)
    {
        for (final StageDef member : stages)
        {
            if (member.name().equals(stage))
            {
                return true;
            }
        }
        return false;
    }

    /** @return how many instances of the segment run. */
    public int parallelism()
    {
        return parallelism;
    }

    /** @return other segments' entries, ports and drop, as the members' wiring names them. */
    public List<Target> exits()
    {
        return exits;
    }

    /** @return ports whose receivers feed the entry. */
    public List<String> upstreamPorts()
    {
        return upstreamPorts;
    }

    /** @return names of the segments that feed the entry. */
    public List<String> upstreamSegments()
    {
        return upstreamSegments;
    }

    @Override
    public String toString()
    {
        return "Segment[" + id + " " + stages.stream().map(StageDef::name).toList() + " x" + parallelism +
            " exits " + exits.stream().map(Target::describe).toList() + "]";
    }
}
