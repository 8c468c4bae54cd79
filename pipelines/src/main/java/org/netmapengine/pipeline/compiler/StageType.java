package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.Stage;

import java.util.List;
import java.util.Objects;

/**
 * A stage type that pipelines name with {@code type = NAME}: a stage class and, when the type declares them, the
 * keys its {@code params} block may have (so that a misspelt key is an error, not a silently ignored setting).
 *
 * @param name       the name in {@code type = NAME}.
 * @param stageClass the class, with a public constructor taking {@code StageParameters} or none.
 * @param parameters the accepted top-level parameter keys, or null to accept any.
 */
public record StageType(String name, Class<? extends Stage> stageClass, List<String> parameters)
{
    public StageType
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stageClass, "stageClass");
        parameters = null == parameters ? null : List.copyOf(parameters);
    }

    /** @return a type whose parameters are not checked by key. */
    public static StageType of(final String name, final Class<? extends Stage> stageClass)
    {
        return new StageType(name, stageClass, null);
    }

    /** @return a type accepting exactly these top-level parameter keys. */
    public static StageType of(
        final String name, final Class<? extends Stage> stageClass, final List<String> parameters)
    {
        return new StageType(name, stageClass, Objects.requireNonNull(parameters, "parameters"));
    }

    /** @return whether unknown parameter keys are errors. */
    public boolean checksParameters()
    {
        return null != parameters;
    }
}
