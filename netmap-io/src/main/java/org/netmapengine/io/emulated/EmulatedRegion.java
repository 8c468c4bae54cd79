package org.netmapengine.io.emulated;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.os.ProcessIdentity;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.ring.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.netmapengine.io.emulated.EmulatedRegionDescriptor.*;

/**
 * One emulated memory region: a shared-memory file mapped once per process, and the allocators the kernel
 * would run for it (buffers, rings, netmap_if objects, pipes).
 * <p>
 * Concurrency: allocation runs under {@link #withLock(Supplier)}, which excludes other threads of this
 * process (a monitor) and other processes ({@code flock} on the file). Syncs never take the lock.
 * <p>
 * Lifetime: the file holds a table of the processes mapping it. A process that opens the file and finds
 * no live process in the table resets the whole allocator, as netmap's allocator resets when its last user
 * goes (buffers a crashed process held are recovered then, not before). The last live process to unmap
 * marks the file deleted and unlinks it.
 */
final class EmulatedRegion
{
    private static final Logger LOG = LoggerFactory.getLogger(EmulatedRegion.class);
    /** Regions mapped by this process, by file. Guarded by itself. */
    private static final Map<Path, EmulatedRegion> MAPPED = new HashMap<>();

    private static final int MAPPER_TABLE_OFFSET = 1024;
    private static final int MAPPER_ENTRY_SIZE = 16;
    private static final int MAPPER_SLOTS = 64;
    private static final int FILE_MODE = 0600;

    private final Path path;
    private final int fd;
    private final long address;
    private final long size;
    private final UnsafeBuffer meta;
    private final int mapperSlot;
    private final int memId;
    private final int bufferSize;
    private final int bufferCount;
    private final int maxSlots;
    private final int defaultSlots;
    private final int ringCount;
    private final int pipeCount;
    private final Layout layout;
    private final Region region;

    private EmulatedRegion(final Path path, final int fd, final long address, final long size, final int defaultSlots)
    {
        this.path = path;
        this.fd = fd;
        this.address = address;
        this.size = size;
        this.defaultSlots = defaultSlots;
        final UnsafeBuffer header = new UnsafeBuffer(address, HEADER_SIZE);
        this.memId = header.getInt(MEM_ID_OFFSET);
        this.bufferSize = header.getInt(BUF_SIZE_OFFSET);
        this.bufferCount = header.getInt(BUF_COUNT_OFFSET);
        this.maxSlots = header.getInt(RING_SLOTS_OFFSET);
        this.ringCount = header.getInt(RING_COUNT_OFFSET);
        this.pipeCount = header.getInt(PIPE_COUNT_OFFSET);
        this.layout = Layout.read(header);
        this.meta = new UnsafeBuffer(address, (int)layout.ifPool());
        this.mapperSlot = addMapper(meta);
        this.region = new Region(path.toString(), memId, address, size, address + layout.bufPool(), bufferSize,
            bufferCount, this::unmap);
    }

    /**
     * Maps the region file {@code name} in {@code config.directory()}, creating or resetting it when no live
     * process uses it, and adds a reference for the caller.
     */
    static EmulatedRegion acquire(final EmulatedConfig config, final String name, final int memId, final String port)
    {
        final Path path = config.directory().resolve(name + ".nmem");
        synchronized (MAPPED)
        {
            final EmulatedRegion mapped = MAPPED.get(path);
            if (null != mapped && mapped.region.tryRetain())
            {
                return mapped;
            }
            final EmulatedRegion created = map(config, path, memId, port);
            MAPPED.put(path, created);
            return created;
        }
    }

