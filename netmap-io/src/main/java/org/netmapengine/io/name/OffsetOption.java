package org.netmapengine.io.name;

/**
 * The {@code @offset:} option: reserve the low bits of every slot's {@code ptr} for a per-slot offset, and write an
 * initial offset into all slots ({@code NETMAP_REQ_OPT_OFFSETS}); this gives packets headroom.
 * <p>
 * libnetmap sets the maximum offset to the initial one. It also ships this option disabled: an application has to
 * call {@code nmport_enable_option("offset")} before libnetmap accepts it, which a Java engine is free to do.
 *
 * @param initial {@code initial}: the offset written into every slot; mandatory, and the default key
 *                ({@code @offset=64}). A u64 in netmap, limited here to a non-negative {@code long}.
 * @param bits    {@code bits}: how many low bits of {@code ptr} hold the offset, 0 to 64, or {@link #NOT_SET}, which
 *                like 0 means the whole field.
 */
public record OffsetOption(long initial, int bits)
{
    /**
     * Value of {@code bits} when it was not given.
     */
    public static final int NOT_SET = -1;

    /**
     * {@code ptr} is 64 bits wide.
     */
    public static final int MAX_BITS = 64;

    /**
     * Check the initial offset is not negative and {@code bits} is {@link #NOT_SET} or in [0, 64].
     *
     * @param initial {@code initial}.
     * @param bits    {@code bits}.
     */
    public OffsetOption
    {
        if (initial < 0)
        {
            throw new IllegalArgumentException("initial offset must not be negative: initial=" + initial);
        }
        if (bits < NOT_SET || bits > MAX_BITS)
        {
            throw new IllegalArgumentException("offset bits out of range: bits=" + bits);
        }
    }

    /**
     * {@code nro_offset_bits}: the bits given, or 0 (the whole {@code ptr}) when not given.
     *
     * @return the bit count.
     */
    public int effectiveBits()
    {
        return NOT_SET == bits ? 0 : bits;
    }

    /**
     * {@code nro_max_offset}, which libnetmap sets to the initial offset.
     *
     * @return the maximum offset.
     */
    public long maxOffset()
    {
        return initial;
    }

    /**
     * The option as port-name text, e.g. {@code @offset:initial=64,bits=8}.
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

    static OffsetOption from(final OptionValues values)
    {
        return new OffsetOption(
            values.number("initial", Long.MAX_VALUE, NOT_SET),
            (int)values.number("bits", MAX_BITS, NOT_SET));
    }

    private OptionText text()
    {
        return new OptionText(OptionSyntax.OFFSET).number("initial", initial).number("bits", bits);
    }
}
