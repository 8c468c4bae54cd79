package org.netmapengine.io.kernel;

import com.sun.jna.Pointer;
import org.netmapengine.io.abi.IoctlNumbers;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.ring.KernelMemoryImage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the netmap kernel module at the syscall boundary, as netmap.c does it: {@code NIOCCTRL} reads the header,
 * copies body and options in, processes, writes out fields and every option's {@code nro_status} back; a version
 * mismatch returns EINVAL and writes nothing. Memory is a {@link KernelMemoryImage}, "mapped" by returning its
 * address.
 * <p>
 * Every call is recorded (requests copied byte for byte at the moment of the call) in {@link #events} and the
 * typed lists, so tests can check both what was sent and in which order things happened.
 * Offsets below are the literal ones of {@code netmap-seeds.md} §2.
 */
final class StandInKernel implements NetmapDevice
{
    static final String DEVICE = "/dev/netmap";
    static final IoctlNumbers.Set NUMBERS = IoctlNumbers.LINUX;
    static final int FIRST_FD = 10;

    private static final int REQ_REGISTER = 1;
    private static final int REQ_PORT_INFO_GET = 2;
    private static final int REQ_POOLS_INFO_GET = 12;
    private static final int OPT_EXTMEM = 1;
    private static final int OPT_OFFSETS = 5;

    // ---------------------------------------------------------------- behaviour, set by tests

    /** errno for {@code open(/dev/netmap)}, 0 to succeed. */
    int openErrno;
    /** Refuse every NIOCCTRL with EINVAL before reading it, as a kernel of another API does. */
    boolean otherApi;
    /** errno for every NIOCCTRL, as a kernel without NIOCCTRL gives ENOTTY; 0 for normal processing. */
    int controlErrno;
    /** errno for NETMAP_REQ_PORT_INFO_GET of a named port, 0 to answer {@link #portInfoMemId}. */
    int portInfoErrno;
    int portInfoMemId = 1;
    /** errno for NETMAP_REQ_POOLS_INFO_GET, 0 to answer from the image. */
    int poolsInfoErrno;
    /** Buffer count the pools info reports; -1 for the image's. */
    int poolsBufferCount = -1;
    /** errno for the syncs, 0 to succeed. */
    int syncErrno;
    /** errno for {@link #remap}, 0 to succeed. */
    int remapErrno;
    /** One reply per NETMAP_REQ_REGISTER, in order. */
    final Deque<Registration> registrations = new ArrayDeque<>();
    /** Files an {@code @extmem} may name, by path. */
    final Map<String, KernelMemoryImage> files = new HashMap<>();
    /** Results of poll, in order: {rc, revents}. */
    final Deque<int[]> pollResults = new ArrayDeque<>();

    // ---------------------------------------------------------------- what happened

    final List<String> events = new ArrayList<>();
    final List<Control> controls = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();
    final List<long[]> mmaps = new ArrayList<>();
    final List<long[]> munmaps = new ArrayList<>();
    final List<long[]> remaps = new ArrayList<>();
    final List<long[]> syncs = new ArrayList<>();
    final List<long[]> polls = new ArrayList<>();

    private final Map<Integer, Registration> boundByFd = new HashMap<>();
    private final Map<Integer, KernelMemoryImage> fileByFd = new HashMap<>();
    private final List<Integer> deviceFds = new ArrayList<>();
    private int nextFd = FIRST_FD;

    /** What the kernel answers one NETMAP_REQ_REGISTER with. */
    static final class Registration
    {
        int errno;
        KernelMemoryImage image;
        long nifpOffset;
        int memId = 1;
        int txRings = 1;
        int rxRings = 1;
        int hostRings = 1;
        int slots = 8;
        int granted;
        int[] extraBuffers = new int[0];
        int offsetsStatus;
        int extmemStatus;

        static Registration ok(final KernelMemoryImage image, final long nifpOffset)
        {
            final Registration r = new Registration();
            r.image = image;
            r.nifpOffset = nifpOffset;
            return r;
        }

        static Registration failing(final int errno)
        {
            final Registration r = new Registration();
            r.errno = errno;
            // netmap's copyin marks every option EOPNOTSUPP until its handler runs.
            r.offsetsStatus = Errno.EOPNOTSUPP;
            r.extmemStatus = Errno.EOPNOTSUPP;
            return r;
        }

        Registration extra(final int... buffers)
        {
            this.extraBuffers = buffers;
            this.granted = buffers.length;
            return this;
        }

        Registration memId(final int id)
        {
            this.memId = id;
            return this;
        }

        Registration rings(final int tx, final int rx, final int host, final int slotCount)
        {
            this.txRings = tx;
            this.rxRings = rx;
            this.hostRings = host;
            this.slots = slotCount;
            return this;
        }
    }

    /**
     * One NIOCCTRL as the kernel received it.
     *
     * @param arg     the header's address.
     * @param header  its 88 bytes.
     * @param body    {@code nr_body}.
     * @param bodyBytes the body, as long as its request type says.
     * @param options each option in chain order: its address and bytes.
     */
    record Control(int fd, long request, long arg, int reqType, String name, byte[] header, long body,
        byte[] bodyBytes, List<Option> options)
    {
    }

    record Option(long address, int type, byte[] bytes)
    {
    }

    StandInKernel expect(final Registration registration)
    {
        registrations.add(registration);
        return this;
    }

    /** @return the NIOCCTRL requests of type {@code reqType}, in order. */
    List<Control> controls(final int reqType)
    {
        final List<Control> list = new ArrayList<>();
        for (final Control c : controls)
        {
            if (c.reqType() == reqType)
            {
                list.add(c);
            }
        }
        return list;
    }

    Control register()
    {
        final List<Control> list = controls(REQ_REGISTER);
        if (list.size() != 1)
        {
            throw new AssertionError("expected one REGISTER, got " + list.size());
        }
        return list.get(0);
    }

    /** @return the descriptors opened and not closed. */
    List<Integer> openDescriptors()
    {
        final List<Integer> open = new ArrayList<>(deviceFds);
        open.addAll(fileByFd.keySet());
        for (final Integer fd : closed)
        {
            open.remove(fd);
        }
        return open;
    }

    // ---------------------------------------------------------------- NetmapDevice

    @Override
    public int open(final String path)
    {
        events.add("open " + path);
        if (files.containsKey(path))
        {
            final int fd = nextFd++;
            fileByFd.put(fd, files.get(path));
            return fd;
        }
        if (!DEVICE.equals(path))
        {
            return -Errno.ENOENT;
        }
        if (0 != openErrno)
        {
            return -openErrno;
        }
        final int fd = nextFd++;
        deviceFds.add(fd);
        return fd;
    }

    @Override
    public long size(final int fd)
    {
        final KernelMemoryImage file = fileByFd.get(fd);
        return null == file ? -Errno.EBADF : file.size();
    }

    @Override
    public int ioctl(final int fd, final long request, final Pointer arg)
    {
        if (NUMBERS.niocTxSync() == request || NUMBERS.niocRxSync() == request)
        {
            syncs.add(new long[]{fd, request, null == arg ? 0 : Pointer.nativeValue(arg)});
            return 0 == syncErrno ? 0 : -syncErrno;
        }
        if (NUMBERS.niocctrl() != request)
        {
            return -Errno.ENOTTY;
        }
        final Control control = capture(fd, request, arg);
        controls.add(control);
        events.add("ioctl " + fd + " NIOCCTRL " + control.reqType() + " " + control.name());
        if (0 != controlErrno)
        {
            return -controlErrno;
        }
        if (otherApi)
        {
            return -Errno.EINVAL;
        }
        final Pointer body = new Pointer(control.body());
        switch (control.reqType())
        {
            case REQ_REGISTER:
                return register(fd, body, control);
            case REQ_PORT_INFO_GET:
                if (control.name().isEmpty())
                {
                    body.setShort(24, (short)1);
                    return 0;
                }
                if (0 != portInfoErrno)
                {
                    return -portInfoErrno;
                }
                body.setShort(24, (short)portInfoMemId);
                return 0;
            case REQ_POOLS_INFO_GET:
                return poolsInfo(fd, body);
            default:
                return -Errno.EINVAL;
        }
    }

    private int register(final int fd, final Pointer body, final Control control)
    {
        final Registration r = registrations.poll();
        if (null == r)
        {
            throw new AssertionError("unexpected REGISTER of " + control.name());
        }
        for (final Option option : control.options())
        {
            final int status = OPT_OFFSETS == option.type() ? r.offsetsStatus :
                OPT_EXTMEM == option.type() ? r.extmemStatus : Errno.EOPNOTSUPP;
            new Pointer(option.address()).setInt(12, status);
        }
        if (0 != r.errno)
        {
            return -r.errno;
        }
        body.setLong(0, r.nifpOffset);
        body.setLong(8, r.image.size());
        body.setInt(16, r.slots);
        body.setInt(20, r.slots);
        body.setShort(24, (short)r.txRings);
        body.setShort(26, (short)r.rxRings);
        body.setShort(28, (short)r.hostRings);
        body.setShort(30, (short)r.hostRings);
        body.setShort(32, (short)r.memId);
        body.setInt(40, r.granted);
        r.image.linkExtraBuffers(r.nifpOffset, r.extraBuffers);
        boundByFd.put(fd, r);
        return 0;
    }

    private int poolsInfo(final int fd, final Pointer body)
    {
        final Registration r = boundByFd.get(fd);
        if (0 != poolsInfoErrno || null == r)
        {
            return -(0 != poolsInfoErrno ? poolsInfoErrno : Errno.ENXIO);
        }
        body.setLong(0, r.image.size());
        body.setShort(8, (short)r.memId);
        body.setLong(16, 0);
        body.setLong(32, 8192);
        body.setLong(48, r.image.bufPoolOffset());
        body.setInt(56, poolsBufferCount < 0 ? r.image.bufferCount() : poolsBufferCount);
        body.setInt(60, KernelMemoryImage.BUF_SIZE);
        return 0;
    }

    private static Control capture(final int fd, final long request, final Pointer arg)
    {
        final byte[] header = arg.getByteArray(0, 88);
        final int reqType = arg.getShort(2) & 0xFFFF;
        final String name = new String(arg.getByteArray(8, 64), StandardCharsets.US_ASCII).replaceAll("\u0000.*", "");
        final long body = arg.getLong(80);
        final int bodySize = REQ_REGISTER == reqType ? 56 : REQ_PORT_INFO_GET == reqType ? 32 :
            REQ_POOLS_INFO_GET == reqType ? 64 : 0;
        final byte[] bodyBytes = 0 == body ? new byte[0] : new Pointer(body).getByteArray(0, bodySize);
        final List<Option> options = new ArrayList<>();
        long next = arg.getLong(72);
        while (0 != next && options.size() < 8)
        {
            final Pointer option = new Pointer(next);
            final int type = option.getInt(8);
            final int size = OPT_OFFSETS == type ? 56 : OPT_EXTMEM == type ? 96 : 24;
            options.add(new Option(next, type, option.getByteArray(0, size)));
            next = option.getLong(0);
        }
        return new Control(fd, request, Pointer.nativeValue(arg), reqType, name, header, body, bodyBytes, options);
    }

    @Override
    public long mmap(final int fd, final long size)
    {
        events.add("mmap " + fd + " " + size);
        mmaps.add(new long[]{fd, size});
        final KernelMemoryImage file = fileByFd.get(fd);
        if (null != file)
        {
            return file.base();
        }
        final Registration r = boundByFd.get(fd);
        if (null == r)
        {
            return -Errno.EINVAL;
        }
        return r.image.base();
    }

    /**
     * As Linux: the new mapping of {@code /dev/netmap} must come from a descriptor bound in a region of that size;
     * it replaces the old one at the same address. Recorded as {@code remap FD 0xADDRESS SIZE}.
     */
    @Override
    public long remap(final int fd, final long address, final long size)
    {
        events.add("remap " + fd + " 0x" + Long.toHexString(address) + " " + size);
        remaps.add(new long[]{fd, address, size});
        final Registration r = boundByFd.get(fd);
        if (0 != remapErrno || null == r || closed.contains(fd) || size > r.image.size())
        {
            return -(0 != remapErrno ? remapErrno : Errno.EINVAL);
        }
        return address;
    }

    @Override
    public void munmap(final long address, final long size)
    {
        events.add("munmap 0x" + Long.toHexString(address) + " " + size);
        munmaps.add(new long[]{address, size});
    }

    @Override
    public int poll(final Pointer fds, final int nfds, final int timeoutMillis)
    {
        polls.add(new long[]{Pointer.nativeValue(fds), fds.getInt(0), fds.getShort(4), timeoutMillis});
        final int[] result = pollResults.poll();
        if (null == result)
        {
            return 0;
        }
        fds.setShort(6, (short)result[1]);
        return result[0];
    }

    @Override
    public void close(final int fd)
    {
        events.add("close " + fd);
        closed.add(fd);
    }
}
