package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.graph.PortDef;
import org.netmapengine.pipeline.graph.Segment;
import org.netmapengine.pipeline.graph.StageDef;
import org.netmapengine.pipeline.graph.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses stages into segments, one actor each. Walking the stages in topological order, a stage starts a new
 * segment when any of these holds, and joins the segment of its feeders otherwise:
 * <ul>
 *     <li>it says {@code async = true} or {@code parallelism > 1};</li>
 *     <li>a port feeds it (a receiver is an actor of its own, so what it feeds is an entry);</li>
 *     <li>its feeding stages are not all in one segment.</li>
 * </ul>
 * A stage that joins a segment runs in every instance of it: after a stage with parallelism 4, a fused counter
 * runs 4 times, once per instance. To gather the instances into one, mark the next stage {@code async = true}.
 */
final class SegmentPlanner
{
    private SegmentPlanner()
    {
    }

    /**
     * @param stages the stages in topological order.
     * @param ports  the ports, whose {@code to} targets are segment entries.
     * @return the segments, entries in topological order.
     */
    static List<Segment> plan(final List<StageDef> stages, final List<PortDef> ports)
    {
        final Map<String, List<String>> feedingStages = new HashMap<>();
        final Map<String, List<String>> feedingPorts = new HashMap<>();
        for (final StageDef stage : stages)
        {
            for (final Target target : stage.wiring().values())
            {
                if (target instanceof Target.StageTarget)
                {
                    addOnce(feedingStages, ((Target.StageTarget)target).stage(), stage.name());
                }
            }
        }
        for (final PortDef port : ports)
        {
            if (port.to().orElse(null) instanceof Target.StageTarget)
            {
                addOnce(feedingPorts, ((Target.StageTarget)port.to().get()).stage(), port.name());
            }
        }

        final Map<String, Integer> segmentOf = new HashMap<>();
        final List<List<StageDef>> members = new ArrayList<>();
        for (final StageDef stage : stages)
        {
            final Set<Integer> feederSegments = new LinkedHashSet<>();
            for (final String feeder : feedingStages.getOrDefault(stage.name(), List.of()))
            {
                feederSegments.add(segmentOf.get(feeder));
            }
            final boolean entry = stage.async() || stage.parallelism() > 1 ||
                feedingPorts.containsKey(stage.name()) || 1 != feederSegments.size();
            if (entry)
            {
                segmentOf.put(stage.name(), members.size());
                members.add(new ArrayList<>(List.of(stage)));
            }
            else
            {
                final int segment = feederSegments.iterator().next();
                segmentOf.put(stage.name(), segment);
                members.get(segment).add(stage);
            }
        }

        final List<Segment> segments = new ArrayList<>();
        for (int id = 0; id < members.size(); id++)
        {
            final List<StageDef> segmentStages = members.get(id);
            final StageDef entry = segmentStages.get(0);
            final Set<String> upstream = new LinkedHashSet<>();
            for (final String feeder : feedingStages.getOrDefault(entry.name(), List.of()))
            {
                upstream.add(members.get(segmentOf.get(feeder)).get(0).name());
            }
            segments.add(new Segment(id, segmentStages, entry.parallelism(), exits(segmentStages),
                feedingPorts.getOrDefault(entry.name(), List.of()), new ArrayList<>(upstream)));
        }
        return segments;
    }

    private static List<Target> exits(final List<StageDef> members)
    {
        final Set<String> inside = new LinkedHashSet<>();
        for (final StageDef member : members)
        {
            inside.add(member.name());
        }
        final Set<Target> exits = new LinkedHashSet<>();
        for (final StageDef member : members)
        {
            for (final Target target : member.wiring().values())
            {
                if (!(target instanceof Target.StageTarget && inside.contains(((Target.StageTarget)target).stage())))
                {
                    exits.add(target);
                }
            }
        }
        return new ArrayList<>(exits);
    }

    private static void addOnce(final Map<String, List<String>> map, final String key, final String value)
    {
        final List<String> values = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!values.contains(value))
        {
            values.add(value);
        }
    }
}
