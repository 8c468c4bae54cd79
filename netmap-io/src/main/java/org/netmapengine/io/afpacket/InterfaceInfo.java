package org.netmapengine.io.afpacket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the engine needs to know of a Linux interface before it emulates netmap on it: index, MTU, flags, how many
 * receive queues it has (the rings {@code netmap:IF} emulates) and which offloads are on, read the way
 * {@code ethtool -k} reads them ({@code SIOCETHTOOL}).
 *
 * @param offloads the offloads that are on, by ethtool's short names: {@code gro}, {@code lro}, {@code gso},
 *                 {@code tso}, {@code rx-csum}, {@code tx-csum}.
 */
record InterfaceInfo(String name, int index, int mtu, int flags, int rxQueues, List<String> offloads)
{
    /**
     * @throws NetmapException UNKNOWN_INTERFACE when there is no such interface in this network namespace.
     */
    static InterfaceInfo read(final String name, final String port)
    {
        final int index = name.length() < SocketStructsDescriptor.IFR_NAME_SIZE ? LibC.if_nametoindex(name) : 0;
        if (0 == index)
        {
            throw new NetmapException(Reason.UNKNOWN_INTERFACE, port, "no interface named '" + name + "' in this " +
                "network namespace (ip link shows the ones there are)");
        }
        final int fd = LibC.socket(LibC.AF_INET, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        try
        {
            final Memory ifreq = new Memory(SocketStructsDescriptor.IFREQ_SIZE);
            final Memory value = new Memory(SocketStructsDescriptor.ETHTOOL_VALUE_SIZE);
            final int mtu = ioctlInt(fd, ifreq, name, PacketSocketApi.SIOCGIFMTU, 0);
            final int flags = ioctlInt(fd, ifreq, name, PacketSocketApi.SIOCGIFFLAGS, 0) & 0xFFFF;
            final List<String> offloads = new ArrayList<>();
            addIfOn(offloads, "gro", ethtool(fd, ifreq, value, name, PacketSocketApi.ETHTOOL_GGRO));
            addIfOn(offloads, "lro", ethtool(fd, ifreq, value, name, PacketSocketApi.ETHTOOL_GFLAGS) &
                PacketSocketApi.ETH_FLAG_LRO);
            addIfOn(offloads, "gso", ethtool(fd, ifreq, value, name, PacketSocketApi.ETHTOOL_GGSO));
            addIfOn(offloads, "tso", ethtool(fd, ifreq, value, name, PacketSocketApi.ETHTOOL_GTSO));
            addIfOn(offloads, "rx-csum", ethtool(fd, ifreq, value, name, PacketSocketApi.ETHTOOL_GRXCSUM));
            addIfOn(offloads, "tx-csum", ethtool(fd, ifreq, value, name, PacketSocketApi.ETHTOOL_GTXCSUM));
            return new InterfaceInfo(name, index, mtu, flags, rxQueues(name), List.copyOf(offloads));
        }
        finally
        {
            LibC.close(fd);
        }
    }

    boolean isUp()
    {
        return 0 != (flags & PacketSocketApi.IFF_UP);
    }

    /**
     * @return true when the interface is in promiscuous mode now, for whatever reason (the kernel's count of
     * promiscuous users, which {@code SIOCGIFFLAGS} does not show, is in {@code /sys/class/net/IF/flags}).
     */
    static boolean isPromiscuous(final String name)
    {
        try
        {
            final String flags = Files.readString(Path.of("/sys/class/net", name, "flags")).trim();
            return 0 != (Integer.decode(flags) & PacketSocketApi.IFF_PROMISC);
        }
        catch (final IOException | NumberFormatException e)
        {
            return false;
        }
    }

    /**
     * @return the warning a person needs when offloads are on, or null: what the engine then sees differs from
     * what is on the wire.
     */
    String offloadWarning()
    {
        if (offloads.isEmpty())
        {
            return null;
        }
        return "offloads on " + name + ": " + String.join(" ", offloads) + ". GRO/LRO/GSO/TSO let the engine see " +
            "frames larger than the MTU (dropped as oversize unless multi-slot is on), and checksum offload lets it " +
            "see locally sent packets whose checksums are not filled in yet. To see what is on the wire: " +
            "ethtool -K " + name + " gro off lro off gso off tso off rx off tx off";
    }

    private static void addIfOn(final List<String> offloads, final String name, final int value)
    {
        if (value > 0)
        {
            offloads.add(name);
        }
    }

    private static int ioctlInt(final int fd, final Memory ifreq, final String name, final long request,
        final int fallback)
    {
        ifreq.clear();
        ifreq.setString(SocketStructsDescriptor.IFR_NAME_OFFSET, name, StandardCharsets.US_ASCII.name());
        try
        {
            LibC.ioctl(fd, request, ifreq);
            return ifreq.getInt(SocketStructsDescriptor.IFR_IFRU_OFFSET);
        }
        catch (final LastErrorException e)
        {
            return fallback;
        }
    }

    /** @return the ethtool value, 0 when off, -1 when the driver does not say. */
    private static int ethtool(final int fd, final Memory ifreq, final Memory value, final String name, final int cmd)
    {
        ifreq.clear();
        ifreq.setString(SocketStructsDescriptor.IFR_NAME_OFFSET, name, StandardCharsets.US_ASCII.name());
        ifreq.setPointer(SocketStructsDescriptor.IFR_IFRU_OFFSET, value);
        value.setInt(SocketStructsDescriptor.ETHTOOL_CMD_OFFSET, cmd);
        value.setInt(SocketStructsDescriptor.ETHTOOL_DATA_OFFSET, 0);
        try
        {
            LibC.ioctl(fd, PacketSocketApi.SIOCETHTOOL, ifreq);
            return value.getInt(SocketStructsDescriptor.ETHTOOL_DATA_OFFSET);
        }
        catch (final LastErrorException e)
        {
            return -1;
        }
    }

    private static int rxQueues(final String name)
    {
        final Path queues = Path.of("/sys/class/net", name, "queues");
        try (Stream<Path> entries = Files.list(queues))
        {
            return (int)Math.max(1, entries.filter(p -> p.getFileName().toString().startsWith("rx-")).count());
        }
        catch (final IOException | RuntimeException e)
        {
            return 1;
        }
    }
}
