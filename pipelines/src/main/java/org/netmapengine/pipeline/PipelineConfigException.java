package org.netmapengine.pipeline;

/**
 * A pipeline definition is wrong: names the file, the line and the configuration path, and says what was
 * expected.
 */
public final class PipelineConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String path;
    private final String problem;

    /**
     * @param file    the file the offending value comes from, or a description of its origin.
     * @param line    its line, or -1 when unknown.
     * @param path    its configuration path, e.g. {@code pipeline.stages.classify.type}.
     * @param problem what is wrong and what was expected.
     */
    public PipelineConfigException(final String file, final int line, final String path, final String problem)
    {
        super(format(file, line, path, problem));
        this.file = file;
        this.line = line;
        this.path = path;
        this.problem = problem;
    }

    public String file()
    {
        return file;
    }

    public int line()
    {
        return line;
    }

    public String path()
    {
        return path;
    }

    public String problem()
    {
        return problem;
    }

    private static String format(final String file, final int line, final String path, final String problem)
    {
        return file + (line >= 0 ? ":" + line : "") + ": " + path + ": " + problem;
    }
}
