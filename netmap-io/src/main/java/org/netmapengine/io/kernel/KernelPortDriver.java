package org.netmapengine.io.kernel;

import com.sun.jna.Memory;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.netmapengine.io.port.PortDriver;

/**
 * The syscalls of one port bound through {@code /dev/netmap}: each sync is one {@code ioctl} with no argument,
 * poll is one {@code poll} on the port's descriptor. Nothing is allocated per call: the {@code struct pollfd} is
 * allocated once, here.
 * <p>
 * Not thread-safe: one owner thread per file descriptor. Two threads syncing the same rings do not fail, one of
 * them silently loses (netmap's "lost race"), so ownership is the caller's contract, not a lock here.
 */
final class KernelPortDriver implements PortDriver
{
    private static final int POLLFD_FD_OFFSET = 0;
    private static final int POLLFD_EVENTS_OFFSET = 4;
    private static final int POLLFD_REVENTS_OFFSET = 6;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final NetmapDevice device;
    private final int fd;
    private final long txSyncRequest;
    private final long rxSyncRequest;
    private final String port;
    private final Memory pollfd = new Memory(LibC.POLLFD_SIZE);
    private final Runnable beforeClose;
    private boolean closed;

    KernelPortDriver(
        final NetmapDevice device, final int fd, final long txSyncRequest, final long rxSyncRequest, final String port)
    {
        this(device, fd, txSyncRequest, rxSyncRequest, port, () ->
        {
        });
    }

    /**
     * @param beforeClose run once, just before the descriptor is closed: moves the region's mapping off it when
     *                    other ports still use the region ({@link MappedRegions#detach}).
     */
    KernelPortDriver(
        final NetmapDevice device,
        final int fd,
        final long txSyncRequest,
        final long rxSyncRequest,
        final String port,
        final Runnable beforeClose)
    {
        this.beforeClose = beforeClose;
        this.device = device;
        this.fd = fd;
        this.txSyncRequest = txSyncRequest;
        this.rxSyncRequest = rxSyncRequest;
        this.port = port;
        pollfd.clear();
        pollfd.setInt(POLLFD_FD_OFFSET, fd);
    }

    /** @return the bound {@code /dev/netmap} descriptor. */
    int fd()
    {
        return fd;
    }

    @Override
    public void txSync()
    {
        checkOpen();
        final int rc = device.ioctl(fd, txSyncRequest, null);
        if (rc < 0)
        {
            throw syncFailed("NIOCTXSYNC", -rc);
        }
    }

    @Override
    public void rxSync()
    {
        checkOpen();
        final int rc = device.ioctl(fd, rxSyncRequest, null);
        if (rc < 0)
        {
            throw syncFailed("NIOCRXSYNC", -rc);
        }
    }

    /**
     * netmap's poll: TX rings are synced only when {@code POLLOUT} is asked for (the backend registers with
     * {@code NR_NO_TX_POLL}), RX rings when {@code POLLIN} is. A signal does not end the wait early: the call is
     * repeated for the time left.
     *
     * @return the kernel's {@code revents}: the ready events of {@code events}, plus {@code POLLERR} when netmap
     *         reports a ring in error; 0 on timeout.
     */
    @Override
    public int poll(final int events, final int timeoutMillis)
    {
        checkOpen();
        final long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * NANOS_PER_MILLI : 0;
        int timeout = timeoutMillis;
        while (true)
        {
            pollfd.setShort(POLLFD_EVENTS_OFFSET, (short)events);
            pollfd.setShort(POLLFD_REVENTS_OFFSET, (short)0);
            final int rc = device.poll(pollfd, 1, timeout);
            if (rc >= 0)
            {
                return 0 == rc ? 0 : pollfd.getShort(POLLFD_REVENTS_OFFSET) & 0xFFFF;
            }
            if (Errno.EINTR != -rc)
            {
                throw syncFailed("poll", -rc);
            }
            if (timeoutMillis > 0)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return 0;
                }
                timeout = (int)Math.max(1, (left + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
            }
        }
    }

    /**
     * Closes the descriptor; the kernel then frees the rings' binding and the extra buffers on the list, once no
     * mapping made through the descriptor is left either (the hook given at construction sees to that).
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            beforeClose.run();
        }
        finally
        {
            device.close(fd);
        }
    }

    /**
     * A closed descriptor number is soon reused by the next {@code open}, possibly another port's
     * {@code /dev/netmap}: a late sync must fail here rather than sync someone else's rings.
     */
    private void checkOpen()
    {
        if (closed)
        {
            throw new NetmapException(Reason.SYSTEM_ERROR, port, "port is closed: fd " + fd + " is no longer its own");
        }
    }

    private NetmapException syncFailed(final String call, final int errno)
    {
        return new NetmapException(Reason.SYSTEM_ERROR, port, errno,
            call + " failed on fd " + fd + ": " + Errno.describe(errno));
    }
}
