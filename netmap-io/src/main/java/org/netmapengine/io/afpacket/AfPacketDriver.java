package org.netmapengine.io.afpacket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortDriver;
import org.netmapengine.io.port.PortStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The syncs and {@code poll} of an emulated NIC port: each bound ring pair is an {@link RxChannel} and a
 * {@link TxChannel}, each on its own packet socket.
 * <p>
 * {@link #poll} works as netmap's: sync first ({@code txsync} when POLLOUT is asked or {@code NR_NO_TX_POLL} is
 * off, {@code rxsync} when POLLIN is asked), and only when no asked-for ring is ready wait in one {@code poll()}
 * over the sockets, then sync again. That is the only system call a receiver makes per batch; a transmitter
 * makes one {@code sendto} per sync that queued frames.
 * <p>
 * Not thread-safe: one owner thread per port.
 */
final class AfPacketDriver implements PortDriver
{
    /** Longest single wait while the kernel holds TX frames it could not take: then ask it again. */
    private static final int KICK_RETRY_MILLIS = 1;
    /** How long a closing port waits for the kernel to send what its TX frames hold. */
    private static final long FLUSH_NANOS = 1_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(AfPacketDriver.class);

    private final String port;
    private final RxChannel[] rx;
    private final TxChannel[] tx;
    private final long flags;
    private final Memory pollfds;
    private final long[] kernel = new long[3];
    private boolean closed;

    AfPacketDriver(final String port, final RxChannel[] rx, final TxChannel[] tx, final long flags)
    {
        this.port = port;
        this.rx = rx;
        this.tx = tx;
        this.flags = flags;
        this.pollfds = new Memory((long)LibC.POLLFD_SIZE * Math.max(1, rx.length + tx.length));
    }

    @Override
    public void txSync()
    {
        for (final TxChannel channel : tx)
        {
            channel.sync();
        }
    }

    @Override
    public void rxSync()
    {
        for (final RxChannel channel : rx)
        {
            channel.sync();
        }
    }

    @Override
    public int poll(final int events, final int timeoutMillis)
    {
        int revents = syncAndCheck(events);
        if (0 != revents || 0 == timeoutMillis)
        {
            return revents;
        }
        int n = 0;
        boolean kickPending = false;
        if (0 != (events & NetmapPort.POLLIN))
        {
            for (final RxChannel channel : rx)
            {
                n = addPollFd(n, channel.socket().fd(), LibC.POLLIN);
            }
        }
        if (0 != (events & NetmapPort.POLLOUT))
        {
            for (final TxChannel channel : tx)
            {
                if (channel.hasPending())
                {
                    n = addPollFd(n, channel.socket().fd(), LibC.POLLOUT);
                    kickPending = true;
                }
            }
        }
        final int timeout = kickPending && (timeoutMillis < 0 || timeoutMillis > KICK_RETRY_MILLIS) ?
            KICK_RETRY_MILLIS : timeoutMillis;
        if (n > 0)
        {
            try
            {
                LibC.poll(pollfds, n, timeout);
            }
            catch (final LastErrorException e)
            {
                // EINTR: look again below, as after a timeout.
            }
        }
        else if (timeout != 0)
        {
            // Nothing to wait on (POLLOUT with an idle TX ring is ready at once, so this is POLLIN on a /T port).
            sleep(timeout);
        }
        return syncAndCheck(events);
    }

    private int addPollFd(final int n, final int fd, final short events)
    {
        final long at = (long)n * LibC.POLLFD_SIZE;
        pollfds.setInt(at, fd);
        pollfds.setShort(at + 4, events);
        pollfds.setShort(at + 6, (short)0);
        return n + 1;
    }

    private int syncAndCheck(final int events)
    {
        syncForPoll(events, flags);
        int revents = 0;
        if (0 != (events & NetmapPort.POLLIN))
        {
            for (final RxChannel channel : rx)
            {
                if (channel.hasPackets())
                {
                    revents |= NetmapPort.POLLIN;
                    break;
                }
            }
        }
        if (0 != (events & NetmapPort.POLLOUT))
        {
            for (final TxChannel channel : tx)
            {
                if (channel.hasRoom())
                {
                    revents |= NetmapPort.POLLOUT;
                    break;
                }
            }
        }
        return revents;
    }

    @Override
    public PortStatistics statistics()
    {
        if (!closed)
        {
            for (final RxChannel channel : rx)
            {
                channel.socket().addStatistics(kernel);
            }
        }
        long oversize = 0;
        for (final RxChannel channel : rx)
        {
            oversize += channel.oversize();
        }
        long txErrors = 0;
        for (final TxChannel channel : tx)
        {
            txErrors += channel.errors();
        }
        return new PortStatistics(kernel[0], kernel[1], oversize, txErrors);
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        for (final TxChannel channel : tx)
        {
            channel.sync();
            channel.flush(FLUSH_NANOS);
        }
        statistics();
        closed = true;
        reportTrouble();
        for (final RxChannel channel : rx)
        {
            channel.socket().close();
        }
        for (final TxChannel channel : tx)
        {
            channel.socket().close();
        }
    }

    /** Logs, once at close, what a well-behaved user never causes: ring resets and buffer indices out of range. */
    private void reportTrouble()
    {
        long resets = 0;
        long badBuffers = 0;
        long outgoing = 0;
        for (final RxChannel channel : rx)
        {
            resets += channel.resets();
            badBuffers += channel.badBuffers();
            outgoing += channel.outgoingSkipped();
        }
        for (final TxChannel channel : tx)
        {
            resets += channel.resets();
        }
        if (resets > 0 || badBuffers > 0)
        {
            LOG.warn("{}: {} ring resets (head outside [hwcur, hwtail]) and {} RX slots holding a buffer index " +
                "outside the region while open", port, resets, badBuffers);
        }
        if (outgoing > 0)
        {
            LOG.debug("{}: {} frames this host sent were skipped on receive", port, outgoing);
        }
    }

    private static void sleep(final int millis)
    {
        try
        {
            Thread.sleep(millis < 0 ? 100 : millis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
