package org.netmapengine.io.os;

import com.sun.jna.LastErrorException;

/**
 * Linux {@code errno} values the engine tells apart, and their names for messages.
 */
public final class Errno
{
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    /** An ioctl the driver does not know (an old netmap module and {@code NIOCCTRL}). */
    public static final int ENOTTY = 25;
    public static final int ENOSPC = 28;
    public static final int EOPNOTSUPP = 95;
    public static final int ETIMEDOUT = 110;

    private Errno()
    {
    }

    /** @return e.g. {@code "EACCES (Permission denied)"}. */
    public static String describe(final int errno)
    {
        return name(errno) + " (" + LibC.strerror(errno) + ")";
    }

    /** @return the symbolic name of {@code errno}, or {@code "errno N"}. */
    public static String name(final int errno)
    {
        switch (errno)
        {
            case EPERM: return "EPERM";
            case ENOENT: return "ENOENT";
            case ESRCH: return "ESRCH";
            case EINTR: return "EINTR";
            case EIO: return "EIO";
            case ENXIO: return "ENXIO";
            case EBADF: return "EBADF";
            case EAGAIN: return "EAGAIN";
            case ENOMEM: return "ENOMEM";
            case EACCES: return "EACCES";
            case EBUSY: return "EBUSY";
            case EEXIST: return "EEXIST";
            case ENODEV: return "ENODEV";
            case EINVAL: return "EINVAL";
            case ENOTTY: return "ENOTTY";
            case ENOSPC: return "ENOSPC";
            case EOPNOTSUPP: return "EOPNOTSUPP";
            case ETIMEDOUT: return "ETIMEDOUT";
            default: return "errno " + errno;
        }
    }

    /** @return the {@code errno} a failed direct-mapped call carried. */
    public static int of(final LastErrorException e)
    {
        return e.getErrorCode();
    }
}
