package org.netmapengine.io.name;

/**
 * A port name that does not follow netmap's syntax, with where it goes wrong and what would have been accepted there.
 * <p>
 * The message quotes the name and draws a caret under the offending character:
 * <pre>
 * bad port name 'netmap:eth0-x' at position 12: expected a ring number after '-'
 *   netmap:eth0-x
 *               ^
 * </pre>
 * A position equal to the length of the name means the name ended too early.
 */
public final class PortNameException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @serial the whole name as given.
     */
    private final String portName;

    /**
     * @serial 0-based index of the offending character.
     */
    private final int position;

    /**
     * @serial what would have been accepted at the position.
     */
    private final String expected;

    /**
     * Build the exception and its message.
     *
     * @param portName the whole name as given.
     * @param position 0-based index of the offending character, from 0 to {@code portName.length()}.
     * @param expected what would have been accepted at {@code position}, e.g. "a ring number after '-'".
     */
    public PortNameException(final String portName, final int position, final String expected)
    {
        super(message(portName, position, expected));
        this.portName = portName;
        this.position = position;
        this.expected = expected;
    }

    /**
     * The whole name as given to the parser.
     *
     * @return the name.
     */
    public String portName()
    {
        return portName;
    }

    /**
     * 0-based index into {@link #portName()} of the offending character; the length of the name means "at the end".
     *
     * @return the position.
     */
    public int position()
    {
        return position;
    }

    /**
     * What would have been accepted at {@link #position()}, without the word "expected".
     *
     * @return the expectation.
     */
    public String expected()
    {
        return expected;
    }

    private static String message(final String portName, final int position, final String expected)
    {
        final String shown = printable(portName);

        return "bad port name '" + shown + "' at position " + position + ": expected " + expected + '\n' +
            "  " + shown + '\n' +
            "  " + " ".repeat(position) + '^';
    }

    // Control characters would break the two-line picture, so they are shown as '?', one column each.
    private static String printable(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            sb.append(c < 0x20 || 0x7f == c ? '?' : c);
        }

        return sb.toString();
    }
}
