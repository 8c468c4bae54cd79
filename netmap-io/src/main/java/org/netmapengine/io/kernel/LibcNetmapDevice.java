package org.netmapengine.io.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.os.LibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NetmapDevice} on the real C library, through {@link LibC}'s direct mapping.
 * <p>
 * Successful calls allocate nothing; a failing one turns JNA's {@link LastErrorException} into {@code -errno}.
 * Thread-safe.
 */
final class LibcNetmapDevice implements NetmapDevice
{
    static final LibcNetmapDevice INSTANCE = new LibcNetmapDevice();

    /** FreeBSD's {@code O_CLOEXEC}; {@link LibC#O_CLOEXEC} is Linux's, and the two differ. */
    private static final int FREEBSD_O_CLOEXEC = 0x0010_0000;

    private static final Logger LOG = LoggerFactory.getLogger(LibcNetmapDevice.class);

    private final int openFlags = LibC.O_RDWR | (Platform.isFreeBSD() ? FREEBSD_O_CLOEXEC : LibC.O_CLOEXEC);

    private LibcNetmapDevice()
    {
    }

    @Override
    public int open(final String path)
    {
        try
        {
            return LibC.open(path, openFlags, 0);
        }
        catch (final LastErrorException e)
        {
            return -Errno.of(e);
        }
    }

    @Override
    public long size(final int fd)
    {
        try
        {
            return LibC.lseek(fd, 0, LibC.SEEK_END);
        }
        catch (final LastErrorException e)
        {
            return -Errno.of(e);
        }
    }

    @Override
    public int ioctl(final int fd, final long request, final Pointer arg)
    {
        try
        {
            return LibC.ioctl(fd, request, arg);
        }
        catch (final LastErrorException e)
        {
            return -Errno.of(e);
        }
    }

    @Override
    public long mmap(final int fd, final long size)
    {
        try
        {
            final Pointer address = LibC.mmap(null, size, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
            return Pointer.nativeValue(address);
        }
        catch (final LastErrorException e)
        {
            return -Errno.of(e);
        }
    }

    @Override
    public long remap(final int fd, final long address, final long size)
    {
        try
        {
            final Pointer mapped = LibC.mmap(new Pointer(address), size, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_SHARED | LibC.MAP_FIXED, fd, 0);
            return Pointer.nativeValue(mapped);
        }
        catch (final LastErrorException e)
        {
            return -Errno.of(e);
        }
    }

    @Override
    public void munmap(final long address, final long size)
    {
        try
        {
            LibC.munmap(new Pointer(address), size);
        }
        catch (final LastErrorException e)
        {
            LOG.warn("munmap(0x{}, {}) failed: {}", Long.toHexString(address), size, Errno.describe(Errno.of(e)));
        }
    }

    @Override
    public int poll(final Pointer fds, final int nfds, final int timeoutMillis)
    {
        try
        {
            return LibC.poll(fds, nfds, timeoutMillis);
        }
        catch (final LastErrorException e)
        {
            return -Errno.of(e);
        }
    }

    @Override
    public void close(final int fd)
    {
        try
        {
            LibC.close(fd);
        }
        catch (final LastErrorException e)
        {
            LOG.warn("close({}) failed: {}", fd, Errno.describe(Errno.of(e)));
        }
    }
}
