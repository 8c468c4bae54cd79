package org.netmapengine.pipeline.compiler;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.CompiledPipeline;
import org.netmapengine.pipeline.graph.PortDef;
import org.netmapengine.pipeline.graph.Segment;
import org.netmapengine.pipeline.graph.StageDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a pipeline definition (HOCON) into a {@link CompiledPipeline}, checking the whole graph before anything
 * opens a port. Every error found is reported, each with file, line and path; see {@code docs/pipelines.md} for the
 * schema and the messages.
 * <pre>
 *   load(file) --&gt; Config --compile(root, path, registry)--&gt; CompiledPipeline
 *                               |  ports    read, names parsed (PortSpec)
 *                               |  stages   type or class resolved, one instance built to validate params
 *                               |  wiring   outputs and to resolved, transmit stages become port targets
 *                               |  graph    cycles, unreached stages, topological order, ring conflicts
 *                               |  segments stages fused into actors
 *                               +--&gt; PipelineValidationException(all errors)
 * </pre>
 * Stateless and thread-safe.
 */
public final class PipelineCompiler
{
    /** Where {@link #compile(Path)} looks for the pipeline in its file. */
    public static final String DEFAULT_PATH = "pipeline";
    /** The target name that drops packets; no port or stage may take it. */
    public static final String DROP = "drop";

    private static final List<String> KEYS = List.of("name", "ports", "stages");

    private PipelineCompiler()
    {
    }

    /**
     * Parses a HOCON file with its includes (relative to the file) and resolves substitutions, including
     * {@code ${?ENV}} from the environment.
     *
     * @param file the pipeline file.
     * @return the resolved configuration.
     * @throws PipelineConfigException for a missing file, a syntax error or an unresolvable substitution, with the
     * file and line HOCON reports.
     */
    public static Config load(final Path file)
    {
        try
        {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                .resolve();
        }
        catch (final ConfigException e)
        {
            throw fromHocon(e, file);
        }
    }

    /**
     * {@link #load} then {@link #compile(Config, String, StageRegistry)} at {@link #DEFAULT_PATH} with the standard
     * registry.
     *
     * @throws PipelineValidationException with every error, a HOCON error included.
     */
    public static CompiledPipeline compile(final Path file)
    {
        return compile(file, DEFAULT_PATH, StageRegistry.standard());
    }

    /**
     * {@link #load} then {@link #compile(Config, String, StageRegistry)}.
     *
     * @throws PipelineValidationException with every error, a HOCON error included.
     */
    public static CompiledPipeline compile(final Path file, final String path, final StageRegistry registry)
    {
        final Config root;
        try
        {
            root = load(file);
        }
        catch (final PipelineConfigException e)
        {
            throw new PipelineValidationException(List.of(e));
        }
        return compile(root, path, registry);
    }

    /**
     * Compiles the pipeline at {@code path} of {@code root}.
     *
     * @param root     a resolved configuration.
     * @param path     where the pipeline block is, such as {@code pipeline}.
     * @param registry the stage types and the class loader for user stages.
     * @return the checked pipeline; nothing has been opened or started.
     * @throws PipelineValidationException with every error found.
     */
    public static CompiledPipeline compile(final Config root, final String path, final StageRegistry registry)
    {
        final Problems problems = new Problems();
        final StageParameters pipeline = pipelineBlock(root, path, problems);
        problems.errors(pipeline.unknownKeys(KEYS));
        final String name = pipelineName(pipeline, path, problems);

        final List<PortDraft> ports = PortReader.read(pipeline, problems);
        final List<StageDraft> stages = StageReader.read(pipeline, registry, problems);
        Wiring.resolve(ports, stages, problems);
        checkSomePortReceives(pipeline, ports, problems);
        for (final PortDraft port : ports)
        {
            PortReader.finish(port, problems);
        }
        PortConflicts.check(ports, problems);
        final List<StageDraft> order = StageGraph.check(ports, stages, problems);
        warnUnusedPorts(ports, problems);
        problems.throwIfErrors();

        final List<PortDef> portDefs = new ArrayList<>();
        for (final PortDraft port : ports)
        {
            portDefs.add(port.toDef());
        }
        final List<StageDef> stageDefs = new ArrayList<>();
        for (final StageDraft stage : order)
        {
            stageDefs.add(stage.toDef());
        }
        final List<Segment> segments = SegmentPlanner.plan(stageDefs, portDefs);

        return new CompiledPipeline(name, portDefs, stageDefs, segments, problems.warnings());
    }

    private static StageParameters pipelineBlock(final Config root, final String path, final Problems problems)
    {
        final String expected = "expected a pipeline: a block { ports { ... }, stages { ... } }";
        if (!root.hasPath(path))
        {
            problems.error(root.origin(), path, expected);
            problems.throwIfErrors();
        }
        final ConfigValue value = root.getValue(path);
        if (ConfigValueType.OBJECT != value.valueType())
        {
            problems.error(value.origin(), path,
                expected + ", got " + value.valueType().name().toLowerCase(Locale.ROOT));
            problems.throwIfErrors();
        }
        return new StageParameters(root.getConfig(path), path, value.origin());
    }

    private static String pipelineName(final StageParameters pipeline, final String path, final Problems problems)
    {
        final List<String> elements = ConfigUtil.splitPath(path);
        final String[] name = { elements.get(elements.size() - 1) };
        problems.capture(() -> name[0] = pipeline.getString("name", name[0]));
        return name[0];
    }

    private static void checkSomePortReceives(
        final StageParameters pipeline, final List<PortDraft> ports, final Problems problems)
    {
        if (ports.isEmpty())
        {
            return;
        }
        for (final PortDraft port : ports)
        {
            if (port.receives())
            {
                return;
            }
        }
        final StageParameters block = pipeline.child(PortReader.KEY);
        problems.error(block.origin(), block.path(), "no port receives: expected at least one port with " +
            "to = a stage");
    }

    private static void warnUnusedPorts(final List<PortDraft> ports, final Problems problems)
    {
        for (final PortDraft port : ports)
        {
            if (!port.receives() && !port.transmits)
            {
                problems.warning(port.location, "port '" + port.name + "' is neither received from nor " +
                    "transmitted to: expected a to, or an output or transmit stage that leads to it");
            }
        }
    }

    private static PipelineConfigException fromHocon(final ConfigException e, final Path file)
    {
        final ConfigOrigin origin = e.origin();
        final String fileName = null != origin && null != origin.filename() ? origin.filename() : file.toString();
        final int line = null != origin ? origin.lineNumber() : -1;
        String problem = e.getMessage();
        if (null != origin && problem.startsWith(origin.description() + ": "))
        {
            problem = problem.substring(origin.description().length() + 2);
        }
        final PipelineConfigException error = new PipelineConfigException(fileName, line, "(hocon)", problem);
        error.initCause(e);
        return error;
    }
}
