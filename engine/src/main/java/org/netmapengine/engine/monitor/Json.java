package org.netmapengine.engine.monitor;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A small JSON writer: objects, arrays, strings (escaped as RFC 8259 asks), numbers, booleans. Enough for
 * {@code /status} and the control answers without a JSON library.
 */
final class Json
{
    private final StringBuilder out = new StringBuilder(4096);
    private boolean first = true;

    Json beginObject()
    {
        separate();
        out.append('{');
        first = true;
        return this;
    }

    Json endObject()
    {
        out.append('}');
        first = false;
        return this;
    }

    Json beginArray()
    {
        separate();
        out.append('[');
        first = true;
        return this;
    }

    Json endArray()
    {
        out.append(']');
        first = false;
        return this;
    }

    /** Starts a member of the current object; its value follows. */
    Json name(final String name)
    {
        separate();
        string(out, name);
        out.append(':');
        first = true;
        return this;
    }

    Json value(final String value)
    {
        separate();
        if (null == value)
        {
            out.append("null");
        }
        else
        {
            string(out, value);
        }
        return this;
    }

    Json value(final long value)
    {
        separate();
        out.append(value);
        return this;
    }

    Json value(final double value)
    {
        separate();
        out.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null");
        return this;
    }

    Json value(final boolean value)
    {
        separate();
        out.append(value);
        return this;
    }

    Json field(final String name, final String value)
    {
        return name(name).value(value);
    }

    Json field(final String name, final long value)
    {
        return name(name).value(value);
    }

    Json field(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    Json strings(final String name, final Collection<String> values)
    {
        name(name).beginArray();
        values.forEach(this::value);
        return endArray();
    }

    Json longs(final String name, final Map<String, Long> values)
    {
        name(name).beginObject();
        values.forEach(this::field);
        return endObject();
    }

    private void separate()
    {
        if (!first)
        {
            out.append(',');
        }
        first = false;
    }

    private static void string(final StringBuilder out, final String value)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString()
    {
        return out.toString();
    }
}
