package org.netmapengine.io.name;

/**
 * Which end of a netmap pipe a port name opens, if any.
 * <p>
 * In API 14 the pipe suffix stays in {@code nr_name} (<code>foo{1</code>, <code>foo}1</code>) and the kernel reads it from
 * there, so the end is not a registration mode; it is kept here so callers need not re-parse the kernel name.
 */
public enum PipeEnd
{
    /**
     * Not a pipe.
     */
    NONE('\0', "none"),

    /**
     * The master end, written <code>{</code> after the parent name.
     */
    MASTER('{', "master"),

    /**
     * The slave end, written <code>}</code> after the parent name.
     */
    SLAVE('}', "slave");

    private final char separator;
    private final String description;

    PipeEnd(final char separator, final String description)
    {
        this.separator = separator;
        this.description = description;
    }

    /**
     * The character between the parent name and the pipe id.
     *
     * @return <code>'{'</code>, <code>'}'</code>, or {@code '\0'} for {@link #NONE}.
     */
    public char separator()
    {
        return separator;
    }

    /**
     * Short human name of the end.
     *
     * @return "master", "slave" or "none".
     */
    public String description()
    {
        return description;
    }

    static PipeEnd fromSeparator(final char c)
    {
        if ('{' == c)
        {
            return MASTER;
        }
        if ('}' == c)
        {
            return SLAVE;
        }

        return NONE;
    }
}
