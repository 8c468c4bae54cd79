package org.netmapengine.io.name;

import java.util.Objects;

/**
 * The {@code @extmem:} option: open the port in a memory region obtained by mapping a file (for example on
 * hugetlbfs), with optional pool sizes for {@code nmreq_pools_info}.
 * <p>
 * Pool components are {@link #NOT_SET} when the key was not given; netmap then takes the value from its
 * {@code priv_{if,ring,buf}_{num,size}} sysctls, exactly as for 0.
 *
 * @param file     {@code file}, the file to map; mandatory, and the default key ({@code @extmem=/path}).
 * @param ifNum    {@code if-num}: pre-allocated {@code netmap_if}s, u32.
 * @param ifSize   {@code if-size}: size of each {@code netmap_if}, u32.
 * @param ringNum  {@code ring-num}: pre-allocated rings, u32.
 * @param ringSize {@code ring-size}: size of each ring, u32.
 * @param bufNum   {@code buf-num}: pre-allocated buffers, u32.
 * @param bufSize  {@code buf-size}: size of each buffer, u32.
 */
public record ExtmemOption(String file, long ifNum, long ifSize, long ringNum, long ringSize, long bufNum, long bufSize)
{
    /**
     * Value of a key that was not given.
     */
    public static final long NOT_SET = -1;

    /**
     * Pool numbers and sizes are u32 in {@code nmreq_pools_info}.
     */
    public static final long MAX_VALUE = 0xFFFF_FFFFL;

    /**
     * Check the file is named and every pool value is {@link #NOT_SET} or a u32.
     *
     * @param file     {@code file}.
     * @param ifNum    {@code if-num}.
     * @param ifSize   {@code if-size}.
     * @param ringNum  {@code ring-num}.
     * @param ringSize {@code ring-size}.
     * @param bufNum   {@code buf-num}.
     * @param bufSize  {@code buf-size}.
     */
    public ExtmemOption
    {
        Objects.requireNonNull(file, "file");
        if (file.isEmpty())
        {
            throw new IllegalArgumentException("extmem file must not be empty");
        }
        check("ifNum", ifNum);
        check("ifSize", ifSize);
        check("ringNum", ringNum);
        check("ringSize", ringSize);
        check("bufNum", bufNum);
        check("bufSize", bufSize);
    }

    /**
     * The option as port-name text, e.g. {@code @extmem:file=/dev/hugepages/x,buf-num=1000}.
     *
     * @return the text.
     */
    public String render()
    {
        return text().render();
    }

    /**
     * The keys that were set, for humans.
     *
     * @return the list.
     */
    public String describe()
    {
        return text().describe();
    }

    static ExtmemOption from(final OptionValues values)
    {
        return new ExtmemOption(
            values.text("file"),
            values.number("if-num", MAX_VALUE, NOT_SET),
            values.number("if-size", MAX_VALUE, NOT_SET),
            values.number("ring-num", MAX_VALUE, NOT_SET),
            values.number("ring-size", MAX_VALUE, NOT_SET),
            values.number("buf-num", MAX_VALUE, NOT_SET),
            values.number("buf-size", MAX_VALUE, NOT_SET));
    }

    private OptionText text()
    {
        return new OptionText(OptionSyntax.EXTMEM)
            .text("file", file)
            .number("if-num", ifNum)
            .number("if-size", ifSize)
            .number("ring-num", ringNum)
            .number("ring-size", ringSize)
            .number("buf-num", bufNum)
            .number("buf-size", bufSize);
    }

    private static void check(final String name, final long value)
    {
        if (value < NOT_SET || value > MAX_VALUE)
        {
            throw new IllegalArgumentException("extmem value out of range: " + name + "=" + value);
        }
    }
}
