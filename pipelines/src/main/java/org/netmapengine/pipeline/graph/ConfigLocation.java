package org.netmapengine.pipeline.graph;

import org.netmapengine.pipeline.PipelineConfigException;

/**
 * Where something was defined, so that problems found later (when a port opens, say) can still name the file,
 * line and path.
 *
 * @param file the file, or a description of the origin.
 * @param line the line, or -1.
 * @param path the configuration path, such as {@code pipeline.ports.in}.
 */
public record ConfigLocation(String file, int line, String path)
{
    /**
     * @param problem what is wrong and what was expected.
     * @return an exception located here.
     */
    public PipelineConfigException error(final String problem)
    {
        return new PipelineConfigException(file, line, path, problem);
    }

    /** @return a location of a key under this one, on the same line. */
    public ConfigLocation child(final String key)
    {
        return new ConfigLocation(file, line, path + "." + key);
    }

    @Override
    public String toString()
    {
        return file + (line >= 0 ? ":" + line : "") + ": " + path;
    }
}
