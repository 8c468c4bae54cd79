package org.netmapengine.io.afpacket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;

/**
 * One {@code AF_PACKET}/{@code SOCK_RAW} socket and its mapped ring: the set-up calls, each failure turned into a
 * {@link NetmapException} that says what to do. Set-up order is the kernel's: version, ring, map, bind, then
 * fanout (which needs a bound socket).
 * <p>
 * Not thread-safe: set up by the opener, then used by the port's owner thread.
 */
final class PacketSocket implements AutoCloseable
{
    private final String port;
    private final int fd;
    private final Memory scratch = new Memory(64);
    private final Memory length = new Memory(4);
    private long mapAddress;
    private long mapSize;
    private boolean closed;

    private PacketSocket(final String port, final int fd)
    {
        this.port = port;
        this.fd = fd;
    }

    /**
     * Opens a socket with protocol 0: nothing arrives before {@link #bind} names what to receive.
     *
     * @throws NetmapException PERMISSION_DENIED without CAP_NET_RAW.
     */
    static PacketSocket open(final String port)
    {
        try
        {
            return new PacketSocket(port, LibC.socket(LibC.AF_PACKET, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, 0));
        }
        catch (final LastErrorException e)
        {
            final int errno = Errno.of(e);
            if (Errno.EPERM == errno || Errno.EACCES == errno)
            {
                throw new NetmapException(Reason.PERMISSION_DENIED, port, errno, "emulated NIC ports use AF_PACKET " +
                    "sockets, which need root or CAP_NET_RAW (setcap cap_net_raw+ep on the java binary, or run as " +
                    "root)");
            }
            throw new NetmapException(Reason.SYSTEM_ERROR, port, errno,
                "socket(AF_PACKET, SOCK_RAW) failed: " + Errno.describe(errno));
        }
    }

    int fd()
    {
        return fd;
    }

    long mapAddress()
    {
        return mapAddress;
    }

    void setInt(final int level, final int name, final int value, final String what)
    {
        scratch.setInt(0, value);
        try
        {
            LibC.setsockopt(fd, level, name, scratch, Integer.BYTES);
        }
        catch (final LastErrorException e)
        {
            throw new NetmapException(Reason.SYSTEM_ERROR, port, Errno.of(e),
                "setsockopt(" + what + ") failed: " + Errno.describe(Errno.of(e)));
        }
    }

    /** @return false when the kernel does not know the option (an older kernel): the caller works around it. */
    boolean trySetInt(final int level, final int name, final int value)
    {
        scratch.setInt(0, value);
        try
        {
            LibC.setsockopt(fd, level, name, scratch, Integer.BYTES);
            return true;
        }
        catch (final LastErrorException e)
        {
            return false;
        }
    }

