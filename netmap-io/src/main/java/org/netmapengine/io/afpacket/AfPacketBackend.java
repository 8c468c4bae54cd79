package org.netmapengine.io.afpacket;

import org.netmapengine.io.name.ConfOption;
import org.netmapengine.io.name.PortFlag;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.name.RegMode;
import org.netmapengine.io.os.LibC;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens NIC ports ({@code netmap:IF}, {@code netmap:IF-N}) in emulated mode on Linux, as netmap's generic adapter
 * does in the kernel, but from user space: every bound ring pair gets a packet socket with a TPACKET_V3 receive
 * ring and one with a TX ring, and the port's netmap rings and buffers live in a private region laid out as the
 * kernel's ({@link PortMemory}), so receivers, transmitters and stages cannot tell the difference.
 * <p>
 * Rings: the interface's receive queues ({@code /sys/class/net/IF/queues/rx-*}), or {@code @conf:rings=K}. With
 * more than one ring, the RX socket of ring {@code N} joins a fanout group of the interface (by flow hash), so
 * {@code netmap:IF-0 .. IF-(K-1)} opened by K receivers split the traffic like hardware rings; with one ring there
 * is no fanout and every opener sees every frame. Two processes that open {@code -N} ports of the same interface
 * join the same group, as two netmap processes share hardware rings.
 * <p>
 * Host rings ({@code ^}, {@code *}), monitors and the kernel-only options are refused with NOT_SUPPORTED.
 * Thread-safe.
 */
public final class AfPacketBackend
{
    private static final Logger LOG = LoggerFactory.getLogger(AfPacketBackend.class);
    private static final int TX_BLOCK_SIZE = 1 << 16;
    private static final long MAX_TX_RING_BYTES = 1L << 30;
    /** TPACKET_V3 receive frames are variable; this nominal size only has to divide the block. */
    private static final int RX_FRAME_SIZE = 2048;

    private final AfPacketConfig config;

    public AfPacketBackend(final AfPacketConfig config)
    {
        this.config = config;
    }

    public AfPacketConfig config()
    {
        return config;
    }

