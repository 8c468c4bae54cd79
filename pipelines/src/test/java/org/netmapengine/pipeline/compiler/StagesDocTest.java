package org.netmapengine.pipeline.compiler;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.CompiledPipeline;

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
 * Keeps {@code docs/stages.md} honest: every built-in type has a section and an example, and every example compiles
 * (a stage example inside a pipeline with ports {@code in}, {@code out}, {@code uplink} and {@code monitor}).
 */
class StagesDocTest
{
    private static final Path DOC = Path.of("..", "docs", "stages.md");
    private static final Pattern HOCON = Pattern.compile("```hocon\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void shouldDocumentEveryBuiltInTypeWithASectionAndAnExample() throws Exception
    {
        final String doc = Files.readString(DOC);
        for (final String type : StageRegistry.standard().typeNames())
        {
            assertTrue(doc.contains("### `" + type + "`"), "no section for " + type);
            assertTrue(examples().stream().anyMatch(e -> e.contains("type = " + type + ",") ||
                e.contains("type = " + type + "\n") || e.contains("type = " + type + " ")), "no example of " + type);
        }
    }

    @Test
    void shouldCompileEveryExample() throws Exception
    {
        final List<String> examples = examples();

        assertFalse(examples.isEmpty());
        for (final String example : examples)
        {
            final String pipeline = example.startsWith("pipeline {") ? example : wrap(example);
            final Path file = Files.writeString(dir.resolve("example.conf"), pipeline);
            try
            {
                final CompiledPipeline compiled = PipelineCompiler.compile(file);
                assertFalse(compiled.ports().isEmpty());
            }
            catch (final PipelineValidationException e)
            {
                throw new AssertionError(example + "\n" + e.getMessage(), e);
            }
        }
    }

    @Test
    void shouldListEveryTypeInTheTableOfStages() throws Exception
    {
        final String doc = Files.readString(DOC);
        final List<String> listed = new ArrayList<>();
        final Matcher row = Pattern.compile("^\\| `([a-z-]+)` \\|", Pattern.MULTILINE).matcher(doc);
        while (row.find())
        {
            if (StageRegistry.standard().typeNames().contains(row.group(1)) && !listed.contains(row.group(1)))
            {
                listed.add(row.group(1));
            }
        }

        assertEquals(List.copyOf(StageRegistry.standard().typeNames()), listed);
    }

    private static String wrap(final String stage)
    {
        final StageParameters parsed = new StageParameters(ConfigFactory.parseString(stage), "stages",
            ConfigFactory.empty().origin());
        final String first = parsed.keys().get(0);
        return String.join("\n",
            "pipeline {",
            "  ports {",
            "    in { port = \"netmap:doc}0\", to = " + first + " }",
            "    out = \"netmap:doc{1\"",
            "    uplink = \"netmap:doc{2\"",
            "    monitor = \"netmap:doc{3\"",
            "  }",
            "  stages {",
            stage,
            "  }",
            "}");
    }

    private static List<String> examples() throws Exception
    {
        final List<String> examples = new ArrayList<>();
        final Matcher matcher = HOCON.matcher(Files.readString(DOC));
        while (matcher.find())
        {
            examples.add(matcher.group(1));
        }
        return examples;
    }
}