    /**
     * Sets up a ring ({@code PACKET_RX_RING} or {@code PACKET_TX_RING}) and maps it.
     *
     * @return the address of the mapping.
     */
    long ring(final int option, final int blockSize, final int blocks, final int frameSize, final int retireMillis)
    {
        scratch.clear(TpacketReq3Descriptor.SIZE);
        scratch.setInt(TpacketReq3Descriptor.TP_BLOCK_SIZE_OFFSET, blockSize);
        scratch.setInt(TpacketReq3Descriptor.TP_BLOCK_NR_OFFSET, blocks);
        scratch.setInt(TpacketReq3Descriptor.TP_FRAME_SIZE_OFFSET, frameSize);
        scratch.setInt(TpacketReq3Descriptor.TP_FRAME_NR_OFFSET, (int)((long)blocks * (blockSize / frameSize)));
        scratch.setInt(TpacketReq3Descriptor.TP_RETIRE_BLK_TOV_OFFSET, retireMillis);
        final String what = option == PacketSocketApi.PACKET_RX_RING ? "PACKET_RX_RING" : "PACKET_TX_RING";
        try
        {
            LibC.setsockopt(fd, PacketSocketApi.SOL_PACKET, option, scratch, TpacketReq3Descriptor.SIZE);
        }
        catch (final LastErrorException e)
        {
            final int errno = Errno.of(e);
            throw new NetmapException(Errno.ENOMEM == errno ? Reason.RESOURCE_EXHAUSTED : Reason.SYSTEM_ERROR, port,
                errno, "setsockopt(" + what + ", " + blocks + " blocks of " + blockSize + " bytes, frames of " +
                frameSize + ") failed: " + Errno.describe(errno) + (Errno.ENOMEM == errno ? "; use fewer or " +
                "smaller blocks" : ""));
        }
        final long size = (long)blockSize * blocks;
        try
        {
            final Pointer p = LibC.mmap(null, size, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
            mapAddress = Pointer.nativeValue(p);
            mapSize = size;
            return mapAddress;
        }
        catch (final LastErrorException e)
        {
            throw new NetmapException(Reason.RESOURCE_EXHAUSTED, port, Errno.of(e),
                "cannot map the " + what + " of " + size + " bytes: " + Errno.describe(Errno.of(e)));
        }
    }

    /** Binds to the interface; from then on frames of {@code protocol} (host order, 0 = none) arrive. */
    void bind(final int ifindex, final int protocol)
    {
        scratch.clear(SockaddrLlDescriptor.SIZE);
        scratch.setShort(SockaddrLlDescriptor.SLL_FAMILY_OFFSET, (short)LibC.AF_PACKET);
        scratch.setShort(SockaddrLlDescriptor.SLL_PROTOCOL_OFFSET, Short.reverseBytes((short)protocol));
        scratch.setInt(SockaddrLlDescriptor.SLL_IFINDEX_OFFSET, ifindex);
        try
        {
            LibC.bind(fd, scratch, SockaddrLlDescriptor.SIZE);
        }
        catch (final LastErrorException e)
        {
            final int errno = Errno.of(e);
            throw new NetmapException(Errno.ENODEV == errno ? Reason.UNKNOWN_INTERFACE : Reason.SYSTEM_ERROR, port,
                errno, "bind to interface index " + ifindex + " failed: " + Errno.describe(errno));
        }
    }

    /** Joins fanout group {@code group} (hash, defragmented): the kernel spreads frames over its members by flow. */
    void joinFanout(final int group)
    {
        final int mode = PacketSocketApi.PACKET_FANOUT_HASH | PacketSocketApi.PACKET_FANOUT_FLAG_DEFRAG;
        setInt(PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_FANOUT, (group & 0xFFFF) | (mode << 16),
            "PACKET_FANOUT group " + group);
    }

    /** Promiscuous mode while this socket lives (the kernel counts it down when the socket closes). */
    void promiscuous(final int ifindex)
    {
        scratch.clear(SocketStructsDescriptor.MREQ_SIZE);
        scratch.setInt(SocketStructsDescriptor.MREQ_IFINDEX_OFFSET, ifindex);
        scratch.setShort(SocketStructsDescriptor.MREQ_TYPE_OFFSET, (short)PacketSocketApi.PACKET_MR_PROMISC);
        try
        {
            LibC.setsockopt(fd, PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_ADD_MEMBERSHIP, scratch,
                SocketStructsDescriptor.MREQ_SIZE);
        }
        catch (final LastErrorException e)
        {
            throw new NetmapException(Reason.SYSTEM_ERROR, port, Errno.of(e),
                "cannot put the interface in promiscuous mode: " + Errno.describe(Errno.of(e)));
        }
    }

    /**
     * Reads and resets the kernel's counters ({@code PACKET_STATISTICS}) and adds them to {@code totals}:
     * [0] frames put in the ring, [1] frames dropped, [2] times the queue froze.
     */
    void addStatistics(final long[] totals)
    {
        scratch.clear(SocketStructsDescriptor.STATS_SIZE);
        length.setInt(0, SocketStructsDescriptor.STATS_SIZE);
        try
        {
            LibC.getsockopt(fd, PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_STATISTICS, scratch, length);
        }
        catch (final LastErrorException e)
        {
            return;
        }
        final long packets = scratch.getInt(SocketStructsDescriptor.STATS_TP_PACKETS_OFFSET) & 0xFFFF_FFFFL;
        final long drops = scratch.getInt(SocketStructsDescriptor.STATS_TP_DROPS_OFFSET) & 0xFFFF_FFFFL;
        totals[0] += packets - drops;
        totals[1] += drops;
        totals[2] += scratch.getInt(SocketStructsDescriptor.STATS_TP_FREEZE_Q_CNT_OFFSET) & 0xFFFF_FFFFL;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (0 != mapAddress)
        {
            LibC.munmap(new Pointer(mapAddress), mapSize);
            mapAddress = 0;
        }
        LibC.close(fd);
    }
}
