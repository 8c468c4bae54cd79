package org.netmapengine.io.name;

/**
 * The {@code @conf:} option: ring and slot counts for a port that the open itself creates (a VALE port, a pipe);
 * netmap ignores them for a port that already exists.
 * <p>
 * Each component is {@link #NOT_SET} when the key was not given. The specific keys override the general ones
 * ({@code tx-rings} over {@code rings}); the {@code effective*} methods apply that rule and give what goes into
 * {@code nmreq_register}, where 0 lets netmap choose.
 *
 * @param rings       {@code rings}: TX and RX rings, u16.
 * @param hostRings   {@code host-rings}: host TX and RX rings, u16.
 * @param slots       {@code slots}: slots per TX and RX ring, u32.
 * @param txRings     {@code tx-rings}, u16.
 * @param rxRings     {@code rx-rings}, u16.
 * @param hostTxRings {@code host-tx-rings}, u16.
 * @param hostRxRings {@code host-rx-rings}, u16.
 * @param txSlots     {@code tx-slots}, u32.
 * @param rxSlots     {@code rx-slots}, u32.
 */
public record ConfOption(
    int rings,
    int hostRings,
    long slots,
    int txRings,
    int rxRings,
    int hostTxRings,
    int hostRxRings,
    long txSlots,
    long rxSlots)
{
    /**
     * Value of a key that was not given.
     */
    public static final int NOT_SET = -1;

    /**
     * Ring counts are u16 in {@code nmreq_register}.
     */
    public static final int MAX_RINGS = 0xFFFF;

    /**
     * Slot counts are u32 in {@code nmreq_register}.
     */
    public static final long MAX_SLOTS = 0xFFFF_FFFFL;

    /**
     * Check every count is {@link #NOT_SET} or fits its field.
     *
     * @param rings       {@code rings}.
     * @param hostRings   {@code host-rings}.
     * @param slots       {@code slots}.
     * @param txRings     {@code tx-rings}.
     * @param rxRings     {@code rx-rings}.
     * @param hostTxRings {@code host-tx-rings}.
     * @param hostRxRings {@code host-rx-rings}.
     * @param txSlots     {@code tx-slots}.
     * @param rxSlots     {@code rx-slots}.
     */
    public ConfOption
    {
        checkRings("rings", rings);
        checkRings("hostRings", hostRings);
        checkRings("txRings", txRings);
        checkRings("rxRings", rxRings);
        checkRings("hostTxRings", hostTxRings);
        checkRings("hostRxRings", hostRxRings);
        checkSlots("slots", slots);
        checkSlots("txSlots", txSlots);
        checkSlots("rxSlots", rxSlots);
    }

    /**
     * {@code nr_tx_rings}: {@code tx-rings}, else {@code rings}, else 0.
     *
     * @return the count.
     */
    public int effectiveTxRings()
    {
        return (int)firstSet(txRings, rings);
    }

    /**
     * {@code nr_rx_rings}: {@code rx-rings}, else {@code rings}, else 0.
     *
     * @return the count.
     */
    public int effectiveRxRings()
    {
        return (int)firstSet(rxRings, rings);
    }

    /**
     * {@code nr_host_tx_rings}: {@code host-tx-rings}, else {@code host-rings}, else 0.
     *
     * @return the count.
     */
    public int effectiveHostTxRings()
    {
        return (int)firstSet(hostTxRings, hostRings);
    }

    /**
     * {@code nr_host_rx_rings}: {@code host-rx-rings}, else {@code host-rings}, else 0.
     *
     * @return the count.
     */
    public int effectiveHostRxRings()
    {
        return (int)firstSet(hostRxRings, hostRings);
    }

    /**
     * {@code nr_tx_slots}: {@code tx-slots}, else {@code slots}, else 0.
     *
     * @return the count.
     */
    public long effectiveTxSlots()
    {
        return firstSet(txSlots, slots);
    }

    /**
     * {@code nr_rx_slots}: {@code rx-slots}, else {@code slots}, else 0.
     *
     * @return the count.
     */
    public long effectiveRxSlots()
    {
        return firstSet(rxSlots, slots);
    }

    /**
     * The option as port-name text, keys in a fixed order, e.g. {@code @conf:rings=4,slots=1024}.
     *
     * @return the text.
     */
    public String render()
    {
        return text().render();
    }

    /**
     * The keys that were set, for humans, e.g. {@code rings=4, slots=1024}.
     *
     * @return the list.
     */
    public String describe()
    {
        return text().describe();
    }

    static ConfOption from(final OptionValues values)
    {
        return new ConfOption(
            (int)values.number("rings", MAX_RINGS, NOT_SET),
            (int)values.number("host-rings", MAX_RINGS, NOT_SET),
            values.number("slots", MAX_SLOTS, NOT_SET),
            (int)values.number("tx-rings", MAX_RINGS, NOT_SET),
            (int)values.number("rx-rings", MAX_RINGS, NOT_SET),
            (int)values.number("host-tx-rings", MAX_RINGS, NOT_SET),
            (int)values.number("host-rx-rings", MAX_RINGS, NOT_SET),
            values.number("tx-slots", MAX_SLOTS, NOT_SET),
            values.number("rx-slots", MAX_SLOTS, NOT_SET));
    }

    private OptionText text()
    {
        return new OptionText(OptionSyntax.CONF)
            .number("rings", rings)
            .number("host-rings", hostRings)
            .number("slots", slots)
            .number("tx-rings", txRings)
            .number("rx-rings", rxRings)
            .number("host-tx-rings", hostTxRings)
            .number("host-rx-rings", hostRxRings)
            .number("tx-slots", txSlots)
            .number("rx-slots", rxSlots);
    }

    private static long firstSet(final long specific, final long general)
    {
        if (NOT_SET != specific)
        {
            return specific;
        }

        return NOT_SET != general ? general : 0;
    }

    private static void checkRings(final String name, final int value)
    {
        if (value < NOT_SET || value > MAX_RINGS)
        {
            throw new IllegalArgumentException("ring count out of range: " + name + "=" + value);
        }
    }

    private static void checkSlots(final String name, final long value)
    {
        if (value < NOT_SET || value > MAX_SLOTS)
        {
            throw new IllegalArgumentException("slot count out of range: " + name + "=" + value);
        }
    }
}
