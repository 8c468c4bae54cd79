package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.StageParameters;

import java.util.List;

/**
 * A parameter that is a list of objects ({@code rules = [ { ... }, { ... } ]}): HOCON keeps the order of a list,
 * which it does not keep for the keys of one line. Each object comes back as parameters of its own, with the path
 * {@code key[i]} for messages.
 */
final class ObjectList
{
    private ObjectList()
    {
    }

    /** @return the objects of the list at {@code key}, each with its path for messages. */
    static List<StageParameters> of(final StageParameters parameters, final String key, final String expected)
    {
        if (!parameters.has(key) || ConfigValueType.LIST != parameters.value(key).valueType() ||
            parameters.config().getList(key).isEmpty())
        {
            throw parameters.error(key, expected);
        }
        final List<? extends ConfigValue> list = parameters.config().getList(key);
        final java.util.ArrayList<StageParameters> entries = new java.util.ArrayList<>();
        for (int e = 0; e < list.size(); e++)
        {
            final ConfigValue value = list.get(e);
            final String path = parameters.path() + "." + key + "[" + e + "]";
            if (ConfigValueType.OBJECT != value.valueType())
            {
                throw new PipelineConfigException(StageParameters.fileOf(value.origin()),
                    StageParameters.lineOf(value.origin()), path, expected);
            }
            entries.add(new StageParameters(((ConfigObject)value).toConfig(), path, value.origin()));
        }
        return entries;
    }
}
