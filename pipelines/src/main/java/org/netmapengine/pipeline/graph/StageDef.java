package org.netmapengine.pipeline.graph;

import org.netmapengine.pipeline.Stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stage of a compiled pipeline: how to make it, its outputs and where each one goes.
 * <p>
 * Output ids are positions in {@link #outputs()}: a runtime's {@code StageContext.output(name)} returns
 * {@link #outputId(String)}. Immutable.
 */
public final class StageDef
{
    private final String name;
    private final String typeName;
    private final Class<? extends Stage> stageClass;
    private final StageFactory factory;
    private final List<String> outputs;
    private final Map<String, Target> wiring;
    private final boolean async;
    private final int parallelism;
    private final ConfigLocation location;

    /**
     * @param name        the stage's name (its key under {@code stages}).
     * @param typeName    the built-in type, or the class name for {@code class = ...}.
     * @param stageClass  the class the factory instantiates.
     * @param factory     makes validated instances.
     * @param outputs     the declared outputs, in the stage's order.
     * @param wiring      a target for every declared output.
     * @param async       whether the stage starts an actor of its own.
     * @param parallelism how many instances run, fed by flow hash; more than 1 implies an async boundary.
     * @param location    where the stage is defined.
     */
    public StageDef(
        final String name,
        final String typeName,
        final Class<? extends Stage> stageClass,
        final StageFactory factory,
        final List<String> outputs,
        final Map<String, Target> wiring,
        final boolean async,
        final int parallelism,
        final ConfigLocation location)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.stageClass = Objects.requireNonNull(stageClass, "stageClass");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.outputs = List.copyOf(outputs);
        final Map<String, Target> ordered = new LinkedHashMap<>();
        for (final String output : this.outputs)
        {
            ordered.put(output, Objects.requireNonNull(wiring.get(output), () -> "no target for output " + output));
        }
        if (wiring.size() != ordered.size())
        {
            throw new IllegalArgumentException("wiring has outputs the stage does not declare: wiring=" +
                wiring.keySet() + ", outputs=" + outputs);
        }
        this.wiring = Collections.unmodifiableMap(ordered);
        this.async = async;
        this.parallelism = parallelism;
        this.location = Objects.requireNonNull(location, "location");
    }

    public String name()
    {
        return name;
    }

    /** @return {@code classify-port}, say, or {@code com.acme.MyStage}. */
    public String typeName()
    {
        return typeName;
    }

    public Class<? extends Stage> stageClass()
    {
        return stageClass;
    }

    public StageFactory factory()
    {
        return factory;
    }

    /** @return the declared outputs; an output's id is its index here. */
    public List<String> outputs()
    {
        return outputs;
    }

    /** @return output name to target, in output order. */
    public Map<String, Target> wiring()
    {
        return wiring;
    }

    /** @return the target of {@code output}, or null when the stage has no such output. */
    public Target target(final String output)
    {
        return wiring.get(output);
    }

    /** @return the target of output id {@code output}. */
    public Target target(final int output)
    {
        return wiring.get(outputs.get(output));
    }

    /** @return the id of {@code output}, or -1 when the stage has no such output. */
    public int outputId(final String output)
    {
        return outputs.indexOf(output);
    }

    /** @return whether the definition asks for an async boundary before this stage. */
    public boolean async()
    {
        return async;
    }

    /** @return the declared parallelism; see {@link Segment#parallelism()} for how many instances run. */
    public int parallelism()
    {
        return parallelism;
    }

    public ConfigLocation location()
    {
        return location;
    }

    @Override
    public String toString()
    {
        return "StageDef[" + name + ": " + typeName + " " + wiring + "]";
    }
}
