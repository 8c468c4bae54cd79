package org.netmapengine.io.name;

/**
 * The netmap registration mode, {@code nmreq_register.nr_mode}: which rings a port binds.
 * <p>
 * {@link #value()} is the {@code NR_REG_*} constant of {@code sys/net/netmap.h}. The port-name parser only produces
 * {@link #ALL_NIC}, {@link #SW}, {@link #ONE_SW}, {@link #NIC_SW} and {@link #ONE_NIC}; the others exist so the enum
 * covers every value the ABI defines. Pipes in API 14 register with {@link #ALL_NIC} because the pipe suffix travels
 * in the name; {@link #PIPE_MASTER} and {@link #PIPE_SLAVE} are legacy values.
 */
public enum RegMode
{
    /**
     * {@code NR_REG_DEFAULT}: the kernel's default, which is all NIC rings (legacy ringid semantics).
     */
    DEFAULT(0, "default (all NIC rings)", false),

    /**
     * {@code NR_REG_ALL_NIC}: every NIC ring pair; what a name without a ring suffix selects.
     */
    ALL_NIC(1, "all NIC rings", false),

    /**
     * {@code NR_REG_SW}: every host (software) ring pair; suffix {@code ^}.
     */
    SW(2, "host rings only", false),

    /**
     * {@code NR_REG_NIC_SW}: every NIC and host ring pair; suffix {@code *}.
     */
    NIC_SW(3, "NIC and host rings", false),

    /**
     * {@code NR_REG_ONE_NIC}: one NIC ring pair; suffix {@code -N}.
     */
    ONE_NIC(4, "one NIC ring pair", true),

    /**
     * {@code NR_REG_PIPE_MASTER}: legacy pipe master mode, replaced by the <code>{</code> suffix in the name.
     */
    PIPE_MASTER(5, "pipe master end (legacy mode)", false),

    /**
     * {@code NR_REG_PIPE_SLAVE}: legacy pipe slave mode, replaced by the <code>}</code> suffix in the name.
     */
    PIPE_SLAVE(6, "pipe slave end (legacy mode)", false),

    /**
     * {@code NR_REG_NULL}: no rings at all.
     */
    NULL(7, "no rings", false),

    /**
     * {@code NR_REG_ONE_SW}: one host ring pair; suffix {@code ^N}.
     */
    ONE_SW(8, "one host ring pair", true);

    private static final RegMode[] BY_VALUE = new RegMode[9];

    static
    {
        for (final RegMode mode : values())
        {
            BY_VALUE[mode.value] = mode;
        }
    }

    private final int value;
    private final String description;
    private final boolean usesRingId;

    RegMode(final int value, final String description, final boolean usesRingId)
    {
        this.value = value;
        this.description = description;
        this.usesRingId = usesRingId;
    }

    /**
     * The {@code NR_REG_*} value for {@code nmreq_register.nr_mode}.
     *
     * @return the value, 0 to 8.
     */
    public int value()
    {
        return value;
    }

    /**
     * Short human description, e.g. "host rings only".
     *
     * @return the description.
     */
    public String description()
    {
        return description;
    }

    /**
     * Whether {@code nmreq_register.nr_ringid} selects a ring in this mode.
     *
     * @return true for {@link #ONE_NIC} and {@link #ONE_SW}.
     */
    public boolean usesRingId()
    {
        return usesRingId;
    }

    /**
     * The mode with the given {@code NR_REG_*} value.
     *
     * @param value an {@code NR_REG_*} value.
     * @return the mode.
     * @throws IllegalArgumentException if no mode has that value.
     */
    public static RegMode fromValue(final int value)
    {
        if (value < 0 || value >= BY_VALUE.length)
        {
            throw new IllegalArgumentException("unknown NR_REG_* mode: value=" + value);
        }

        return BY_VALUE[value];
    }
}
