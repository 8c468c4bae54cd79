package org.netmapengine.engine.cli;

import org.netmapengine.engine.NodeConfig;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.compiler.PipelineCompiler;
import org.netmapengine.pipeline.compiler.PipelineValidationException;
import org.netmapengine.pipeline.compiler.StageRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code netmap-engine validate FILE}: compiles every pipeline of a file (a node configuration, or a file with
 * a top-level {@code pipeline { }}) and prints every error, with file, line and path, or OK. Opens nothing.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a pipeline file: print every error with its file, line and configuration path, or OK. " +
        "Nothing is opened or run.")
final class ValidateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A node configuration (netmap-engine.pipelines) or a pipeline " +
        "file (pipeline { ... }).")
    Path file;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final List<String> errors = new ArrayList<>();
        int pipelines = 0;
        try
        {
            final NodeConfig node = NodeConfig.load(file);
            for (final String path : node.pipelinePaths())
            {
                pipelines++;
                try
                {
                    PipelineCompiler.compile(node.config(), path, StageRegistry.standard());
                }
                catch (final PipelineValidationException e)
                {
                    e.errors().forEach(error -> errors.add(error.getMessage()));
                }
            }
        }
        catch (final PipelineConfigException e)
        {
            errors.add(e.getMessage());
        }
        if (errors.isEmpty() && 0 == pipelines)
        {
            errors.add(file + ": no pipeline: expected pipeline { ... } or netmap-engine.pipelines { NAME { ... } }");
        }
        if (errors.isEmpty())
        {
            out.println("OK: " + pipelines + " pipeline" + (pipelines == 1 ? "" : "s") + " in " + file);
            return ExitCodes.OK;
        }
        errors.forEach(out::println);
        return ExitCodes.CONFIG;
    }
}
