package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.StageParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code outputs} parameter of a spreading stage ({@code hash-lb}, {@code round-robin}): a count {@code N},
 * giving outputs {@code out-0} to {@code out-(N-1)}, or a list of distinct output names.
 */
final class OutputList
{
    static final int MAX_OUTPUTS = 1024;
    static final String EXPECTED = "expected a number of outputs in [1, " + MAX_OUTPUTS + "] (named out-0, " +
        "out-1, ...) or a list of distinct output names";

    private OutputList()
    {
    }

    static List<String> of(final StageParameters parameters, final String key)
    {
        if (!parameters.has(key))
        {
            throw parameters.error(key, EXPECTED);
        }
        final List<String> names = new ArrayList<>();
        if (ConfigValueType.NUMBER == parameters.value(key).valueType())
        {
            final int count = parameters.getInt(key, 0, 1, MAX_OUTPUTS);
            for (int i = 0; i < count; i++)
            {
                names.add("out-" + i);
            }
            return List.copyOf(names);
        }
        if (ConfigValueType.LIST != parameters.value(key).valueType())
        {
            throw parameters.error(key, EXPECTED);
        }
        for (final String name : parameters.getStringList(key))
        {
            if (!Names.isValid(name) || names.contains(name))
            {
                throw parameters.error(key, EXPECTED + ", each " + Names.EXPECTED + " ('" + name + "' is not)");
            }
            names.add(name);
        }
        if (names.isEmpty() || names.size() > MAX_OUTPUTS)
        {
            throw parameters.error(key, EXPECTED);
        }
        return List.copyOf(names);
    }

    /** @return the ids of {@code names}, as the context numbers them. */
    static int[] ids(final org.netmapengine.pipeline.StageContext context, final List<String> names)
    {
        final int[] ids = new int[names.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = context.output(names.get(i));
        }
        return ids;
    }
}
