package org.netmapengine.io.pcap;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.name.ReplayOption;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens {@code pcap:PATH} names: a capture file replayed through a port with one RX ring and no TX ring, so offline
 * captures run through the same pipelines as live traffic. The file is checked at open (a pcap file, Ethernet);
 * packets flow from the first RX sync, paced as the name's {@code @replay} option says ({@link ReplayOption}).
 * <p>
 * Each open reads the file anew into memory of its own ({@link PcapPortMemory}), granting every extra buffer
 * asked for. Thread-safe.
 */
public final class PcapBackend implements Backend
{
    /** Slots of the RX ring. */
    public static final int DEFAULT_SLOTS = 1024;
    /** Bytes per buffer, netmap's default. */
    public static final int DEFAULT_BUFFER_SIZE = 2048;
    /** The most extra buffers one port may ask for. */
    public static final int MAX_EXTRA_BUFFERS = 1 << 20;

    private final int slots;
    private final int bufferSize;

    public PcapBackend(final int slots, final int bufferSize)
    {
        if (slots < 2 || slots > 1 << 16 || bufferSize < 64 || bufferSize > 65536)
        {
            throw new IllegalArgumentException("need slots in [2, 65536] and bufferSize in [64, 65536]: slots=" + slots +
                " bufferSize=" + bufferSize);
        }
        this.slots = slots;
        this.bufferSize = bufferSize;
    }

    public PcapBackend()
    {
        this(DEFAULT_SLOTS, DEFAULT_BUFFER_SIZE);
    }

    @Override
    public BackendKind kind()
    {
        return BackendKind.PCAP;
    }

    @Override
    public NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        if (!spec.isPcap())
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                "the pcap backend opens capture files (pcap:/path/file.pcap), not netmap ports");
        }
        if (options.extraBuffers() > MAX_EXTRA_BUFFERS)
        {
            throw new NetmapException(Reason.RESOURCE_EXHAUSTED, spec.name(), "asked for " + options.extraBuffers() +
                " extra buffers: a pcap port grants at most " + MAX_EXTRA_BUFFERS);
        }
        final PcapFileReader reader = openFile(spec);
        final PcapPortMemory memory;
        try
        {
            memory = PcapPortMemory.allocate(spec.name(), memId(spec), slots, bufferSize, options.extraBuffers());
        }
        catch (final RuntimeException e)
        {
            closeQuietly(reader);
            throw e;
        }
        final PcapReplay driver = new PcapReplay(spec.name(), reader, spec.replay().orElse(ReplayOption.DEFAULT),
            memory.region(), new RingView(memory.ringAddress()));
        try
        {
            return NetmapPort.bind(spec, BackendKind.PCAP, "replay of " + reader.path() + ", " +
                spec.replay().orElse(ReplayOption.DEFAULT).describe(), memory.region(), memory.nifpOffset(),
                options.extraBuffers(), options, driver);
        }
        catch (final RuntimeException e)
        {
            driver.close();
            memory.region().release();
            throw e;
        }
    }

    private static PcapFileReader openFile(final PortSpec spec)
    {
        final Path path = Path.of(spec.parent());
        try
        {
            return PcapFileReader.open(path);
        }
        catch (final NoSuchFileException e)
        {
            throw new NetmapException(Reason.UNKNOWN_INTERFACE, spec.name(), "no capture file " + path, e);
        }
        catch (final IOException e)
        {
            final String message = null == e.getMessage() ? e.toString() : e.getMessage();
            throw new NetmapException(Reason.INVALID_REQUEST, spec.name(), message, e);
        }
    }

    private static void closeQuietly(final PcapFileReader reader)
    {
        try
        {
            reader.close();
        }
        catch (final IOException ignored)
        {
            // the open already failed; that error is the one to report
        }
    }

    /** A memory id to report, clear of the kernel's small ids and of the emulated ones' range. */
    private static int memId(final PortSpec spec)
    {
        return 0x10000 + Math.floorMod(spec.parent().hashCode(), 0x10000);
    }
}
