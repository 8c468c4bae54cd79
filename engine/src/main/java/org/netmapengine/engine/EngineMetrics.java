package org.netmapengine.engine;

import org.netmapengine.actors.PipelineStatus;

import java.util.List;

/**
 * Every running pipeline's counters at one moment.
 */
public record EngineMetrics(long nanoTime, List<PipelineStatus> pipelines)
{
}
