package org.netmapengine.pipeline.compiler;

import com.acme.PassThrough;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.graph.CompiledPipeline;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Built-in and registered types, and user classes found through the class loader the registry is given (or the
 * thread's context class loader), as an application embedding the engine has them.
 */
class StageRegistryTest
{
    private static final String GENERATED = "com.acme.generated.Echo";
    private static final String SOURCE = String.join("\n",
        "package com.acme.generated;",
        "public final class Echo implements org.netmapengine.pipeline.Stage",
        "{",
        "    public void process(final org.netmapengine.pipeline.PacketBatch batch,",
        "        final org.netmapengine.pipeline.Outputs outputs)",
        "    {",
        "    }",
        "}");

    @TempDir
    static Path classes;

    private static ClassLoader loader;

    @BeforeAll
    static void compileAClassOutsideTheClassPath() throws Exception
    {
        final Path source = classes.resolve("src/com/acme/generated/Echo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final int status = javac.run(null, null, null, "-d", classes.resolve("out").toString(),
            "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status);
        loader = new URLClassLoader(new URL[]{ classes.resolve("out").toUri().toURL() },
            StageRegistryTest.class.getClassLoader());
    }

    @Test
    void shouldListTheBuiltInTypes()
    {
        assertEquals(Set.of("arp-responder", "classify", "classify-ethertype", "classify-port", "counter", "dedup",
            "drop", "filter", "hash-lb", "icmp-echo", "learning-bridge", "pcap-writer", "print", "rate-limit",
            "round-robin", "sample", "static-nat", "tee", "transmit", "ttl-dec", "vlan-pop", "vlan-push"),
            StageRegistry.standard().typeNames());
    }

    @Test
    void shouldLoadUserStagesFromTheClassLoaderGiven()
    {
        final CompiledPipeline pipeline =
            PipelineCompiler.compile(pipelineWith("class = \"" + GENERATED + "\""), "pipeline",
                StageRegistry.standard().withClassLoader(loader));

        assertSame(loader, pipeline.stage("s").stageClass().getClassLoader());
        assertEquals(GENERATED, pipeline.stage("s").typeName());
    }

    @Test
    void shouldNotFindAUserStageTheClassLoaderCannotSee()
    {
        final PipelineValidationException e = assertThrows(PipelineValidationException.class,
            () -> PipelineCompiler.compile(pipelineWith("class = \"" + GENERATED + "\""), "pipeline",
                StageRegistry.standard()));

        assertEquals("class com.acme.generated.Echo not found: expected a class on the class path that implements " +
            "org.netmapengine.pipeline.Stage", e.errors().get(0).problem());
    }

    @Test
    void shouldUseTheThreadContextClassLoaderByDefault()
    {
        final Thread thread = Thread.currentThread();
        final ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try
        {
            final CompiledPipeline pipeline = PipelineCompiler.compile(pipelineWith("class = \"" + GENERATED + "\""),
                "pipeline", StageRegistry.standard());

            assertSame(loader, pipeline.stage("s").stageClass().getClassLoader());
        }
        finally
        {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void shouldCompileARegisteredType()
    {
        final StageRegistry registry = StageRegistry.standard().withType("pass", PassThrough.class);

        final CompiledPipeline pipeline = PipelineCompiler.compile(
            pipelineWith("type = pass, params { anything = 1 }"), "pipeline", registry);

        assertEquals("pass", pipeline.stage("s").typeName());
    }

    @Test
    void shouldCheckTheParameterKeysARegisteredTypeDeclares()
    {
        final StageRegistry registry =
            StageRegistry.standard().withType(StageType.of("pass", PassThrough.class, List.of("note")));

        final PipelineValidationException e = assertThrows(PipelineValidationException.class,
            () -> PipelineCompiler.compile(pipelineWith("type = pass, params { note = a, noet = b }"), "pipeline",
                registry));

        assertEquals(List.of("unknown key 'noet': expected note (did you mean 'note'?)"),
            e.errors().stream().map(PipelineConfigException::problem).toList());
    }

    @Test
    void shouldRefuseATypeNameTakenOrInvalid()
    {
        assertThrows(IllegalArgumentException.class,
            () -> StageRegistry.standard().withType("counter", PassThrough.class));
        assertThrows(IllegalArgumentException.class,
            () -> StageRegistry.standard().withType("my stage", PassThrough.class));
    }

    private static Config pipelineWith(final String stage)
    {
        return ConfigFactory.parseString(String.join("\n",
            "pipeline {",
            "  ports { in { port = \"netmap:eth0\", to = s } }",
            "  stages { s { " + stage + ", outputs { out = drop } } }",
            "}"));
    }
}
