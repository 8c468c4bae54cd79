package org.netmapengine.io.os;

import com.sun.jna.Platform;

/**
 * Socket calls on hot paths whose failures are routine, made without {@code errno} and without exceptions (an
 * allocation and a stack trace each), like {@link Futex}.
 */
public final class Sockets
{
    private static final long SYS_SENDTO = Platform.isARM() ? 206 : 44;

    private Sockets()
    {
    }

    /**
     * {@code sendto(fd, NULL, 0, MSG_DONTWAIT, NULL, 0)}: asks the kernel to send the frames queued in a packet
     * socket's TX ring, without waiting for them to complete.
     *
     * @return bytes the kernel took, or -1 when it took nothing now (a full queue, a down link): try again later.
     */
    public static long kickTransmit(final int fd)
    {
        return RawSyscall.syscall(SYS_SENDTO, fd, 0, 0, LibC.MSG_DONTWAIT, 0, 0);
    }
}
