package org.netmapengine.io.emulated;

import org.netmapengine.io.afpacket.AfPacketBackend;
import org.netmapengine.io.name.ConfOption;
import org.netmapengine.io.name.PipeEnd;
import org.netmapengine.io.name.PortFlag;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.name.Prefix;
import org.netmapengine.io.name.RegMode;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

/**
 * netmap in user space, for machines without the kernel module: pipes ({@code netmap:NAME{ID} is the master
 * end, {@code netmap:NAME}ID} the slave end) in shared-memory files with the kernel's exact layout, so the
 * same ring code runs on both backends and two processes can share a pipe.
 * <p>
 * A pipe lives in its parent's region (the file {@code NAME.nmem}), as netmap pipes live in their parent's
 * memory, so every pipe of one parent can swap buffers with the others. {@code @N} puts the pipe in region
 * {@code mem-N} instead.
 * <p>
 * NIC names ({@code netmap:eth0}, {@code netmap:eth0-1}) open the Linux interface through packet sockets with
 * mmap rings ({@link AfPacketBackend}), as netmap's own emulated adapter does when the NIC has no native driver.
 * <p>
 * Thread-safe.
 */
public final class EmulatedBackend implements Backend
{
    private final EmulatedConfig config;
    private final AfPacketBackend nics;

    public EmulatedBackend(final EmulatedConfig config)
    {
        this.config = config;
        this.nics = new AfPacketBackend(config.afPacket());
    }

    public EmulatedBackend()
    {
        this(EmulatedConfig.DEFAULT);
    }

    public EmulatedConfig config()
    {
        return config;
    }

    @Override
    public BackendKind kind()
    {
        return BackendKind.EMULATED;
    }

    @Override
    public NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        if (spec.prefix() == Prefix.NETMAP && spec.pipeEnd() == PipeEnd.NONE)
        {
            return nics.open(spec, options);
        }
        checkSupported(spec);
        final ConfOption conf = spec.conf().orElse(null);
        final int rings = null == conf ? 0 : conf.effectiveTxRings();
        final long slots = null == conf ? 0 : conf.effectiveTxSlots();
        if (null != conf && (conf.effectiveRxRings() != rings || conf.effectiveRxSlots() != slots))
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                "emulated pipes have as many RX as TX rings and slots; give rings= and slots= only");
        }
        if (slots > Integer.MAX_VALUE)
        {
            throw new NetmapException(Reason.INVALID_REQUEST, spec.name(), "slots=" + slots + " is too large");
        }
        final String regionName = 0 != spec.memId() ? "mem-" + spec.memId() : spec.parent();
        final int memId = 0 != spec.memId() ? spec.memId() : derivedMemId(regionName);
        final EmulatedRegion region = EmulatedRegion.acquire(config, regionName, memId, spec.name());
        try
        {
            final int end = spec.pipeEnd() == PipeEnd.MASTER ? EmulatedRegionDescriptor.END_MASTER :
                EmulatedRegionDescriptor.END_SLAVE;
            final int oneRing = spec.mode() == RegMode.ONE_NIC ? spec.ringId() : -1;
            final PipeAllocator.OpenedEnd opened = region.withLock(() -> PipeAllocator.open(region, spec.name(),
                spec.kernelName(), spec.parent() + '|' + spec.pipeId(), end, rings, (int)slots, oneRing,
                !spec.hasFlag(PortFlag.RX_RINGS_ONLY), !spec.hasFlag(PortFlag.TX_RINGS_ONLY), options.extraBuffers()));
            final PipeEndpoint driver = new PipeEndpoint(region, spec.name(), opened, spec.flags());
            try
            {
                return NetmapPort.bind(spec, BackendKind.EMULATED,
                    "pipe " + (end == EmulatedRegionDescriptor.END_MASTER ? "master" : "slave") + " end in " +
                    region.path(), region.region(), opened.nifpOffset(), opened.extraBuffers(), options, driver);
            }
            catch (final RuntimeException e)
            {
                driver.close();
                throw e;
            }
        }
        catch (final RuntimeException e)
        {
            region.region().release();
            throw e;
        }
    }

    private static void checkSupported(final PortSpec spec)
    {
        if (spec.prefix() == Prefix.VALE)
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                "VALE switches need the netmap kernel module (backend 'kernel'); the emulated backend opens pipes " +
                "(netmap:NAME{ID and netmap:NAME}ID) and NICs (netmap:IF, netmap:IF-N)");
        }
        if (spec.mode() != RegMode.ALL_NIC && spec.mode() != RegMode.ONE_NIC)
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                "pipes have no host rings: " + spec.mode().description() + " cannot be bound");
        }
        for (final PortFlag flag : spec.flagSet())
        {
            if (flag == PortFlag.MONITOR_RX || flag == PortFlag.MONITOR_TX || flag == PortFlag.ZERO_COPY_MONITOR)
            {
                throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                    "monitor ports (/" + flag.letter() + ") need the netmap kernel module (backend 'kernel')");
            }
        }
        if (spec.extmem().isPresent() || spec.offset().isPresent() || spec.share().isPresent())
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                "@extmem, @offset and @share are kernel-backend options; the emulated backend takes @conf:rings=,slots=");
        }
    }

    /** A stable memory id for a region named by its parent, clear of the kernel's small ids. */
    static int derivedMemId(final String regionName)
    {
        return 1024 + Math.floorMod(regionName.hashCode(), 0xFFFF - 1024);
    }
}
