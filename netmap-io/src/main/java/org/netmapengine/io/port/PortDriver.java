package org.netmapengine.io.port;

import org.netmapengine.io.abi.NetmapApi;

/**
 * What a backend does for one open port: the system calls of netmap. A {@link NetmapPort} holds the rings;
 * its driver moves them.
 * <p>
 * Called only by the port's owner thread (one owner per file descriptor).
 */
public interface PortDriver
{
    /** {@code NIOCTXSYNC}: send the slots before {@code head} of every bound TX ring, reclaim completed ones. */
    void txSync();

    /** {@code NIOCRXSYNC}: release the slots before {@code head} of every bound RX ring, learn new packets. */
    void rxSync();

    /**
     * {@code poll()}: syncs as netmap's poll does, then waits up to {@code timeoutMillis} (0 = do not wait,
     * negative = forever) until one of {@code events} ({@code POLLIN}, {@code POLLOUT}) is ready.
     *
     * @return the ready events, 0 on timeout.
     */
    int poll(int events, int timeoutMillis);

    /**
     * The syncs netmap's {@code poll()} makes before it looks at the rings, for drivers that do poll in user space:
     * TX when {@code POLLOUT} is asked or {@code NR_NO_TX_POLL} is not among the port's {@code flags}; RX when
     * {@code POLLIN} is asked or {@code NR_DO_RX_POLL} is set.
     */
    default void syncForPoll(final int events, final long flags)
    {
        if (0 != (events & NetmapPort.POLLOUT) || 0 == (flags & NetmapApi.NR_NO_TX_POLL))
        {
            txSync();
        }
        if (0 != (events & NetmapPort.POLLIN) || 0 != (flags & NetmapApi.NR_DO_RX_POLL))
        {
            rxSync();
        }
    }

    /**
     * @return counters of frames lost or refused outside the rings, since open; {@link PortStatistics#NONE} for
     * backends that have none. May make a system call: call it for reports, not per batch.
     */
    default PortStatistics statistics()
    {
        return PortStatistics.NONE;
    }

    /** Releases the file descriptor (or pipe end). The memory mapping is the region's business. */
    void close();
}
