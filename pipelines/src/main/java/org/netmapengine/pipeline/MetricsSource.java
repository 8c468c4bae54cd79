package org.netmapengine.pipeline;

/**
 * A stage (or anything else) that keeps counters for metrics. The runtime calls {@link #report} from a metrics
 * thread, not the thread that calls {@link Stage#process}; implementations publish their counters with release
 * semantics once per batch and read them here with acquire semantics, allocating nothing per packet.
 */
public interface MetricsSource
{
    /**
     * Reports every counter to {@code sink}, each under a constant name. Called from any thread.
     *
     * @param sink where the values go.
     */
    void report(MetricsSink sink);
}
