package org.netmapengine.engine.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for tests (RFC 8259): objects become {@code Map<String, Object>}, arrays {@code List<Object>},
 * numbers {@code Long} or {@code Double}, plus {@code String}, {@code Boolean} and null. Anything malformed throws.
 */
public final class MiniJson
{
    private final String text;
    private int i;

    private MiniJson(final String text)
    {
        this.text = text;
    }

    public static Object parse(final String text)
    {
        final MiniJson json = new MiniJson(text);
        json.space();
        final Object value = json.value();
        json.space();
        if (json.i != text.length())
        {
            throw json.error("trailing text");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final Object value)
    {
        return (Map<String, Object>)value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(final Object value)
    {
        return (List<Object>)value;
    }

    private Object value()
    {
        if (i >= text.length())
        {
            throw error("expected a value");
        }
        final char c = text.charAt(i);
        return switch (c)
        {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        i++;
        space();
        if (peek('}'))
        {
            i++;
            return map;
        }
        while (true)
        {
            space();
            final String key = string();
            space();
            expect(':');
            space();
            if (map.containsKey(key))
            {
                throw error("duplicate key " + key);
            }
            map.put(key, value());
            space();
            if (peek(','))
            {
                i++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array()
    {
        final List<Object> list = new ArrayList<>();
        i++;
        space();
        if (peek(']'))
        {
            i++;
            return list;
        }
        while (true)
        {
            space();
            list.add(value());
            space();
            if (peek(','))
            {
                i++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            if (i >= text.length())
            {
                throw error("unterminated string");
            }
            final char c = text.charAt(i++);
            if (c == '"')
            {
                return out.toString();
            }
            if (c < 0x20)
            {
                throw error("unescaped control character");
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            final char e = text.charAt(i++);
            switch (e)
            {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' ->
                {
                    out.append((char)Integer.parseInt(text.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Object number()
    {
        final int start = i;
        while (i < text.length() && "+-0123456789.eE".indexOf(text.charAt(i)) >= 0)
        {
            i++;
        }
        final String n = text.substring(start, i);
        if (!n.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?"))
        {
            throw error("bad number '" + n + "'");
        }
        return n.matches("-?\\d+") ? (Object)Long.parseLong(n) : (Object)Double.parseDouble(n);
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, i))
        {
            throw error("expected " + word);
        }
        i += word.length();
        return value;
    }

    private void space()
    {
        while (i < text.length() && " \t\n\r".indexOf(text.charAt(i)) >= 0)
        {
            i++;
        }
    }

    private boolean peek(final char c)
    {
        return i < text.length() && text.charAt(i) == c;
    }

    private void expect(final char c)
    {
        if (!peek(c))
        {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(final String message)
    {
        return new IllegalArgumentException("JSON at " + i + ": " + message);
    }
}
