package org.netmapengine.io.name;

import java.util.function.IntPredicate;

/**
 * A cursor over a port name, bounded by a limit, that builds errors positioned in the whole name.
 * <p>
 * A {@link #slice(int, int)} shares the text, so errors found while parsing an option value (the port of
 * {@code @share=...}) still point into the name the user typed.
 */
final class PortNameScanner
{
    private final String text;
    private final int limit;
    private int position;

    PortNameScanner(final String text)
    {
        this(text, 0, text.length());
    }

    private PortNameScanner(final String text, final int start, final int limit)
    {
        this.text = text;
        this.position = start;
        this.limit = limit;
    }

    PortNameScanner slice(final int start, final int end)
    {
        return new PortNameScanner(text, start, end);
    }

    String text()
    {
        return text;
    }

    int position()
    {
        return position;
    }

    int limit()
    {
        return limit;
    }

    boolean atEnd()
    {
        return position >= limit;
    }

    boolean peekIs(final char c)
    {
        return position < limit && text.charAt(position) == c;
    }

    boolean peekIsAnyOf(final String chars)
    {
        return position < limit && chars.indexOf(text.charAt(position)) >= 0;
    }

    boolean peekIsDigit()
    {
        return position < limit && PortNameChars.isDigit(text.charAt(position));
    }

    boolean isDigitAt(final int index)
    {
        return index < limit && PortNameChars.isDigit(text.charAt(index));
    }

    char peek()
    {
        return text.charAt(position);
    }

    void advance()
    {
        position++;
    }

    boolean startsWith(final String prefix)
    {
        return position + prefix.length() <= limit && text.startsWith(prefix, position);
    }

    void skip(final int count)
    {
        position += count;
    }

    /**
     * Advance over characters that match, up to the limit.
     *
     * @return where the run started.
     */
    int skipWhile(final IntPredicate matches)
    {
        final int start = position;
        while (position < limit && matches.test(text.charAt(position)))
        {
            position++;
        }

        return start;
    }

    /**
     * Index of the first {@code c} at or after the position, or the limit when there is none.
     */
    int indexOfOrLimit(final char c)
    {
        final int index = text.indexOf(c, position);

        return index < 0 || index > limit ? limit : index;
    }

    String textFrom(final int start)
    {
        return text.substring(start, position);
    }

    /**
     * Read a decimal number that must start here.
     *
     * @param min      smallest accepted value.
     * @param max      largest accepted value.
     * @param notDigit what was expected when no digit is here.
     * @param range    what was expected when the number is outside [min, max].
     * @return the value.
     */
    long number(final long min, final long max, final String notDigit, final String range)
    {
        if (!peekIsDigit())
        {
            throw error(notDigit);
        }

        final int start = position;
        long value = 0;
        while (peekIsDigit())
        {
            // Saturate instead of overflowing: anything this large is out of range anyway.
            value = value > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : value * 10 + (peek() - '0');
            position++;
        }

        if (value < min || value > max)
        {
            throw errorAt(start, range);
        }

        return value;
    }

    PortNameException error(final String expected)
    {
        return errorAt(position, expected);
    }

    PortNameException errorAt(final int index, final String expected)
    {
        return new PortNameException(text, index, expected);
    }
}