    /**
     * @throws NetmapException UNKNOWN_INTERFACE, PERMISSION_DENIED (no CAP_NET_RAW), NOT_SUPPORTED, INVALID_REQUEST,
     *                         RESOURCE_EXHAUSTED, SYSTEM_ERROR; nothing is left open.
     */
    public NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        checkSupported(spec);
        final InterfaceInfo info = InterfaceInfo.read(spec.parent(), spec.name());
        final ConfOption conf = spec.conf().orElse(null);
        final int rings = null != conf && conf.effectiveRxRings() > 0 ? conf.effectiveRxRings() : info.rxQueues();
        final long slots = null != conf && conf.effectiveRxSlots() > 0 ? conf.effectiveRxSlots() : config.slots();
        if (rings > 64 || slots < 2 || slots > 65536)
        {
            throw new NetmapException(Reason.INVALID_REQUEST, spec.name(), "emulated NIC ports take rings in [1, 64] " +
                "and slots in [2, 65536]: rings=" + rings + " slots=" + slots);
        }
        if (spec.mode() == RegMode.ONE_NIC && spec.ringId() >= rings)
        {
            throw new NetmapException(Reason.INVALID_REQUEST, spec.name(), "ring " + spec.ringId() + " out of range: " +
                info.name() + " has " + rings + " ring" + (1 == rings ? "" : "s") + " (its receive queues; " +
                "@conf:rings=K emulates K)");
        }
        final boolean[] rxBound = new boolean[rings];
        final boolean[] txBound = new boolean[rings];
        for (int k = 0; k < rings; k++)
        {
            final boolean selected = spec.mode() == RegMode.ALL_NIC || spec.ringId() == k;
            rxBound[k] = selected && !spec.hasFlag(PortFlag.TX_RINGS_ONLY);
            txBound[k] = selected && !spec.hasFlag(PortFlag.RX_RINGS_ONLY);
        }
        final PortMemory memory = PortMemory.allocate(spec.name(), info.name(), rings, txBound, rxBound, (int)slots,
            config.bufferSize(), options.extraBuffers());
        final List<PacketSocket> sockets = new ArrayList<>();
        try
        {
            final List<RxChannel> rx = new ArrayList<>();
            final List<TxChannel> tx = new ArrayList<>();
            final int txFrameSize = txFrameSize(info.mtu());
            for (int k = 0; k < rings; k++)
            {
                if (txBound[k])
                {
                    final PacketSocket socket = PacketSocket.open(spec.name());
                    sockets.add(socket);
                    tx.add(openTx(socket, info, new RingView(memory.txRing(k)), txFrameSize));
                }
            }
            for (int k = 0; k < rings; k++)
            {
                if (rxBound[k])
                {
                    final PacketSocket socket = PacketSocket.open(spec.name());
                    sockets.add(socket);
                    rx.add(openRx(socket, info, new RingView(memory.rxRing(k)), memory, rings > 1));
                }
            }
            final AfPacketDriver driver = new AfPacketDriver(spec.name(), rx.toArray(new RxChannel[0]),
                tx.toArray(new TxChannel[0]), spec.flags());
            final NetmapPort port = NetmapPort.bind(spec, BackendKind.EMULATED, detail(info, rings, (int)slots,
                txFrameSize), memory.region(), 0, options.extraBuffers(), options, driver);
            report(spec, info);
            return port;
        }
        catch (final RuntimeException e)
        {
            sockets.forEach(PacketSocket::close);
            memory.region().release();
            throw e;
        }
    }

    private TxChannel openTx(final PacketSocket socket, final InterfaceInfo info, final RingView ring,
        final int frameSize)
    {
        socket.setInt(PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_VERSION, PacketSocketApi.TPACKET_V3,
            "PACKET_VERSION TPACKET_V3");
        if (config.qdiscBypass())
        {
            socket.setInt(PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_QDISC_BYPASS, 1, "PACKET_QDISC_BYPASS");
        }
        // Room for a ring's worth of frames in flight (root may exceed wmem_max); a refusal only costs speed.
        socket.trySetInt(LibC.SOL_SOCKET, LibC.SO_SNDBUFFORCE, 4 << 20);
        final int blockSize = Math.max(TX_BLOCK_SIZE, frameSize);
        final int framesPerBlock = blockSize / frameSize;
        final int blocks = (config.txFrames() + framesPerBlock - 1) / framesPerBlock;
        if ((long)blocks * blockSize > MAX_TX_RING_BYTES)
        {
            // The frames are addressed with int offsets; RX rings have the same bound.
            throw new NetmapException(Reason.INVALID_REQUEST, info.name(), "tx-frames = " + config.txFrames() +
                " frames of " + frameSize + " bytes (from the MTU) need " + (long)blocks * blockSize +
                " bytes: at most 1 GiB per TX ring, so at most " + MAX_TX_RING_BYTES / blockSize * framesPerBlock +
                " frames here");
        }
        socket.ring(PacketSocketApi.PACKET_TX_RING, blockSize, blocks, frameSize, 0);
        // Protocol 0: a transmitting socket receives nothing.
        socket.bind(info.index(), 0);
        return new TxChannel(socket, ring, frameSize, blocks * framesPerBlock);
    }

    private RxChannel openRx(final PacketSocket socket, final InterfaceInfo info, final RingView ring,
        final PortMemory memory, final boolean fanout)
    {
        socket.setInt(PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_VERSION, PacketSocketApi.TPACKET_V3,
            "PACKET_VERSION TPACKET_V3");
        final boolean kernelSkipsOutgoing =
            socket.trySetInt(PacketSocketApi.SOL_PACKET, PacketSocketApi.PACKET_IGNORE_OUTGOING, 1);
        socket.ring(PacketSocketApi.PACKET_RX_RING, config.rxBlockSize(), config.rxBlocks(), RX_FRAME_SIZE,
            config.retireMillis());
        if (config.promiscuous())
        {
            socket.promiscuous(info.index());
        }
        socket.bind(info.index(), PacketSocketApi.ETH_P_ALL);
        if (fanout)
        {
            socket.joinFanout(fanoutGroup(info.index()));
        }
        return new RxChannel(socket, ring, config.rxBlockSize(), config.rxBlocks(), memory.region().bufferCount(),
            !kernelSkipsOutgoing, config.multiSlot());
    }

    /** @return the fanout group of an interface: the same for every opener of its rings in this namespace. */
    static int fanoutGroup(final int ifindex)
    {
        return (0x6E6D ^ (ifindex * 0x9E37)) & 0xFFFF;
    }

    /** @return a TX frame that holds the largest frame the interface sends (MTU + Ethernet and VLAN headers). */
    static int txFrameSize(final int mtu)
    {
        final int needed = Tpacket3HdrDescriptor.TX_DATA_OFFSET + Math.max(mtu, 1500) + 18;
        return Math.max(2048, Integer.highestOneBit(needed - 1) << 1);
    }

    private String detail(final InterfaceInfo info, final int rings, final int slots, final int txFrameSize)
    {
        return String.format(Locale.ROOT, "af_packet %s ifindex %d mtu %d%s: %d ring%s of %d slots; rx TPACKET_V3 " +
            "%d blocks x %d KiB, retire %d ms%s%s; tx %d frames x %d%s; copies frames between kernel rings and " +
            "netmap buffers; offloads %s",
            info.name(), info.index(), info.mtu(), info.isUp() ? "" : " (down)", rings, 1 == rings ? "" : "s", slots,
            config.rxBlocks(), config.rxBlockSize() / 1024, config.retireMillis(),
            rings > 1 ? ", fanout hash group " + fanoutGroup(info.index()) : "",
            config.promiscuous() ? ", promiscuous" : "", config.txFrames(), txFrameSize,
            config.qdiscBypass() ? ", qdisc bypass" : "",
            info.offloads().isEmpty() ? "off" : "on: " + String.join(" ", info.offloads()));
    }

    private static void report(final PortSpec spec, final InterfaceInfo info)
    {
        final String warning = info.offloadWarning();
        if (null != warning)
        {
            LOG.warn("{}: {}", spec.name(), warning);
        }
        if (!info.isUp())
        {
            LOG.warn("{}: interface {} is down: nothing arrives and nothing can be sent until it is up", spec.name(),
                info.name());
        }
    }

    private static void checkSupported(final PortSpec spec)
    {
        if (spec.mode() != RegMode.ALL_NIC && spec.mode() != RegMode.ONE_NIC)
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(), "emulated NIC ports have no host rings: " +
                spec.mode().description() + " needs the netmap kernel module (backend 'kernel')");
        }
        for (final PortFlag flag : spec.flagSet())
        {
            if (flag == PortFlag.MONITOR_RX || flag == PortFlag.MONITOR_TX || flag == PortFlag.ZERO_COPY_MONITOR)
            {
                throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(),
                    "monitor ports (/" + flag.letter() + ") need the netmap kernel module (backend 'kernel')");
            }
        }
        if (spec.extmem().isPresent() || spec.offset().isPresent() || spec.share().isPresent() || 0 != spec.memId())
        {
            throw new NetmapException(Reason.NOT_SUPPORTED, spec.name(), "@N, @extmem, @offset and @share are " +
                "kernel-backend options; an emulated NIC port has its own memory and takes @conf:rings=,slots=");
        }
    }
}
