package org.netmapengine.io.name;

import java.util.HashMap;
import java.util.Map;

/**
 * The raw values assigned to the keys of one option, each with where it starts, turned into typed values with
 * errors that point at the offending character.
 */
final class OptionValues
{
    private final PortNameScanner scanner;
    private final OptionSyntax syntax;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();

    OptionValues(final PortNameScanner scanner, final OptionSyntax syntax)
    {
        this.scanner = scanner;
        this.syntax = syntax;
    }

    OptionSyntax syntax()
    {
        return syntax;
    }

    boolean has(final String key)
    {
        return values.containsKey(key);
    }

    void put(final String key, final String value, final int position)
    {
        values.put(key, value);
        positions.put(key, position);
    }

    String text(final String key)
    {
        return values.get(key);
    }

    int position(final String key)
    {
        return positions.get(key);
    }

    /** @return an error pointing at the value of {@code key}. */
    PortNameException error(final String key, final String expected)
    {
        return scanner.errorAt(positions.get(key), expected);
    }

    /**
     * The key's value as a decimal number in [0, max], or {@code absent} when the key was not set.
     */
    long number(final String key, final long max, final long absent)
    {
        final String value = values.get(key);
        if (null == value)
        {
            return absent;
        }

        final int start = positions.get(key);
        final PortNameScanner digits = scanner.slice(start, start + value.length());
        final long number = digits.number(0, max,
            "a decimal number for key '" + key + "'",
            "a number in [0, " + max + "] for key '" + key + "'");
        if (!digits.atEnd())
        {
            throw digits.error("a decimal number for key '" + key + "'");
        }

        return number;
    }
}
