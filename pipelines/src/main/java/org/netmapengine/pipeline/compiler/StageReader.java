package org.netmapengine.pipeline.compiler;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.Spelling;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.ConfigLocation;
import org.netmapengine.pipeline.stages.Transmit;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code stages} block: resolves each stage's type or class, builds one instance from its parameters to
 * validate them and learn its outputs, and reads its wiring, async flag and parallelism.
 */
final class StageReader
{
    static final String KEY = "stages";
    static final List<String> KEYS = List.of("async", "class", "outputs", "parallelism", "params", "type");
    static final List<String> NOT_FOR_TRANSMIT = List.of("async", "outputs", "parallelism");
    static final int MAX_PARALLELISM = 1024;

    private StageReader()
    {
    }

    /** @return the stages that have a valid name, in written order. */
    static List<StageDraft> read(final StageParameters pipeline, final StageRegistry registry, final Problems problems)
    {
        final List<StageDraft> drafts = new ArrayList<>();
        if (!pipeline.has(KEY))
        {
            return drafts;
        }
        final StageParameters stages;
        try
        {
            stages = pipeline.child(KEY);
        }
        catch (final PipelineConfigException e)
        {
            problems.error(pipeline.error(KEY, "expected a block of stages, such as " +
                "stages { count { type = counter, outputs { out = drop } } }"));
            return drafts;
        }

        for (final String name : stages.keys())
        {
            final ConfigValue value = stages.config().root().get(name);
            final ConfigLocation location = Problems.at(value.origin(), stages.path() + "." + name);
            if (!Names.isValid(name))
            {
                problems.error(location, "expected a stage name: " + Names.EXPECTED);
            }
            else if (PipelineCompiler.DROP.equals(name))
            {
                problems.error(location, "'drop' is reserved for dropping packets: expected another stage name");
            }
            else if (ConfigValueType.OBJECT != value.valueType())
            {
                problems.error(stages.error(name, "expected a stage: a block { type = ..., ... }"));
            }
            else
            {
                drafts.add(readStage(stages.child(name), name, location, registry, problems));
            }
        }
        return drafts;
    }

    private static StageDraft readStage(
        final StageParameters stage,
        final String name,
        final ConfigLocation location,
        final StageRegistry registry,
        final Problems problems)
    {
        final StageDraft draft = new StageDraft(name, location);
        problems.errors(stage.unknownKeys(KEYS));
        problems.capture(() -> draft.async = stage.getBoolean("async", false));
        problems.capture(() -> draft.parallelism = stage.getInt("parallelism", 1, 1, MAX_PARALLELISM));
        problems.capture(() -> readWires(stage, draft, problems));

        final StageType type;
        try
        {
            type = resolveType(stage, draft, registry);
        }
        catch (final PipelineConfigException e)
        {
            problems.error(e);
            return draft;
        }

        final StageParameters parameters;
        try
        {
            parameters = parameters(stage);
        }
        catch (final PipelineConfigException e)
        {
            problems.error(e);
            return draft;
        }
        if (null != type && type.checksParameters())
        {
            problems.errors(parameters.unknownKeys(type.parameters()));
        }

        problems.capture(() -> build(stage, draft, parameters, null == type || !type.checksParameters()));
        if (draft.isTransmit())
        {
            for (final String key : NOT_FOR_TRANSMIT)
            {
                if (stage.has(key))
                {
                    problems.error(Problems.at(stage.value(key).origin(), stage.path() + "." + key),
                        "a transmit stage stands for its port and never runs: expected only type (or class) and " +
                        "params { port = ... }");
                }
            }
        }
        return draft;
    }

