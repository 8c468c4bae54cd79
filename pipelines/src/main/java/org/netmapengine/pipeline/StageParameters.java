package org.netmapengine.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;

import java.time.Duration;
import java.util.List;

/**
 * The parameters of one stage, from its block in the pipeline definition, with typed getters whose errors
 * name the file, line and full path of the offending value ({@link PipelineConfigException}).
 */
public final class StageParameters
{
    private final Config config;
    private final String path;
    private final ConfigOrigin origin;

    /**
     * @param config the stage's parameters (its {@code params} block, or the stage block without the engine's keys).
     * @param path   the block's full path, for messages.
     * @param origin where the block is, for messages about missing values.
     */
    public StageParameters(final Config config, final String path, final ConfigOrigin origin)
    {
        this.config = config;
        this.path = path;
        this.origin = origin;
    }

    /** @return no parameters at all. */
    public static StageParameters empty(final String path)
    {
        return new StageParameters(com.typesafe.config.ConfigFactory.empty(), path,
            com.typesafe.config.ConfigFactory.empty().origin());
    }

    public Config config()
    {
        return config;
    }

    public String path()
    {
        return path;
    }

    public boolean has(final String key)
    {
        return config.hasPath(key);
    }

    public int getInt(final String key)
    {
        try
        {
            return config.getInt(key);
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected an integer", e);
        }
    }

    public int getInt(final String key, final int defaultValue)
    {
        return has(key) ? getInt(key) : defaultValue;
    }

    public long getLong(final String key, final long defaultValue)
    {
        try
        {
            return has(key) ? config.getLong(key) : defaultValue;
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected an integer", e);
        }
    }

    public double getDouble(final String key, final double defaultValue)
    {
        try
        {
            return has(key) ? config.getDouble(key) : defaultValue;
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected a number", e);
        }
    }

    public boolean getBoolean(final String key, final boolean defaultValue)
    {
        try
        {
            return has(key) ? config.getBoolean(key) : defaultValue;
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected true or false", e);
        }
    }

    public String getString(final String key)
    {
        try
        {
            return config.getString(key);
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected a string", e);
        }
    }

    public String getString(final String key, final String defaultValue)
    {
        return has(key) ? getString(key) : defaultValue;
    }

    public List<String> getStringList(final String key)
    {
        try
        {
            return config.getStringList(key);
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected a list of strings", e);
        }
    }

    public Duration getDuration(final String key, final Duration defaultValue)
    {
        try
        {
            return has(key) ? config.getDuration(key) : defaultValue;
        }
        catch (final ConfigException e)
        {
            throw error(key, "expected a duration such as 100ms or 2s", e);
        }
    }

    /**
     * @return an error about {@code key}, located at the value if present, at the block otherwise.
     */
    public PipelineConfigException error(final String key, final String problem)
    {
        return error(key, problem, null);
    }

    private PipelineConfigException error(final String key, final String problem, final ConfigException cause)
    {
        final ConfigOrigin where = config.hasPathOrNull(key) ? valueOrigin(key) : origin;
        final String got = config.hasPath(key) ? ", got " + render(config.getValue(key)) : "";
        final String missing = config.hasPathOrNull(key) ? "" : " (missing)";
        final PipelineConfigException e = new PipelineConfigException(fileOf(where), lineOf(where),
            path + "." + key, problem + got + missing);
        if (null != cause)
        {
            e.initCause(cause);
        }
        return e;
    }

    private ConfigOrigin valueOrigin(final String key)
    {
        return config.hasPath(key) ? config.getValue(key).origin() : origin;
    }

    private static String render(final ConfigValue value)
    {
        final String text = value.render(com.typesafe.config.ConfigRenderOptions.concise());
        return value.valueType().name().toLowerCase(java.util.Locale.ROOT) + " " + text;
    }

    /** @return the file (or resource, or description) a value comes from. */
    public static String fileOf(final ConfigOrigin origin)
    {
        if (null != origin.filename())
        {
            return origin.filename();
        }
        if (null != origin.resource())
        {
            return origin.resource();
        }
        return origin.description();
    }

    /** @return the line a value is on, or -1. */
    public static int lineOf(final ConfigOrigin origin)
    {
        return origin.lineNumber();
    }
}
