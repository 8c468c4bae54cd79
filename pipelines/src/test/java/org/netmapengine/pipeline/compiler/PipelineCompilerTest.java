package org.netmapengine.pipeline.compiler;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.graph.CompiledPipeline;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Loading files (includes, substitutions, HOCON errors), compiling from any config path, and how errors are
 * collected.
 */
class PipelineCompilerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldFollowIncludesRelativeToTheFileAndResolveSubstitutions() throws Exception
    {
        final CompiledPipeline pipeline = PipelineCompiler.compile(include("main.conf"));

        assertEquals("included", pipeline.name());
        assertEquals("netmap:eth0", pipeline.port("in").spec().name());
        assertEquals(128, pipeline.port("out").batch());
    }

    @Test
    void shouldSubstituteEnvironmentVariables() throws Exception
    {
        final CompiledPipeline pipeline = PipelineCompiler.compile(include("main.conf"));

        assertEquals(System.getenv("PATH"),
            ((com.acme.PassThrough)pipeline.stage("note").factory().create()).note());
    }

    @Test
    void shouldLocateErrorsInTheIncludedFile() throws Exception
    {
        final PipelineValidationException e = assertThrows(PipelineValidationException.class,
            () -> PipelineCompiler.compile(include("bad-main.conf")));

        assertEquals(List.of(include("bad-stages.conf") + ":4: pipeline.stages.note.outputs.out: 'nowhere' is not " +
            "a stage, a port or drop: expected one of drop, in, note"),
            e.errors().stream().map(PipelineConfigException::getMessage).toList());
    }

    @Test
    void shouldReportASyntaxErrorWithFileAndLine() throws Exception
    {
        final Path file = write("syntax.conf",
            "pipeline {\n  ports {\n    in { port = \"netmap:eth0\" \n  }\n  stages = [\n}\n");

        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> PipelineCompiler.load(file));

        assertEquals(file.toString(), e.file());
        assertEquals(6, e.line());
        assertEquals("(hocon)", e.path());
        assertEquals(file + ":6: (hocon): List should have ] or a first element after the open [, instead had " +
            "token: '}' (if you want '}' to be part of a string value, then double-quote it)", e.getMessage());
    }

    @Test
    void shouldReportAnUnresolvedSubstitutionWithFileAndLine() throws Exception
    {
        final Path file = write("subst.conf", "pipeline {\n  name = ${nowhere}\n}\n");

        final PipelineConfigException e =
            assertThrows(PipelineConfigException.class, () -> PipelineCompiler.load(file));

        assertEquals(file + ":2: (hocon): Could not resolve substitution to a value: ${nowhere}", e.getMessage());
    }

    @Test
    void shouldReportAMissingFile()
    {
        final Path file = dir.resolve("missing.conf");

        final PipelineValidationException e =
            assertThrows(PipelineValidationException.class, () -> PipelineCompiler.compile(file));

        assertEquals(file.toString(), e.errors().get(0).file());
        assertEquals(-1, e.errors().get(0).line());
    }

    @Test
    void shouldCompileAPipelineAtAnyPathAndNameItAfterTheLastElement()
    {
        final Config root = ConfigFactory.parseString(String.join("\n",
            "engine.pipelines.web {",
            "  ports { in { port = \"netmap:eth0\", to = count } }",
            "  stages { count { type = counter, outputs { out = drop } } }",
            "}"));

        final CompiledPipeline pipeline =
            PipelineCompiler.compile(root, "engine.pipelines.web", StageRegistry.standard());

        assertEquals("web", pipeline.name());
        assertEquals("count", pipeline.stages().get(0).name());
    }

    @Test
    void shouldSayHowManyErrorsAndListThemInTheMessage() throws Exception
    {
        final Path file = write("two.conf", String.join("\n",
            "pipeline {",
            "  ports { in { port = \"netmap:eth0\", to = count, batch = 0 } }",
            "  stages { count { type = counter } }",
            "}"));

        final PipelineValidationException e =
            assertThrows(PipelineValidationException.class, () -> PipelineCompiler.compile(file));

        assertEquals("2 errors in the pipeline definition:\n" +
            file + ":2: pipeline.ports.in.batch: expected an integer in [1, 4096], got number 0\n" +
            file + ":3: pipeline.stages.count.outputs.out: output 'out' is not wired: expected out = a stage, a port " +
            "or drop", e.getMessage());
    }

    @Test
    void shouldKeepEachErrorsParts() throws Exception
    {
        final Path file = write("one.conf", "pipeline {\n  ports { in { port = \"netmap:eth0\", to = c } }\n}\n");

        final PipelineConfigException error = assertThrows(PipelineValidationException.class,
            () -> PipelineCompiler.compile(file)).errors().get(0);

        assertEquals(List.of(file.toString(), "2", "pipeline.ports.in.to",
            "'c' is not a stage: expected a stage, and the pipeline has none"),
            List.of(error.file(), String.valueOf(error.line()), error.path(), error.problem()));
    }

    @Test
    void shouldRejectAPipelineThatIsNotABlock()
    {
        final Config root = ConfigFactory.parseString("pipeline = 3");

        final PipelineValidationException e = assertThrows(PipelineValidationException.class,
            () -> PipelineCompiler.compile(root, "pipeline", StageRegistry.standard()));

        assertEquals("(inline):1: pipeline: expected a pipeline: a block { ports { ... }, stages { ... } }, got " +
            "number", e.errors().get(0).getMessage());
    }

    private Path write(final String name, final String text) throws Exception
    {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path include(final String name) throws URISyntaxException
    {
        return Path.of(PipelineCompilerTest.class.getResource("/pipelines/good/include/" + name).toURI());
    }
}