    /** @return the registered type, or null for a {@code class = ...} stage; sets the draft's class and name. */
    private static StageType resolveType(
        final StageParameters stage, final StageDraft draft, final StageRegistry registry)
    {
        final boolean hasType = stage.has("type");
        final boolean hasClass = stage.has("class");
        if (hasType && hasClass)
        {
            throw draft.location.error("both type and class given: expected one of them");
        }
        if (!hasType && !hasClass)
        {
            throw draft.location.error("missing type or class: expected type = " +
                Spelling.oneOf(registry.typeNames()) + ", or class = \"com.acme.MyStage\"");
        }

        if (hasType)
        {
            final String typeName = stage.getString("type");
            final StageType type = registry.type(typeName);
            if (null == type)
            {
                throw Problems.at(stage.value("type").origin(), stage.path() + ".type").error(
                    "unknown stage type '" + typeName + "': expected " +
                    Spelling.oneOf(registry.typeNames()) + ", or class = \"com.acme.MyStage\"" +
                    Spelling.didYouMean(typeName, registry.typeNames()));
            }
            draft.typeName = type.name();
            draft.stageClass = type.stageClass();
            return type;
        }

        final String className = stage.getString("class");
        final ConfigLocation at = Problems.at(stage.value("class").origin(), stage.path() + ".class");
        draft.stageClass = StageInstantiator.load(className, registry.classLoader(), at);
        draft.typeName = className;
        return null;
    }

    private static StageParameters parameters(final StageParameters stage)
    {
        if (stage.has("params"))
        {
            return stage.child("params");
        }
        return new StageParameters(ConfigFactory.empty(), stage.path() + ".params", stage.origin());
    }

    /**
     * @param checkUnused whether parameters given to a constructor that takes none are an error (types that declare
     *                    their parameters report unknown keys instead).
     */
    private static void build(
        final StageParameters stage, final StageDraft draft, final StageParameters parameters,
        final boolean checkUnused)
    {
        final ConfigLocation classAt = stage.has("class") ?
            Problems.at(stage.value("class").origin(), stage.path() + ".class") : draft.location;
        final Constructor<? extends Stage> constructor = StageInstantiator.constructor(draft.stageClass, classAt);
        if (checkUnused && 0 == constructor.getParameterCount() && !parameters.keys().isEmpty())
        {
            throw Problems.at(parameters.origin(), parameters.path()).error(draft.stageClass.getName() +
                "() takes no parameters: expected no params block");
        }
        final ConfigLocation at = draft.location;
        final Stage instance = StageInstantiator.instantiate(constructor, parameters, at);
        final List<String> outputs = outputsOf(instance, draft);
        if (instance instanceof Transmit)
        {
            draft.transmitPort = ((Transmit)instance).port();
            draft.transmitLocation = Problems.at(parameters.value("port").origin(), parameters.path() + ".port");
        }
        draft.factory = () -> StageInstantiator.instantiate(constructor, parameters, at);
        draft.outputs = outputs;
    }

    private static List<String> outputsOf(final Stage instance, final StageDraft draft)
    {
        final String what = "outputs() of " + draft.stageClass.getName();
        final List<String> outputs;
        try
        {
            outputs = instance.outputs();
        }
        catch (final RuntimeException e)
        {
            throw draft.location.error(what + " threw " + e);
        }
        if (null == outputs)
        {
            throw draft.location.error(what + " returned null: expected a list of output names");
        }
        final Set<String> seen = new HashSet<>();
        for (final String output : outputs)
        {
            if (null == output || !Names.isValid(output))
            {
                throw draft.location.error(what + " returned '" + output + "': expected output names, each " +
                    Names.EXPECTED);
            }
            if (!seen.add(output))
            {
                throw draft.location.error(what + " returned '" + output + "' twice: expected distinct names");
            }
        }
        return List.copyOf(outputs);
    }

    private static void readWires(final StageParameters stage, final StageDraft draft, final Problems problems)
    {
        if (!stage.has("outputs"))
        {
            return;
        }
        final StageParameters outputs = stage.child("outputs");
        draft.outputsLocation = Problems.at(outputs.origin(), outputs.path());
        for (final String output : outputs.keys())
        {
            final ConfigValue value = outputs.config().root().get(output);
            final ConfigLocation at = Problems.at(value.origin(), outputs.path() + "." + output);
            if (!Names.isValid(output))
            {
                problems.error(at, "expected an output name: " + Names.EXPECTED);
            }
            else if (ConfigValueType.STRING != value.valueType())
            {
                problems.error(outputs.error(output, "expected the name of a stage, a port or drop"));
            }
            else
            {
                draft.wires.put(output, new StageDraft.Wire((String)value.unwrapped(), at));
            }
        }
    }
}
