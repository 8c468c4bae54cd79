package org.netmapengine.pipeline;

/**
 * Receives the values a {@link MetricsSource} reports. Names are constants of the source (lower-case words joined
 * by '-', as {@code packets} or {@code bytes}); the runtime prefixes them with the pipeline and stage names.
 */
public interface MetricsSink
{
    /**
     * @param name  the counter's name within its source.
     * @param value a count that only grows.
     */
    void counter(String name, long value);

    /**
     * @param name  the gauge's name within its source.
     * @param value a level that goes up and down.
     */
    void gauge(String name, long value);
}
