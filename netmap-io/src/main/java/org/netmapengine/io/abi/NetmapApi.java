package org.netmapengine.io.abi;

/**
 * Constants of the netmap user-space ABI, API 14 ({@code sys/net/netmap.h}), in one place.
 * <p>
 * Values are checked against {@code shared/reference/netmap-seeds.md} by {@code NetmapApiTest}.
 * Struct layouts live in the {@code *Descriptor} classes of this package; ioctl request numbers in
 * {@link IoctlNumbers}.
 */
public final class NetmapApi
{
    // ---------------------------------------------------------------- versions and sizes

    /** The API version this engine speaks: {@code nmreq_header.nr_version}. */
    public static final int NETMAP_API = 14;
    /** Lowest version an API 14 kernel accepts: older requests get EINVAL ("API mismatch"). */
    public static final int NETMAP_MIN_API = 14;
    /** Highest version an API 14 kernel accepts. */
    public static final int NETMAP_MAX_API = 15;
    /** The kernel's cache-line estimate, the alignment of {@code netmap_ring.sem}. */
    public static final int NM_CACHE_ALIGN = 128;
    /** Interface name size of the legacy {@code nmreq} and of {@code netmap_if.ni_name}. */
    public static final int IFNAMSIZ = 16;
    /** Size of {@code nmreq_header.nr_name}, terminating NUL included. */
    public static final int NETMAP_REQ_IFNAMSIZ = 64;
    /** Cap on header + body + all options of one {@code NIOCCTRL} request. */
    public static final int NETMAP_REQ_MAXSIZE = 4096;
    /** Buffer size of the kernel's default allocator. */
    public static final int NETMAP_DEFAULT_BUF_SIZE = 2048;
    /** Buffer indices 0 and 1 are reserved; 0 also terminates the extra-buffer list. */
    public static final int NETMAP_FIRST_VALID_BUFFER = 2;

    // ---------------------------------------------------------------- nmreq_register.nr_mode

    /** Backward compatibility only: binding given by legacy {@code nr_ringid} bits. */
    public static final int NR_REG_DEFAULT = 0;
    /** All NIC ring pairs. */
    public static final int NR_REG_ALL_NIC = 1;
    /** The host (software) ring pair only. */
    public static final int NR_REG_SW = 2;
    /** All NIC ring pairs plus the host rings. */
    public static final int NR_REG_NIC_SW = 3;
    /** The single NIC ring pair {@code nr_ringid}. */
    public static final int NR_REG_ONE_NIC = 4;
    /** Legacy pipe master end; API 14 carries pipes in the name ({@code foo{1}). */
    public static final int NR_REG_PIPE_MASTER = 5;
    /** Legacy pipe slave end; API 14 carries pipes in the name ({@code foo}1}). */
    public static final int NR_REG_PIPE_SLAVE = 6;
    /** Bind no rings. */
    public static final int NR_REG_NULL = 7;
    /** One host ring pair {@code nr_ringid}, with multiple host rings. */
    public static final int NR_REG_ONE_SW = 8;
    /** Mask of the mode in the legacy {@code nr_flags}. */
    public static final int NR_REG_MASK = 0xF;

    // ---------------------------------------------------------------- nmreq_register.nr_flags (u64)

    /** Copy-monitor the TX side of the selected rings ({@code /t}). */
    public static final long NR_MONITOR_TX = 0x100L;
    /** Copy-monitor the RX side of the selected rings ({@code /r}). */
    public static final long NR_MONITOR_RX = 0x200L;
    /** Zero-copy monitor ({@code /z}). */
    public static final long NR_ZCOPY_MON = 0x400L;
    /** Exclusive access to the selected rings ({@code /x}); a second opener gets EBUSY. */
    public static final long NR_EXCLUSIVE = 0x800L;
    /** Legacy ptnetmap host request; unused in API 14. */
    public static final long NR_PTNETMAP_HOST = 0x1000L;
    /** Bind only the RX rings ({@code /R}). */
    public static final long NR_RX_RINGS_ONLY = 0x2000L;
    /** Bind only the TX rings ({@code /T}). */
    public static final long NR_TX_RINGS_ONLY = 0x4000L;
    /** The application handles frames that start with a virtio-net header. */
    public static final long NR_ACCEPT_VNET_HDR = 0x8000L;
    /** {@code poll()} also syncs RX rings when POLLIN is not requested. */
    public static final long NR_DO_RX_POLL = 0x10000L;
    /** {@code poll()} pushes pending TX only when POLLOUT is requested. */
    public static final long NR_NO_TX_POLL = 0x20000L;

    // ---------------------------------------------------------------- legacy nmreq.nr_ringid bits

    /** Ring number in {@code nr_ringid}; also the exclusive upper bound of {@code -N} in port names. */
    public static final int NETMAP_RING_MASK = 0x0FFF;
    /** Legacy twin of {@link #NR_NO_TX_POLL}. */
    public static final int NETMAP_NO_TX_POLL = 0x1000;
    /** Deprecated: bind only the host ring pair. */
    public static final int NETMAP_SW_RING = 0x2000;
    /** Deprecated: bind the single NIC ring pair in the low bits. */
    public static final int NETMAP_HW_RING = 0x4000;
    /** Legacy twin of {@link #NR_DO_RX_POLL}. */
    public static final int NETMAP_DO_RX_POLL = 0x8000;

    // ---------------------------------------------------------------- netmap_slot.flags (u16)

