package org.netmapengine.io.afpacket;

/**
 * Layouts of the small structs the AF_PACKET port passes to {@code setsockopt}, {@code getsockopt} and
 * {@code ioctl}, one block each.
 *
 * <pre>
 *   struct tpacket_stats_v3 (12)      struct packet_mreq (16)         struct ifreq (40)
 *     0  u32 tp_packets                 0  int mr_ifindex               0  char ifr_name[16]
 *     4  u32 tp_drops                   4  u16 mr_type                 16  union: ifr_flags (short),
 *     8  u32 tp_freeze_q_cnt            6  u16 mr_alen                     ifr_mtu (int), ifr_data (void *)
 *                                       8  u8  mr_address[8]
 *   struct ethtool_value (8)
 *     0  u32 cmd
 *     4  u32 data
 * </pre>
 * {@code tp_packets} counts the dropped frames too; reading the statistics resets them in the kernel.
 */
public final class SocketStructsDescriptor
{
    public static final int STATS_TP_PACKETS_OFFSET = 0;
    public static final int STATS_TP_DROPS_OFFSET = 4;
    public static final int STATS_TP_FREEZE_Q_CNT_OFFSET = 8;
    public static final int STATS_SIZE = 12;

    public static final int MREQ_IFINDEX_OFFSET = 0;
    public static final int MREQ_TYPE_OFFSET = 4;
    public static final int MREQ_ALEN_OFFSET = 6;
    public static final int MREQ_ADDRESS_OFFSET = 8;
    public static final int MREQ_SIZE = 16;

    public static final int IFR_NAME_OFFSET = 0;
    public static final int IFR_NAME_SIZE = 16;
    public static final int IFR_IFRU_OFFSET = 16;
    public static final int IFREQ_SIZE = 40;

    public static final int ETHTOOL_CMD_OFFSET = 0;
    public static final int ETHTOOL_DATA_OFFSET = 4;
    public static final int ETHTOOL_VALUE_SIZE = 8;

    private SocketStructsDescriptor()
    {
    }
}
