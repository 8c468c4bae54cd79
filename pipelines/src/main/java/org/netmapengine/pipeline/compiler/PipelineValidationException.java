package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.PipelineConfigException;

import java.util.List;

/**
 * A pipeline definition has errors: all of them, each with file, line and path, in file and line order.
 */
public final class PipelineValidationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient List<PipelineConfigException> errors;

    /**
     * @param errors at least one error.
     */
    public PipelineValidationException(final List<PipelineConfigException> errors)
    {
        super(message(errors));
        if (errors.isEmpty())
        {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** @return every error found, in file and line order. */
    public List<PipelineConfigException> errors()
    {
        return errors;
    }

    private static String message(final List<PipelineConfigException> errors)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(1 == errors.size() ? " error" : " errors")
            .append(" in the pipeline definition:");
        for (final PipelineConfigException error : errors)
        {
            sb.append('\n').append(error.getMessage());
        }
        return sb.toString();
    }
}