    /** Set whenever {@code buf_idx} changes: the driver must reload the buffer's DMA address. */
    public static final int NS_BUF_CHANGED = 0x0001;
    /** Ask the hardware to report when this slot has been sent. */
    public static final int NS_REPORT = 0x0002;
    /** Pass this slot to the peer ring (host to NIC or back) when released, with NR_FORWARD. */
    public static final int NS_FORWARD = 0x0004;
    /** VALE: do not learn the source port of this buffer. */
    public static final int NS_NO_LEARN = 0x0008;
    /** VALE TX: the data is at the user-space address in {@code ptr}. */
    public static final int NS_INDIRECT = 0x0010;
    /** Set on every slot of a multi-slot packet except the last. */
    public static final int NS_MOREFRAG = 0x0020;
    /** Monitor ports: the packet comes from the TX side of the monitored port. */
    public static final int NS_TXMON = 0x0040;
    /** Shift of the VALE destination port / fragment count in the high byte. */
    public static final int NS_PORT_SHIFT = 8;
    /** VALE destination port (TX) or fragment count (RX) in the high byte. */
    public static final int NS_PORT_MASK = 0xff << NS_PORT_SHIFT;
    /** Maximum number of fragments of one packet. */
    public static final int NETMAP_MAX_FRAGS = 64;

    // ---------------------------------------------------------------- netmap_ring.flags

    /** Update {@code ts} on every sync. */
    public static final int NR_TIMESTAMP = 0x0002;
    /** Enable {@link #NS_FORWARD} on this ring. */
    public static final int NR_FORWARD = 0x0004;

    // ---------------------------------------------------------------- netmap_if.ni_flags

    /** The port has a private memory region. */
    public static final int NI_PRIV_MEM = 0x1;

    // ---------------------------------------------------------------- nmreq_header.nr_reqtype

    public static final int NETMAP_REQ_REGISTER = 1;
    public static final int NETMAP_REQ_PORT_INFO_GET = 2;
    public static final int NETMAP_REQ_VALE_ATTACH = 3;
    public static final int NETMAP_REQ_VALE_DETACH = 4;
    public static final int NETMAP_REQ_VALE_LIST = 5;
    public static final int NETMAP_REQ_PORT_HDR_SET = 6;
    public static final int NETMAP_REQ_PORT_HDR_GET = 7;
    public static final int NETMAP_REQ_VALE_NEWIF = 8;
    public static final int NETMAP_REQ_VALE_DELIF = 9;
    public static final int NETMAP_REQ_VALE_POLLING_ENABLE = 10;
    public static final int NETMAP_REQ_VALE_POLLING_DISABLE = 11;
    public static final int NETMAP_REQ_POOLS_INFO_GET = 12;
    public static final int NETMAP_REQ_SYNC_KLOOP_START = 13;
    public static final int NETMAP_REQ_SYNC_KLOOP_STOP = 14;
    public static final int NETMAP_REQ_CSB_ENABLE = 15;

    // ---------------------------------------------------------------- nmreq_option.nro_reqtype

    public static final int NETMAP_REQ_OPT_EXTMEM = 1;
    public static final int NETMAP_REQ_OPT_SYNC_KLOOP_EVENTFDS = 2;
    public static final int NETMAP_REQ_OPT_CSB = 3;
    public static final int NETMAP_REQ_OPT_SYNC_KLOOP_MODE = 4;
    public static final int NETMAP_REQ_OPT_OFFSETS = 5;
    /** Marker: one past the last option type. */
    public static final int NETMAP_REQ_OPT_MAX = 6;

    // ---------------------------------------------------------------- legacy nmreq.nr_cmd

    public static final int NETMAP_BDG_ATTACH = 1;
    public static final int NETMAP_BDG_DETACH = 2;
    public static final int NETMAP_BDG_REGOPS = 3;
    public static final int NETMAP_BDG_LIST = 4;
    public static final int NETMAP_BDG_VNET_HDR = 5;
    public static final int NETMAP_BDG_NEWIF = 6;
    public static final int NETMAP_BDG_DELIF = 7;
    public static final int NETMAP_PT_HOST_CREATE = 8;
    public static final int NETMAP_PT_HOST_DELETE = 9;
    public static final int NETMAP_BDG_POLLING_ON = 10;
    public static final int NETMAP_BDG_POLLING_OFF = 11;
    public static final int NETMAP_VNET_HDR_GET = 12;
    public static final int NETMAP_POOLS_INFO_GET = 13;
    /** With {@link #NETMAP_BDG_ATTACH}: also attach the host stack. */
    public static final int NETMAP_BDG_HOST = 1;

    // ---------------------------------------------------------------- misc

    /** {@code nmreq_vale_polling.nr_mode}. */
    public static final int NETMAP_POLLING_MODE_SINGLE_CPU = 1;
    public static final int NETMAP_POLLING_MODE_MULTI_CPU = 2;
    /** {@code nmreq_opt_sync_kloop_mode.mode} bits. */
    public static final int NM_OPT_SYNC_KLOOP_DIRECT_TX = 1;
    public static final int NM_OPT_SYNC_KLOOP_DIRECT_RX = 2;
    /** Prefix of VALE port names. */
    public static final String NM_BDG_NAME = "vale";
    /** Size of the opaque data of {@code struct nm_ifreq}. */
    public static final int NM_IFRDATA_LEN = 256;

    private NetmapApi()
    {
    }
}
