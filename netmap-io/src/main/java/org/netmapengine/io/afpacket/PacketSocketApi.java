package org.netmapengine.io.afpacket;

/**
 * Constants of Linux packet sockets ({@code <linux/if_packet.h>}), the interface ioctls and ethtool
 * ({@code <linux/sockios.h>}, {@code <linux/ethtool.h>}, {@code <linux/if.h>}) the AF_PACKET port uses, in one
 * place. {@code PacketLayoutTest} checks every value against what gcc reads in the system's headers.
 */
public final class PacketSocketApi
{
    // ---------------------------------------------------------------- protocols and option levels

    /** Every protocol: {@code htons(ETH_P_ALL)} is what a receiving socket binds to. */
    public static final int ETH_P_ALL = 0x0003;
    public static final int SOL_PACKET = 263;

    // ---------------------------------------------------------------- SOL_PACKET options

    public static final int PACKET_ADD_MEMBERSHIP = 1;
    public static final int PACKET_RX_RING = 5;
    /** {@code struct tpacket_stats_v3}; reading it resets the kernel's counters. */
    public static final int PACKET_STATISTICS = 6;
    public static final int PACKET_VERSION = 10;
    public static final int PACKET_TX_RING = 13;
    public static final int PACKET_FANOUT = 18;
    /** Transmit straight to the driver's queue, past the qdisc layer (and past other packet taps). */
    public static final int PACKET_QDISC_BYPASS = 20;
    /** Do not deliver this host's outgoing frames to the socket: a NIC's RX ring holds only what arrives. */
    public static final int PACKET_IGNORE_OUTGOING = 23;

    /** {@code packet_mreq.mr_type}: promiscuous mode, dropped by the kernel when the socket closes. */
    public static final int PACKET_MR_PROMISC = 1;

    /** Fanout by the flow hash of each frame (the RSS of netmap's hardware rings). */
    public static final int PACKET_FANOUT_HASH = 0;
    /** Fanout flag: reassemble IP fragments before hashing, so a flow's fragments meet the same socket. */
    public static final int PACKET_FANOUT_FLAG_DEFRAG = 0x8000;

    public static final int TPACKET_V2 = 1;
    public static final int TPACKET_V3 = 2;

    /** Frames and blocks in the rings start at multiples of this. */
    public static final int TPACKET_ALIGNMENT = 16;

    // ---------------------------------------------------------------- block_status and tp_status

    /** RX block or frame: owned by the kernel. */
    public static final int TP_STATUS_KERNEL = 0;
    /** RX block or frame: owned by user space. */
    public static final int TP_STATUS_USER = 1;
    /** RX frame: the kernel dropped frames before this one (the ring was full). */
    public static final int TP_STATUS_LOSING = 1 << 2;
    /** RX frame: the checksum is left to hardware (a locally sent frame with checksum offload on). */
    public static final int TP_STATUS_CSUMNOTREADY = 1 << 3;

    /** TX frame: free for user space. */
    public static final int TP_STATUS_AVAILABLE = 0;
    /** TX frame: filled by user space, to be sent. */
    public static final int TP_STATUS_SEND_REQUEST = 1;
    /** TX frame: being sent. */
    public static final int TP_STATUS_SENDING = 2;
    /** TX frame: the kernel refused it (malformed); user space must reset it. */
    public static final int TP_STATUS_WRONG_FORMAT = 4;

    // ---------------------------------------------------------------- sockaddr_ll.sll_pkttype

    /** A frame this host sent, looped back to taps. */
    public static final int PACKET_OUTGOING = 4;

    // ---------------------------------------------------------------- interface ioctls and ethtool

    public static final long SIOCGIFFLAGS = 0x8913;
    public static final long SIOCGIFMTU = 0x8921;
    public static final long SIOCETHTOOL = 0x8946;
    public static final int IFF_UP = 0x1;
    public static final int IFF_PROMISC = 0x100;

    /** Get RX checksum offload ({@code ethtool_value}). */
    public static final int ETHTOOL_GRXCSUM = 0x14;
    /** Get TX checksum offload. */
    public static final int ETHTOOL_GTXCSUM = 0x16;
    /** Get TCP segmentation offload. */
    public static final int ETHTOOL_GTSO = 0x1e;
    /** Get generic segmentation offload. */
    public static final int ETHTOOL_GGSO = 0x23;
    /** Get the {@code ETH_FLAG_*} flags (LRO among them). */
    public static final int ETHTOOL_GFLAGS = 0x25;
    /** Get generic receive offload. */
    public static final int ETHTOOL_GGRO = 0x2b;
    /** {@code ETHTOOL_GFLAGS} bit: large receive offload. */
    public static final int ETH_FLAG_LRO = 1 << 15;

    private PacketSocketApi()
    {
    }
}
