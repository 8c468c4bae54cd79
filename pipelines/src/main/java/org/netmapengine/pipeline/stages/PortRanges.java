package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.StageParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Transport port numbers and ranges as written in a rule: {@code 53}, {@code "80,443,8000-8080"}, or a list of
 * either. Parsed into pairs {@code [low, high]}, both inclusive.
 */
final class PortRanges
{
    static final int MAX_PORT = 0xFFFF;
    static final String EXPECTED = "expected port numbers and ranges in [0, 65535], such as 53 or " +
        "\"80,443,8000-8080\" or [80, \"8000-8080\"]";

    private PortRanges()
    {
    }

    /**
     * @return {@code low0, high0, low1, high1, ...}.
     * @throws org.netmapengine.pipeline.PipelineConfigException when the value is not ports and ranges.
     */
    static int[] parse(final StageParameters rule, final String key)
    {
        if (!rule.has(key))
        {
            throw rule.error(key, EXPECTED);
        }
        final ConfigValue value = rule.value(key);
        final List<String> parts = new ArrayList<>();
        if (ConfigValueType.LIST == value.valueType())
        {
            for (final Object element : (List<?>)value.unwrapped())
            {
                parts.add(String.valueOf(element));
            }
        }
        else if (ConfigValueType.NUMBER == value.valueType() || ConfigValueType.STRING == value.valueType())
        {
            parts.add(String.valueOf(value.unwrapped()));
        }
        else
        {
            throw rule.error(key, EXPECTED);
        }

        final List<int[]> ranges = new ArrayList<>();
        for (final String part : parts)
        {
            for (final String range : part.split(",", -1))
            {
                final int[] lowHigh = parseRange(range.trim());
                if (null == lowHigh)
                {
                    throw rule.error(key, EXPECTED + " ('" + range.trim() + "' is not)");
                }
                ranges.add(lowHigh);
            }
        }

        final int[] flat = new int[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++)
        {
            flat[2 * i] = ranges.get(i)[0];
            flat[2 * i + 1] = ranges.get(i)[1];
        }
        return flat;
    }

    private static int[] parseRange(final String text)
    {
        final int dash = text.indexOf('-');
        final int low = parsePort(-1 == dash ? text : text.substring(0, dash));
        final int high = -1 == dash ? low : parsePort(text.substring(dash + 1));
        if (low < 0 || high < low)
        {
            return null;
        }
        return new int[]{ low, high };
    }

    private static int parsePort(final String text)
    {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit))
        {
            return -1;
        }
        final int port = Integer.parseInt(text);
        return port <= MAX_PORT ? port : -1;
    }
}
