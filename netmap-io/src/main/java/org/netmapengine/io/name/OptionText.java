package org.netmapengine.io.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an option back as port-name text ({@code @conf:rings=4,slots=1024}) or as a human list
 * ({@code rings=4, slots=1024}), skipping keys that were not set.
 */
final class OptionText
{
    private final String optionName;
    private final String defaultKey;
    private final List<String> keys = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    OptionText(final OptionSyntax syntax)
    {
        this.optionName = syntax.optionName();
        this.defaultKey = syntax.defaultKey();
    }

    OptionText number(final String key, final long value)
    {
        return value < 0 ? this : text(key, Long.toString(value));
    }

    OptionText text(final String key, final String value)
    {
        keys.add(key);
        values.add(value);

        return this;
    }

    /**
     * The option as it would appear in a port name. A lone default key uses {@code @name=value}, the only form that
     * can carry a value with a ','.
     */
    String render()
    {
        if (1 == keys.size() && keys.get(0).equals(defaultKey))
        {
            return "@" + optionName + "=" + values.get(0);
        }

        return "@" + optionName + ":" + pairs(",");
    }

    String describe()
    {
        return pairs(", ");
    }

    private String pairs(final String separator)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++)
        {
            if (i > 0)
            {
                sb.append(separator);
            }
            sb.append(keys.get(i)).append('=').append(values.get(i));
        }

        return sb.toString();
    }
}
