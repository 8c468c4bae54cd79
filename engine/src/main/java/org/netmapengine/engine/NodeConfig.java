package org.netmapengine.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import org.netmapengine.pipeline.PipelineConfigException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration a node runs with: a user's file layered over the embedded default (the repository's
 * top-level {@code application.conf}, in the jar as {@code netmap-engine/application.conf}), over the
 * libraries' {@code reference.conf}s.
 * <p>
 * {@code -Dpath=value} system properties override both files.
 * <p>
 * A user file that defines {@code netmap-engine.pipelines} or {@code netmap-engine.traffic} replaces the
 * default ones instead of merging with them, and a file with a top-level {@code pipeline { }} block (a
 * standalone pipeline definition) runs that pipeline alone.
 */
public record NodeConfig(Config config, java.util.List<String> pipelinePaths)
{
    /** Where the embedded default is in the jar. */
    public static final String DEFAULT_RESOURCE = "netmap-engine/application.conf";
    /** Where a standalone pipeline file puts its pipeline. */
    public static final String STANDALONE_PATH = "pipeline";

    /**
     * @param file a user's configuration, or null for the embedded default alone.
     * @return the layered configuration and where its pipelines are in it.
     * @throws PipelineConfigException for a missing file or a HOCON syntax error, with file and line.
     */
    public static NodeConfig load(final Path file)
    {
        return load(file, ConfigFactory.empty());
    }

    /**
     * @param overrides settings above everything else (command-line options).
     */
    public static NodeConfig load(final Path file, final Config overrides)
    {
        boolean standalone = false;
        Config defaults = ConfigFactory.parseResources(NodeConfig.class.getClassLoader(), DEFAULT_RESOURCE);
        Config user = ConfigFactory.empty();
        if (null != file)
        {
            if (!Files.isRegularFile(file))
            {
                throw new PipelineConfigException(file.toString(), -1, "(file)", "no such file");
            }
            try
            {
                user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            }
            catch (final ConfigException e)
            {
                throw new PipelineConfigException(file.toString(), null == e.origin() ? -1 : e.origin().lineNumber(),
                    "(hocon)", e.getMessage());
            }
            standalone = user.hasPath(STANDALONE_PATH) && !user.hasPath(NetmapEngine.PIPELINES_PATH);
            if (standalone)
            {
                // A pipeline file runs alone: no default pipelines, and no default traffic unless it brings some.
                defaults = defaults.withoutPath(NetmapEngine.PIPELINES_PATH).withoutPath("netmap-engine.traffic");
            }
            for (final String replaced : new String[]{NetmapEngine.PIPELINES_PATH, "netmap-engine.traffic"})
            {
                if (user.hasPath(replaced))
                {
                    defaults = defaults.withoutPath(replaced);
                }
            }
        }
        final Config config;
        try
        {
            // Command-line options, then -D system properties, then the user's file, the default, the references.
            config = overrides.withFallback(ConfigFactory.systemProperties()).withFallback(user).withFallback(defaults)
                .withFallback(ConfigFactory.load()).resolve();
        }
        catch (final ConfigException e)
        {
            throw new PipelineConfigException(null == e.origin() ? "(config)" : e.origin().description(),
                null == e.origin() ? -1 : e.origin().lineNumber(), "(resolve)", e.getMessage());
        }
        final java.util.List<String> paths = new java.util.ArrayList<>();
        if (standalone)
        {
            paths.add(STANDALONE_PATH);
        }
        else if (config.hasPath(NetmapEngine.PIPELINES_PATH))
        {
            for (final String name : config.getObject(NetmapEngine.PIPELINES_PATH).keySet())
            {
                paths.add(com.typesafe.config.ConfigUtil.joinPath("netmap-engine", "pipelines", name));
            }
        }
        return new NodeConfig(config, java.util.List.copyOf(paths));
    }
}
