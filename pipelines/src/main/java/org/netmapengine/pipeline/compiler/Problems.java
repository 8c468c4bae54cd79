package org.netmapengine.pipeline.compiler;

import com.typesafe.config.ConfigOrigin;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.ConfigLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors and warnings found while compiling one pipeline: the compiler goes on after an error so that one
 * run reports them all.
 */
final class Problems
{
    private static final Comparator<PipelineConfigException> BY_PLACE =
        Comparator.comparing(PipelineConfigException::file).thenComparingInt(PipelineConfigException::line);

    private final List<PipelineConfigException> errors = new ArrayList<>();
    private final List<PipelineConfigException> warnings = new ArrayList<>();

    void error(final PipelineConfigException error)
    {
        errors.add(error);
    }

    void errors(final List<PipelineConfigException> more)
    {
        errors.addAll(more);
    }

    void error(final ConfigLocation location, final String problem)
    {
        errors.add(location.error(problem));
    }

    void error(final ConfigOrigin origin, final String path, final String problem)
    {
        errors.add(new PipelineConfigException(
            StageParameters.fileOf(origin), StageParameters.lineOf(origin), path, problem));
    }

    /** Runs a read; a {@link PipelineConfigException} it throws becomes an error and the compiler goes on. */
    void capture(final Runnable read)
    {
        try
        {
            read.run();
        }
        catch (final PipelineConfigException e)
        {
            errors.add(e);
        }
    }

    void warning(final ConfigLocation location, final String problem)
    {
        warnings.add(location.error(problem));
    }

    boolean hasErrors()
    {
        return !errors.isEmpty();
    }

    /** @return the errors by file, then line, then in the order found. */
    List<PipelineConfigException> errors()
    {
        final List<PipelineConfigException> sorted = new ArrayList<>(errors);
        sorted.sort(BY_PLACE);
        return sorted;
    }

    List<PipelineConfigException> warnings()
    {
        final List<PipelineConfigException> sorted = new ArrayList<>(warnings);
        sorted.sort(BY_PLACE);
        return sorted;
    }

    /** @throws PipelineValidationException when there is any error. */
    void throwIfErrors()
    {
        if (hasErrors())
        {
            throw new PipelineValidationException(errors());
        }
    }

    /** @return a location for the value's origin. */
    static ConfigLocation at(final ConfigOrigin origin, final String path)
    {
        return new ConfigLocation(StageParameters.fileOf(origin), StageParameters.lineOf(origin), path);
    }
}
