package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.graph.Target;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stage graph once wired: finds cycles, stages no receiving port reaches, and the topological order.
 * Transmit stages are not nodes: wires to them were resolved into port targets.
 */
final class StageGraph
{
    private final Map<String, StageDraft> nodes = new LinkedHashMap<>();
    private final Problems problems;

    private StageGraph(final List<StageDraft> stages, final Problems problems)
    {
        for (final StageDraft stage : stages)
        {
            if (!stage.isTransmit())
            {
                nodes.put(stage.name, stage);
            }
        }
        this.problems = problems;
    }

    /**
     * @return the stages other than transmit stages in topological order (written order among equals), or null
     * when there is a cycle.
     */
    static List<StageDraft> check(final List<PortDraft> ports, final List<StageDraft> stages, final Problems problems)
    {
        final StageGraph graph = new StageGraph(stages, problems);
        graph.checkReachable(ports, stages);
        return graph.findCycles() ? null : graph.topologicalOrder();
    }

    private void checkReachable(final List<PortDraft> ports, final List<StageDraft> stages)
    {
        final Map<String, StageDraft> byName = new HashMap<>();
        for (final StageDraft stage : stages)
        {
            byName.put(stage.name, stage);
        }

        final Set<String> reached = new HashSet<>();
        final Deque<String> work = new ArrayDeque<>();
        for (final PortDraft port : ports)
        {
            if (port.receives() && byName.containsKey(port.toName) && reached.add(port.toName))
            {
                work.add(port.toName);
            }
        }
        if (work.isEmpty())
        {
            return;
        }
        while (!work.isEmpty())
        {
            for (final StageDraft.Wire wire : byName.get(work.poll()).wires.values())
            {
                if (byName.containsKey(wire.target()) && reached.add(wire.target()))
                {
                    work.add(wire.target());
                }
            }
        }

        for (final StageDraft stage : stages)
        {
            if (!reached.contains(stage.name))
            {
                problems.error(stage.location, "stage '" + stage.name + "' is not reached from any receiving port: " +
                    "expected a port's to, or another stage's output, to lead to it");
            }
        }
    }

    /** @return whether a cycle was found; each is reported at the wire that closes it. */
    private boolean findCycles()
    {
        final Set<String> done = new HashSet<>();
        final List<String> path = new ArrayList<>();
        boolean found = false;
        for (final String name : nodes.keySet())
        {
            found |= visit(name, path, done);
        }
        return found;
    }

    private boolean visit(final String name, final List<String> path, final Set<String> done)
    {
        if (done.contains(name))
        {
            return false;
        }
        boolean found = false;
        path.add(name);
        final StageDraft stage = nodes.get(name);
        for (final Map.Entry<String, Target> entry : stage.wiring.entrySet())
        {
            final String next = stageOf(entry.getValue());
            if (null == next)
            {
                continue;
            }
            final int start = path.indexOf(next);
            if (start >= 0)
            {
                final List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
                cycle.add(next);
                problems.error(stage.wires.get(entry.getKey()).location(), "cycle in the stage graph: " +
                    String.join(" -> ", cycle) + ": expected every packet to leave through a port or drop");
                found = true;
            }
            else
            {
                found |= visit(next, path, done);
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return found;
    }

    private List<StageDraft> topologicalOrder()
    {
        final Map<String, Integer> inDegree = new HashMap<>();
        for (final String name : nodes.keySet())
        {
            inDegree.put(name, 0);
        }
        for (final StageDraft stage : nodes.values())
        {
            for (final Target target : stage.wiring.values())
            {
                final String next = stageOf(target);
                if (null != next)
                {
                    inDegree.merge(next, 1, Integer::sum);
                }
            }
        }

        final List<StageDraft> order = new ArrayList<>();
        final Set<String> placed = new HashSet<>();
        while (order.size() < nodes.size())
        {
            for (final StageDraft stage : nodes.values())
            {
                if (!placed.contains(stage.name) && 0 == inDegree.get(stage.name))
                {
                    placed.add(stage.name);
                    order.add(stage);
                    for (final Target target : stage.wiring.values())
                    {
                        final String next = stageOf(target);
                        if (null != next)
                        {
                            inDegree.merge(next, -1, Integer::sum);
                        }
                    }
                    break;
                }
            }
        }
        return order;
    }

    private String stageOf(final Target target)
    {
        if (target instanceof Target.StageTarget)
        {
            final String name = ((Target.StageTarget)target).stage();
            return nodes.containsKey(name) ? name : null;
        }
        return null;
    }
}