    private static EmulatedRegion map(final EmulatedConfig config, final Path path, final int memId, final String port)
    {
        try
        {
            Files.createDirectories(path.getParent());
        }
        catch (final IOException e)
        {
            throw new NetmapException(NetmapException.Reason.SYSTEM_ERROR, port,
                "cannot create the directory of emulated regions " + path.getParent() + ": " + e, e);
        }
        while (true)
        {
            final int fd = openFile(path, port);
            boolean keep = false;
            try
            {
                LibC.flock(fd, LibC.LOCK_EX);
                final EmulatedRegion region = mapLocked(config, path, fd, memId, port);
                if (null != region)
                {
                    keep = true;
                    LibC.flock(fd, LibC.LOCK_UN);
                    return region;
                }
            }
            finally
            {
                if (!keep)
                {
                    LibC.close(fd);
                }
            }
        }
    }

    /** @return the mapped region, or null when the file was deleted under us and must be opened anew. */
    private static EmulatedRegion mapLocked(
        final EmulatedConfig config, final Path path, final int fd, final int memId, final String port)
    {
        final long fileSize = LibC.lseek(fd, 0, LibC.SEEK_END);
        if (fileSize >= HEADER_SIZE)
        {
            final long header = mmap(fd, HEADER_SIZE, port, path);
            try
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(header, HEADER_SIZE);
                if (buffer.getLong(MAGIC_OFFSET) != MAGIC || buffer.getInt(LAYOUT_VERSION_OFFSET) != LAYOUT_VERSION)
                {
                    throw new NetmapException(NetmapException.Reason.INVALID_REQUEST, port,
                        path + " is not an emulated memory region of layout version " + LAYOUT_VERSION);
                }
                final int state = buffer.getIntVolatile(STATE_OFFSET);
                if (STATE_DELETED == state)
                {
                    return null;
                }
                if (STATE_READY == state && liveMappers(buffer) > 0)
                {
                    final long regionSize = Layout.checked(buffer, fileSize, path, port).regionSize();
                    return new EmulatedRegion(path, fd, mmap(fd, regionSize, port, path), regionSize, config.slots());
                }
                LOG.info("{}: no live process uses {}: resetting the allocator", port, path);
            }
            finally
            {
                munmap(header, HEADER_SIZE);
            }
        }
        final long regionSize = initialise(config, fd, memId, port, path);
        return new EmulatedRegion(path, fd, mmap(fd, regionSize, port, path), regionSize, config.slots());
    }

    /** Lays out an empty region in the file and returns its size. The file is zeroed by truncation. */
    private static long initialise(
        final EmulatedConfig config, final int fd, final int memId, final String port, final Path path)
    {
        final Layout layout = Layout.of(config.pipes(), config.buffers(), config.rings(), config.maxSlots(),
            config.bufferSize());
        final long ifPool = layout.ifPool();
        final long regionSize = layout.regionSize();

        LibC.ftruncate(fd, 0);
        LibC.ftruncate(fd, regionSize);
        final long address = mmap(fd, ifPool, port, path);
        try
        {
            final UnsafeBuffer header = new UnsafeBuffer(address, (int)ifPool);
            header.putLong(MAGIC_OFFSET, MAGIC);
            header.putInt(LAYOUT_VERSION_OFFSET, LAYOUT_VERSION);
            header.putInt(MEM_ID_OFFSET, memId);
            header.putInt(BUF_SIZE_OFFSET, config.bufferSize());
            header.putInt(BUF_COUNT_OFFSET, config.buffers());
            header.putInt(RING_SLOTS_OFFSET, config.maxSlots());
            header.putInt(RING_COUNT_OFFSET, config.rings());
            header.putInt(PIPE_COUNT_OFFSET, config.pipes());
            layout.write(header);
            // Buffers 0 and 1 are reserved, as in netmap; bits past the last buffer never allocate.
            header.putLong((int)layout.bufBitmap(), 0b11L);
            header.putInt(BUFFERS_FREE_OFFSET, config.buffers() - NetmapApi.NETMAP_FIRST_VALID_BUFFER);
            header.putIntVolatile(STATE_OFFSET, STATE_READY);
        }
        finally
        {
            munmap(address, ifPool);
        }
        return regionSize;
    }

    /**
     * Where everything lies in a region of given counts. A process attaching to a region another one laid out
     * recomputes it from the counts in the header and requires the header's offsets and the file's size to agree,
     * so that no offset or count read from the shared file can put a later access outside the mapping.
     */
    private record Layout(long pipeTable, long bufBitmap, long ringBitmap, long ifPool, int ifSize, long ringPool,
        int ringSize, long bufPool, long regionSize)
    {
        static Layout of(final int pipes, final int buffers, final int rings, final int maxSlots, final int bufferSize)
        {
            final long pipeTable = HEADER_SIZE;
            final long bufBitmap = align(pipeTable + (long)pipes * PIPE_ENTRY_SIZE, 64);
            final long ringBitmap = align(bufBitmap + align((buffers + 63L) / 64 * 8, 64), 64);
            final long metaEnd = ringBitmap + align((rings + 63L) / 64 * 8, 64);
            final long ifPool = align(metaEnd, 4096);
            final int ifSize = ifObjectSize();
            final long ringPool = align(ifPool + 2L * USERS_PER_END * pipes * ifSize, 4096);
            final int ringSize = ringObjectSize(maxSlots);
            final long bufPool = align(ringPool + (long)rings * ringSize, 4096);
            return new Layout(pipeTable, bufBitmap, ringBitmap, ifPool, ifSize, ringPool, ringSize, bufPool,
                bufPool + (long)buffers * bufferSize);
        }

        /** Writes the layout into a new region's header, where {@link #read} finds it. */
        void write(final UnsafeBuffer header)
        {
            header.putLong(PIPE_TABLE_OFFSET_OFFSET, pipeTable);
            header.putLong(BUF_BITMAP_OFFSET_OFFSET, bufBitmap);
            header.putLong(RING_BITMAP_OFFSET_OFFSET, ringBitmap);
            header.putLong(IF_POOL_OFFSET_OFFSET, ifPool);
            header.putInt(IF_OBJ_SIZE_OFFSET, ifSize);
            header.putLong(RING_POOL_OFFSET_OFFSET, ringPool);
            header.putInt(RING_OBJ_SIZE_OFFSET, ringSize);
            header.putLong(BUF_POOL_OFFSET_OFFSET, bufPool);
            header.putLong(REGION_SIZE_OFFSET, regionSize);
        }

        /** @return the layout as the header states it. */
        static Layout read(final UnsafeBuffer header)
        {
            return new Layout(header.getLong(PIPE_TABLE_OFFSET_OFFSET), header.getLong(BUF_BITMAP_OFFSET_OFFSET),
                header.getLong(RING_BITMAP_OFFSET_OFFSET), header.getLong(IF_POOL_OFFSET_OFFSET),
                header.getInt(IF_OBJ_SIZE_OFFSET), header.getLong(RING_POOL_OFFSET_OFFSET),
                header.getInt(RING_OBJ_SIZE_OFFSET), header.getLong(BUF_POOL_OFFSET_OFFSET),
                header.getLong(REGION_SIZE_OFFSET));
        }

        /** @return the layout the header describes, once it is checked to be the one its counts give. */
        static Layout checked(final UnsafeBuffer header, final long fileSize, final Path path, final String port)
        {
            final int pipes = header.getInt(PIPE_COUNT_OFFSET);
            final int buffers = header.getInt(BUF_COUNT_OFFSET);
            final int rings = header.getInt(RING_COUNT_OFFSET);
            final int maxSlots = header.getInt(RING_SLOTS_OFFSET);
            final int bufferSize = header.getInt(BUF_SIZE_OFFSET);
            if (pipes < 1 || buffers < NetmapApi.NETMAP_FIRST_VALID_BUFFER || rings < 1 || maxSlots < 2 ||
                maxSlots > (1 << 20) || bufferSize < 64)
            {
                throw inconsistent(path, port, "pipes=" + pipes + " buffers=" + buffers + " rings=" + rings +
                    " slots=" + maxSlots + " buffer size=" + bufferSize);
            }
            final Layout expected = of(pipes, buffers, rings, maxSlots, bufferSize);
            final Layout found = read(header);
            if (!expected.equals(found) || found.regionSize() != fileSize)
            {
                throw inconsistent(path, port, "the header says " + found + " in a file of " + fileSize +
                    " bytes; its counts give " + expected);
            }
            return found;
        }

        private static NetmapException inconsistent(final Path path, final String port, final String what)
        {
            return new NetmapException(NetmapException.Reason.INVALID_REQUEST, port, path + " has an inconsistent " +
                "layout (" + what + "): a damaged region file; stop the processes using it, or delete it");
        }
    }

    Region region()
    {
        return region;
    }

    Path path()
    {
        return path;
    }

    int memId()
    {
        return memId;
    }

    int maxSlots()
    {
        return maxSlots;
    }

    int defaultSlots()
    {
        return Math.min(defaultSlots, maxSlots);
    }

    int pipeCount()
    {
        return pipeCount;
    }

    long address()
    {
        return address;
    }

    /** @return the metadata area: header, pipe table and bitmaps. */
    UnsafeBuffer meta()
    {
        return meta;
    }

    int bufferSize()
    {
        return bufferSize;
    }

    /** @return free buffers, for diagnostics and tests. */
    int freeBuffers()
    {
        return meta.getInt(BUFFERS_FREE_OFFSET);
    }

    /** Runs {@code action} holding this region's allocation lock, against threads and processes alike. */
    <T> T withLock(final Supplier<T> action)
    {
        synchronized (this)
        {
            LibC.flock(fd, LibC.LOCK_EX);
            try
            {
                return action.get();
            }
            finally
            {
                LibC.flock(fd, LibC.LOCK_UN);
            }
        }
    }

    // ---------------------------------------------------------------- pools (call under the lock)

    long pipeEntryOffset(final int pipe)
    {
        return layout.pipeTable() + (long)pipe * PIPE_ENTRY_SIZE;
    }

    /** @return offset from the region base of the netmap_if of {@code user} of {@code end} of {@code pipe}. */
    long ifOffset(final int pipe, final int end, final int user)
    {
        return layout.ifPool() + (long)((2 * pipe + end) * USERS_PER_END + user) * layout.ifSize();
    }

    /** @param ring a ring object index, as a pipe entry in the shared file names it: checked, never trusted. */
    long ringOffset(final int ring)
    {
        return layout.ringPool() + (long)checkRing(ring) * layout.ringSize();
    }

    long bufferOffset(final int bufIdx)
    {
        return layout.bufPool() + (long)bufIdx * bufferSize;
    }

    /** @return a free ring object, or -1. */
    int allocateRing()
    {
        return allocateBit(layout.ringBitmap(), ringCount);
    }

    void freeRing(final int ring)
    {
        freeBit(layout.ringBitmap(), checkRing(ring), "ring");
    }

    private int checkRing(final int ring)
    {
        if (ring < 0 || ring >= ringCount)
        {
            throw new IllegalStateException(path + ": ring object " + ring + " is not in [0, " + ringCount +
                "): a damaged region file");
        }
        return ring;
    }

    /** @return a free buffer index, or 0 (netmap's null buffer) when the pool is exhausted. */
    int allocateBuffer()
    {
        final int bufIdx = allocateBit(layout.bufBitmap(), bufferCount);
        if (bufIdx < 0)
        {
            return 0;
        }
        meta.putInt(BUFFERS_FREE_OFFSET, meta.getInt(BUFFERS_FREE_OFFSET) - 1);
        return bufIdx;
    }

    void freeBuffer(final int bufIdx)
    {
        if (!region.isValidBuffer(bufIdx))
        {
            throw new IllegalStateException("cannot free bufIdx=" + bufIdx + ": not in [2, " + bufferCount + ")");
        }
        freeBit(layout.bufBitmap(), bufIdx, "buffer");
        meta.putInt(BUFFERS_FREE_OFFSET, meta.getInt(BUFFERS_FREE_OFFSET) + 1);
    }

    private int allocateBit(final long bitmapOffset, final int count)
    {
        final int words = (count + 63) / 64;
        for (int w = 0; w < words; w++)
        {
            final int offset = (int)bitmapOffset + w * Long.BYTES;
            final long word = meta.getLong(offset);
            if (word != -1L)
            {
                final int bit = Long.numberOfTrailingZeros(~word);
                final int index = w * 64 + bit;
                if (index >= count)
                {
                    return -1;
                }
                meta.putLong(offset, word | (1L << bit));
                return index;
            }
        }
        return -1;
    }

    private void freeBit(final long bitmapOffset, final int index, final String what)
    {
        final int offset = (int)bitmapOffset + (index / 64) * Long.BYTES;
        final long mask = 1L << (index % 64);
        final long word = meta.getLong(offset);
        if (0 == (word & mask))
        {
            throw new IllegalStateException("double free of " + what + " " + index + " in " + path);
        }
        meta.putLong(offset, word & ~mask);
    }

    // ---------------------------------------------------------------- mappers

    private static int addMapper(final UnsafeBuffer meta)
    {
        final ProcessIdentity self = ProcessIdentity.self();
        for (int slot = 0; slot < MAPPER_SLOTS; slot++)
        {
            final int offset = MAPPER_TABLE_OFFSET + slot * MAPPER_ENTRY_SIZE;
            final int pid = meta.getInt(offset);
            if (0 == pid || !new ProcessIdentity(pid, meta.getLong(offset + 8)).isAlive())
            {
                meta.putLong(offset + 8, self.startTime());
                meta.putInt(offset, self.pid());
                return slot;
            }
        }
        throw new IllegalStateException("more than " + MAPPER_SLOTS + " mappings of one emulated region");
    }

    private static int liveMappers(final UnsafeBuffer header)
    {
        int live = 0;
        for (int slot = 0; slot < MAPPER_SLOTS; slot++)
        {
            final int offset = MAPPER_TABLE_OFFSET + slot * MAPPER_ENTRY_SIZE;
            final int pid = header.getInt(offset);
            if (0 != pid && new ProcessIdentity(pid, header.getLong(offset + 8)).isAlive())
            {
                live++;
            }
        }
        return live;
    }

    /** The last reference went: leave the mapper table, unlink the file if nobody else maps it, unmap. */
    private void unmap()
    {
        synchronized (MAPPED)
        {
            MAPPED.remove(path, this);
        }
        withLock(() ->
        {
            meta.putInt(MAPPER_TABLE_OFFSET + mapperSlot * MAPPER_ENTRY_SIZE, 0);
            if (0 == liveMappers(meta))
            {
                meta.putIntVolatile(STATE_OFFSET, STATE_DELETED);
                try
                {
                    Files.deleteIfExists(path);
                }
                catch (final IOException e)
                {
                    LOG.warn("cannot remove emulated region file {}: {}", path, e.toString());
                }
            }
            return null;
        });
        munmap(address, size);
        LibC.close(fd);
    }

    // ---------------------------------------------------------------- system calls

    private static int openFile(final Path path, final String port)
    {
        try
        {
            return LibC.open(path.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, FILE_MODE);
        }
        catch (final LastErrorException e)
        {
            final NetmapException.Reason reason = e.getErrorCode() == Errno.EACCES || e.getErrorCode() == Errno.EPERM ?
                NetmapException.Reason.PERMISSION_DENIED : NetmapException.Reason.SYSTEM_ERROR;
            throw new NetmapException(reason, port, e.getErrorCode(),
                "cannot open emulated region " + path + ": " + Errno.describe(e.getErrorCode()));
        }
    }

    private static long mmap(final int fd, final long length, final String port, final Path path)
    {
        try
        {
            return Pointer.nativeValue(LibC.mmap(null, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0));
        }
        catch (final LastErrorException e)
        {
            throw new NetmapException(NetmapException.Reason.RESOURCE_EXHAUSTED, port, e.getErrorCode(),
                "cannot map " + length + " bytes of " + path + ": " + Errno.describe(e.getErrorCode()));
        }
    }

    private static void munmap(final long address, final long length)
    {
        LibC.munmap(new Pointer(address), length);
    }
}
