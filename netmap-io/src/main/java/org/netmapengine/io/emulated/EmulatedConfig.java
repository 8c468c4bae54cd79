package org.netmapengine.io.emulated;

import org.netmapengine.io.afpacket.AfPacketConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Geometry and location of emulated memory regions. Applied when a region file is created; a process
 * that finds the file already in use adopts the geometry it has.
 *
 * @param directory   where region files live; {@code /dev/shm/netmap-engine} by default, so two processes
 *                    share them through tmpfs.
 * @param bufferSize  bytes per buffer (netmap's default 2048).
 * @param buffers     buffers per region, the reserved 0 and 1 included.
 * @param maxSlots    largest ring a pipe may ask for ({@code @conf:slots=}).
 * @param slots       slots per ring when the name does not say.
 * @param rings       ring objects per region (each pipe end has one TX and one RX ring per ring pair).
 * @param pipes       pipes per region.
 * @param afPacket    how NIC names ({@code netmap:eth0}) open on Linux packet sockets.
 */
public record EmulatedConfig(Path directory, int bufferSize, int buffers, int maxSlots, int slots, int rings, int pipes,
    AfPacketConfig afPacket)
{
    public static final EmulatedConfig DEFAULT = new EmulatedConfig(defaultDirectory(), 2048, 65536, 4096, 1024, 256, 64,
        AfPacketConfig.DEFAULT);

    public EmulatedConfig
    {
        if (bufferSize < 64 || bufferSize % 64 != 0 || bufferSize > 65536)
        {
            throw new IllegalArgumentException("bufferSize must be a multiple of 64 in [64, 65536]: bufferSize=" +
                bufferSize);
        }
        if (null == afPacket)
        {
            throw new IllegalArgumentException("afPacket must not be null");
        }
        if (buffers < 16 || slots < 2 || maxSlots < slots || rings < 4 || pipes < 1)
        {
            throw new IllegalArgumentException("implausible emulated geometry: buffers=" + buffers + " slots=" + slots +
                " maxSlots=" + maxSlots + " rings=" + rings + " pipes=" + pipes);
        }
    }

    public EmulatedConfig withDirectory(final Path dir)
    {
        return new EmulatedConfig(dir, bufferSize, buffers, maxSlots, slots, rings, pipes, afPacket);
    }

    public EmulatedConfig withBuffers(final int count)
    {
        return new EmulatedConfig(directory, bufferSize, count, maxSlots, slots, rings, pipes, afPacket);
    }

    public EmulatedConfig withSlots(final int count)
    {
        return new EmulatedConfig(directory, bufferSize, buffers, Math.max(maxSlots, count), count, rings, pipes, afPacket);
    }

    public EmulatedConfig withAfPacket(final AfPacketConfig config)
    {
        return new EmulatedConfig(directory, bufferSize, buffers, maxSlots, slots, rings, pipes, config);
    }

    private static Path defaultDirectory()
    {
        final Path shm = Path.of("/dev/shm");
        return (Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"))).resolve("netmap-engine");
    }
}
