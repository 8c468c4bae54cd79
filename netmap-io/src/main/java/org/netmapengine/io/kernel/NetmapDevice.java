package org.netmapengine.io.kernel;

import com.sun.jna.Pointer;

/**
 * The system calls the kernel backend makes, and nothing else: the seam where tests stand in for the netmap
 * kernel module (this project is built on machines without it).
 * <p>
 * Every call returns its result, or {@code -errno} when it failed, so that callers branch on a number and the
 * hot calls ({@link #ioctl} for syncs, {@link #poll}) allocate nothing.
 * <p>
 * Thread-safe as the system calls are; a file descriptor is used by one thread at a time.
 */
interface NetmapDevice
{
    /**
     * {@code open(path, O_RDWR | O_CLOEXEC)}: {@code /dev/netmap}, or an {@code @extmem} file.
     *
     * @return the file descriptor, or {@code -errno}.
     */
    int open(String path);

    /**
     * {@code lseek(fd, 0, SEEK_END)}: the size of an {@code @extmem} file.
     *
     * @return the size in bytes, or {@code -errno}.
     */
    long size(int fd);

    /**
     * {@code ioctl(fd, request, arg)}.
     *
     * @param request unsigned request number ({@code NIOCCTRL}, {@code NIOCTXSYNC}, ...).
     * @param arg     the {@code nmreq_header}, or null for the syncs.
     * @return 0, or {@code -errno}.
     */
    int ioctl(int fd, long request, Pointer arg);

    /**
     * {@code mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)}.
     *
     * @return the address of the mapping, or {@code -errno}.
     */
    long mmap(int fd, long size);

    /**
     * {@code mmap(address, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0)}: maps the same region again,
     * through another descriptor bound in it, over the mapping at {@code address}. The pages and their addresses stay;
     * only the file the mapping holds changes.
     *
     * @return {@code address}, or {@code -errno}.
     */
    long remap(int fd, long address, long size);

    /** {@code munmap(address, size)}; a failure is logged, as nothing can be done about it. */
    void munmap(long address, long size);

    /**
     * {@code poll(fds, nfds, timeoutMillis)}.
     *
     * @return how many descriptors have events, 0 on timeout, or {@code -errno} ({@code -EINTR} included).
     */
    int poll(Pointer fds, int nfds, int timeoutMillis);

    /** {@code close(fd)}; a failure is logged, as the descriptor is gone either way. */
    void close(int fd);
}
