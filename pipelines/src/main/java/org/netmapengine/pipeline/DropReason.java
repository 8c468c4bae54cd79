package org.netmapengine.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a packet was dropped. Reasons are interned once, when a stage starts, into small integer ids that the
 * hot path passes around and counters index; names are what people and metrics see.
 * <p>
 * Thread-safe.
 */
public final class DropReason
{
    /** Counters index arrays of this size by reason id. */
    public static final int MAX_REASONS = 256;

    private static final Map<String, DropReason> BY_NAME = new ConcurrentHashMap<>();
    private static final List<DropReason> BY_ID = new ArrayList<>();

    /** A stage threw while processing the packet. */
    public static final DropReason ERROR = of("error");
    /** A {@code drop} output, or the {@code drop} stage. */
    public static final DropReason DROPPED = of("drop");
    /** A copy was asked for and no spare buffer was left. */
    public static final DropReason NO_BUFFER = of("no-buffer");
    /** The TX ring stayed full and the transmitter was told to drop. */
    public static final DropReason TX_FULL = of("tx-full");
    /** The transmitting port failed (its pipe's peer died, a system error): the batch could not be sent. */
    public static final DropReason TX_ERROR = of("tx-error");
    /** The packet does not fit the buffer it was to be copied into. */
    public static final DropReason TOO_LONG = of("too-long");
    /** The stage neither sent nor dropped the packet: a stage bug, counted as a leak of that stage. */
    public static final DropReason UNROUTED = of("unrouted");
    /** The stage actor holding it stopped; its packets were recovered from its mailbox. */
    public static final DropReason STAGE_STOPPED = of("stage-stopped");
    /** The engine shut down before the packet reached a port. */
    public static final DropReason SHUTDOWN = of("shutdown");

    private final int id;
    private final String name;

    private DropReason(final int id, final String name)
    {
        this.id = id;
        this.name = name;
    }

    /**
     * @param name lower-case words joined by '-', as in metrics: {@code "ipv4-bad-checksum"}.
     * @return the reason of that name, created on first use.
     */
    public static DropReason of(final String name)
    {
        if (!isValidName(name))
        {
            throw new IllegalArgumentException("drop reason names are lower-case words joined by '-': name=" + name);
        }
        return BY_NAME.computeIfAbsent(name, n ->
        {
            synchronized (BY_ID)
            {
                if (BY_ID.size() == MAX_REASONS)
                {
                    throw new IllegalStateException("more than " + MAX_REASONS + " drop reasons: name=" + n);
                }
                final DropReason reason = new DropReason(BY_ID.size(), n);
                BY_ID.add(reason);
                return reason;
            }
        });
    }

    /**
     * @param name a candidate reason name.
     * @return whether {@link #of(String)} accepts it: lower-case words joined by '-'.
     */
    public static boolean isValidName(final String name)
    {
        return name.matches("[a-z0-9][a-z0-9-]*");
    }

    /** @return the reason with this id. */
    public static DropReason byId(final int id)
    {
        synchronized (BY_ID)
        {
            return BY_ID.get(id);
        }
    }

    /** @return how many reasons exist so far; ids are {@code [0, count)}. */
    public static int count()
    {
        synchronized (BY_ID)
        {
            return BY_ID.size();
        }
    }

    public int id()
    {
        return id;
    }

    public String name()
    {
        return name;
    }

    @Override
    public String toString()
    {
        return name;
    }
}
