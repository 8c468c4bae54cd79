package org.netmapengine.actors;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Stage;

import java.util.List;
import java.util.function.Supplier;

/**
 * What one stage actor runs: consecutive stages fused into one actor, in topological order (the first is
 * the entry, where batches arrive), and where each output of each stage goes.
 *
 * @param name      the segment's name (its entry stage's), for logs and metrics.
 * @param stages    the member stages, entry first, each before the stages it feeds.
 * @param exits     the actors outside the segment that outputs lead to (stage actors or transmitters).
 * @param batch     packets per outgoing batch.
 * @param spares    spare buffers to borrow from a packet's owner for copies (0 when no stage copies).
 * @param maxFanout the most packets one arriving packet can become in the segment (1 without copies).
 * @param portNames the pipeline's name of each receiving port, by port id (a packet's {@code inPort}).
 */
public record SegmentPlan(String name, List<StagePlan> stages, List<Downstream> exits, int batch, int spares,
    int maxFanout, List<String> portNames, int bufferSize)
{
    /**
     * One member stage.
     *
     * @param name    its name in the pipeline.
     * @param factory makes a fresh instance (one per parallel instance, and again after a restart).
     * @param outputs its output names, in the order of their ids.
     * @param routes  where each output goes, by output id.
     */
    public record StagePlan(String name, Supplier<Stage> factory, List<String> outputs, List<Route> routes)
    {
    }

    /** Where an output leads. */
    public sealed interface Route
    {
    }

    /** To a member stage of the same segment: no thread hop. */
    public record ToStage(int stage) implements Route
    {
    }

    /** To an actor outside the segment: {@code exits().get(exit)}. */
    public record ToExit(int exit) implements Route
    {
    }

    /** Dropped, counted under {@code reason}. */
    public record ToDrop(DropReason reason) implements Route
    {
    }
}
