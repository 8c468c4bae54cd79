package org.netmapengine.pipeline.compiler;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.pipeline.graph.CompiledPipeline;
import org.netmapengine.pipeline.graph.Segment;
import org.netmapengine.pipeline.graph.StageDef;
import org.netmapengine.pipeline.graph.Target;

import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/pipelines.md} honest: its complete pipelines compile into what the page says, and its stage
 * class compiles and runs under the compiler.
 */
class DocsExamplesTest
{
    private static final Path DOC = Path.of("..", "docs", "pipelines.md");
    private static final Pattern HOCON = Pattern.compile("```hocon\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void shouldCompileTheCompleteExampleIntoTheSegmentsDescribed() throws Exception
    {
        final CompiledPipeline pipeline = compile(pipelines().get(0));

        assertEquals("edge", pipeline.name());
        assertEquals(List.of(
            "[classify, by-port, mirror] x1 -> [port uplink, drop, stage inspect, stage count, port monitor]",
            "[inspect] x4 -> [stage count]",
            "[count] x1 -> [port uplink]"),
            pipeline.segments().stream().map(DocsExamplesTest::describe).toList());
    }

    @Test
    void shouldCompileEveryCompletePipelineOfThePage() throws Exception
    {
        final List<String> pipelines = pipelines();

        assertFalse(pipelines.isEmpty());
        for (final String text : pipelines)
        {
            compile(text);
        }
    }

    @Test
    void shouldCompileAndRunTheStageClassOfThePage() throws Exception
    {
        final Matcher java = JAVA.matcher(Files.readString(DOC));
        assertTrue(java.find());
        final Path source = dir.resolve("src/com/acme/Sample.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package com.acme;\nimport java.util.List;\nimport org.netmapengine.pipeline.*;\n" +
            java.group(1));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("out").toString(),
            "-cp", System.getProperty("java.class.path"), source.toString()));
        final ClassLoader loader = new URLClassLoader(new URL[]{ dir.resolve("out").toUri().toURL() },
            DocsExamplesTest.class.getClassLoader());

        final CompiledPipeline pipeline = PipelineCompiler.compile(ConfigFactory.parseString(String.join("\n",
            "pipeline {",
            "  ports { in { port = \"netmap:eth0\", to = sample } }",
            "  stages {",
            "    sample {",
            "      class = \"com.acme.Sample\", params { every = 1000 }, outputs { out = drop, sampled = drop }",
            "    }",
            "  }",
            "}")), "pipeline", StageRegistry.standard().withClassLoader(loader));

        assertEquals(List.of("out", "sampled"), pipeline.stage("sample").outputs());
    }

    private CompiledPipeline compile(final String text) throws Exception
    {
        final Path file = Files.writeString(dir.resolve("example.conf"), text);
        return PipelineCompiler.compile(file);
    }

    private static List<String> pipelines() throws Exception
    {
        final List<String> pipelines = new ArrayList<>();
        final Matcher matcher = HOCON.matcher(Files.readString(DOC));
        while (matcher.find())
        {
            if (matcher.group(1).startsWith("pipeline {"))
            {
                pipelines.add(matcher.group(1));
            }
        }
        return pipelines;
    }

    private static String describe(final Segment segment)
    {
        return segment.stages().stream().map(StageDef::name).toList() + " x" + segment.parallelism() + " -> " +
            segment.exits().stream().map(Target::describe).toList();
    }
}
