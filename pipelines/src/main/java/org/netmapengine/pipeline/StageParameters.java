package org.netmapengine.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

    /** @return where the block is, for messages about it as a whole. */
    public ConfigOrigin origin()
    {
        return origin;
    }

    public boolean has(final String key)
    {
        return config.hasPath(key);
    }

    /**
     * @return the block's own keys in the order they are written: by line, then by name.
     */
    public List<String> keys()
    {
        final List<String> keys = new ArrayList<>(config.root().keySet());
        keys.sort(Comparator.comparingInt((String k) -> config.root().get(k).origin().lineNumber())
            .thenComparing(Comparator.naturalOrder()));
        return keys;
    }

    /**
     * @return the value at {@code key}, whatever its type.
     * @throws PipelineConfigException when it is missing.
     */
    public ConfigValue value(final String key)
    {
        if (!has(key))
        {
            throw error(key, "expected a value");
        }
        return config.getValue(key);
    }

    /**
     * @return the object at {@code key} as parameters of their own, with paths and origins for messages.
     * @throws PipelineConfigException when it is missing or not an object.
     */
    public StageParameters child(final String key)
    {
        if (!has(key) || ConfigValueType.OBJECT != config.getValue(key).valueType())
        {
            throw error(key, "expected an object { ... }");
        }
        return new StageParameters(config.getConfig(key), path + "." + key, config.getValue(key).origin());
    }

    /**
     * @return the integer at {@code key}, or {@code defaultValue} (unchecked) when absent.
     * @throws PipelineConfigException when it is not an integer in {@code [min, max]}.
     */
    public int getInt(final String key, final int defaultValue, final int min, final int max)
    {
        if (!has(key))
        {
            return defaultValue;
        }
        final String expected = "expected an integer in [" + min + ", " + max + "]";
        try
        {
            final int value = config.getInt(key);
            if (value < min || value > max)
            {
                throw error(key, expected);
            }
            return value;
        }
        catch (final ConfigException e)
        {
            throw error(key, expected, e);
        }
    }

    /**
     * @param known the keys this block may have.
     * @return one error per key of the block not in {@code known}, located at its value, in written order.
     */
    public List<PipelineConfigException> unknownKeys(final Collection<String> known)
    {
        final List<PipelineConfigException> errors = new ArrayList<>();
        for (final String key : keys())
        {
            if (!known.contains(key))
            {
                final ConfigOrigin where = config.root().get(key).origin();
                errors.add(new PipelineConfigException(fileOf(where), lineOf(where), path + "." + key,
                    "unknown key '" + key + "': expected " + Spelling.oneOf(known) +
                    Spelling.didYouMean(key, known)));
            }
        }
        return errors;
    }

    /**
     * @param known the keys this block may have.
     * @throws PipelineConfigException for the first key not in {@code known}.
     */
    public void requireKnownKeys(final Collection<String> known)
    {
        final List<PipelineConfigException> errors = unknownKeys(known);
        if (!errors.isEmpty())
        {
            throw errors.get(0);
        }
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
     * @return an error about {@code key}, located at the value if present, at the block otherwise; the message
     * ends with the value found (unless it is a block) or {@code (missing)}.
     */
    public PipelineConfigException error(final String key, final String problem)
    {
        return error(key, problem, null);
    }

    private PipelineConfigException error(final String key, final String problem, final ConfigException cause)
    {
        final ConfigOrigin where = config.hasPathOrNull(key) ? valueOrigin(key) : origin;
        final String got;
        if (config.hasPath(key))
        {
            final ConfigValue value = config.getValue(key);
            got = ConfigValueType.OBJECT != value.valueType() ? ", got " + render(value) : "";
        }
        else
        {
            got = config.hasPathOrNull(key) ? ", got null" : "";
        }
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
        if (config.hasPath(key))
        {
            return config.getValue(key).origin();
        }
        ConfigValue value = config.root();
        for (final String element : ConfigUtil.splitPath(key))
        {
            if (!(value instanceof ConfigObject) || null == ((ConfigObject)value).get(element))
            {
                return origin;
            }
            value = ((ConfigObject)value).get(element);
        }
        return value.origin();
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
        // Typesafe describes text parsed from a string as "String: LINE"; the line is reported on its own.
        return origin.description().startsWith("String") ? "(inline)" : origin.description();
    }

    /** @return the line a value is on, or -1. */
    public static int lineOf(final ConfigOrigin origin)
    {
        return origin.lineNumber();
    }
}
