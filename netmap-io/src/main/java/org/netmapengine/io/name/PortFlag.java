package org.netmapengine.io.name;

/**
 * A flag given after {@code /} in a port name, with its {@code NR_*} bit for {@code nmreq_register.nr_flags}.
 * <p>
 * Uppercase {@code R}/{@code T} restrict the binding to one direction; lowercase {@code r}/{@code t}/{@code z} open a
 * monitor. The two families are easy to confuse, hence the descriptions.
 */
public enum PortFlag
{
    /**
     * {@code /x}, {@code NR_EXCLUSIVE}: nobody else may bind the same rings.
     */
    EXCLUSIVE('x', 0x800L, "exclusive"),

    /**
     * {@code /z}, {@code NR_ZCOPY_MON}: zero-copy monitor of both directions.
     */
    ZERO_COPY_MONITOR('z', 0x400L, "zero-copy monitor"),

    /**
     * {@code /t}, {@code NR_MONITOR_TX}: copy monitor of the TX side.
     */
    MONITOR_TX('t', 0x100L, "monitor TX"),

    /**
     * {@code /r}, {@code NR_MONITOR_RX}: copy monitor of the RX side.
     */
    MONITOR_RX('r', 0x200L, "monitor RX"),

    /**
     * {@code /R}, {@code NR_RX_RINGS_ONLY}: bind only the RX rings.
     */
    RX_RINGS_ONLY('R', 0x2000L, "RX rings only"),

    /**
     * {@code /T}, {@code NR_TX_RINGS_ONLY}: bind only the TX rings.
     */
    TX_RINGS_ONLY('T', 0x4000L, "TX rings only");

    /**
     * Every flag letter in declaration order, as used in messages and canonical names.
     */
    public static final String LETTERS = "xztrRT";

    private final char letter;
    private final long bit;
    private final String description;

    PortFlag(final char letter, final long bit, final String description)
    {
        this.letter = letter;
        this.bit = bit;
        this.description = description;
    }

    /**
     * The letter written after {@code /}.
     *
     * @return the letter.
     */
    public char letter()
    {
        return letter;
    }

    /**
     * The {@code NR_*} bit in {@code nmreq_register.nr_flags}.
     *
     * @return the bit.
     */
    public long bit()
    {
        return bit;
    }

    /**
     * Short human description, e.g. "RX rings only".
     *
     * @return the description.
     */
    public String description()
    {
        return description;
    }

    /**
     * The flag written with the given letter.
     *
     * @param letter a character from a port name.
     * @return the flag, or null if the letter is not a flag.
     */
    public static PortFlag fromLetter(final char letter)
    {
        for (final PortFlag flag : values())
        {
            if (flag.letter == letter)
            {
                return flag;
            }
        }

        return null;
    }
}
