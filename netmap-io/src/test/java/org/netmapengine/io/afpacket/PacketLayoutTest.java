package org.netmapengine.io.afpacket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.abi.GccLayout;
import org.netmapengine.io.os.LibC;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gcc reads the system's {@code <linux/if_packet.h>}, {@code <linux/ethtool.h>} and friends and prints every
 * offset, size and constant the AF_PACKET port uses; the Java descriptors must agree with each one.
 */
class PacketLayoutTest
{
    @TempDir
    static Path dir;

    private static Map<String, Long> GCC;

    @BeforeAll
    static void compileAndRun() throws IOException, InterruptedException
    {
        GCC = GccLayout.measure("/afpacket/layout.c", dir);
    }

    @Test
    void shouldAgreeWithGccOnEveryOffsetAndSize()
    {
        final Map<String, Integer> java = new LinkedHashMap<>();
        java.put("req3.tp_block_size", TpacketReq3Descriptor.TP_BLOCK_SIZE_OFFSET);
        java.put("req3.tp_block_nr", TpacketReq3Descriptor.TP_BLOCK_NR_OFFSET);
        java.put("req3.tp_frame_size", TpacketReq3Descriptor.TP_FRAME_SIZE_OFFSET);
        java.put("req3.tp_frame_nr", TpacketReq3Descriptor.TP_FRAME_NR_OFFSET);
        java.put("req3.tp_retire_blk_tov", TpacketReq3Descriptor.TP_RETIRE_BLK_TOV_OFFSET);
        java.put("req3.tp_sizeof_priv", TpacketReq3Descriptor.TP_SIZEOF_PRIV_OFFSET);
        java.put("req3.tp_feature_req_word", TpacketReq3Descriptor.TP_FEATURE_REQ_WORD_OFFSET);
        java.put("req3.sizeof", TpacketReq3Descriptor.SIZE);
        java.put("block.version", TpacketBlockDescriptor.VERSION_OFFSET);
        java.put("block.offset_to_priv", TpacketBlockDescriptor.OFFSET_TO_PRIV_OFFSET);
        java.put("block.hdr.bh1.block_status", TpacketBlockDescriptor.BLOCK_STATUS_OFFSET);
        java.put("block.hdr.bh1.num_pkts", TpacketBlockDescriptor.NUM_PKTS_OFFSET);
        java.put("block.hdr.bh1.offset_to_first_pkt", TpacketBlockDescriptor.OFFSET_TO_FIRST_PKT_OFFSET);
        java.put("block.hdr.bh1.blk_len", TpacketBlockDescriptor.BLK_LEN_OFFSET);
        java.put("block.hdr.bh1.seq_num", TpacketBlockDescriptor.SEQ_NUM_OFFSET);
        java.put("block.hdr.bh1.ts_first_pkt", TpacketBlockDescriptor.TS_FIRST_PKT_OFFSET);
        java.put("block.hdr.bh1.ts_last_pkt", TpacketBlockDescriptor.TS_LAST_PKT_OFFSET);
        java.put("block.sizeof", TpacketBlockDescriptor.SIZE);
        java.put("hdr3.tp_next_offset", Tpacket3HdrDescriptor.TP_NEXT_OFFSET_OFFSET);
        java.put("hdr3.tp_sec", Tpacket3HdrDescriptor.TP_SEC_OFFSET);
        java.put("hdr3.tp_nsec", Tpacket3HdrDescriptor.TP_NSEC_OFFSET);
        java.put("hdr3.tp_snaplen", Tpacket3HdrDescriptor.TP_SNAPLEN_OFFSET);
        java.put("hdr3.tp_len", Tpacket3HdrDescriptor.TP_LEN_OFFSET);
        java.put("hdr3.tp_status", Tpacket3HdrDescriptor.TP_STATUS_OFFSET);
        java.put("hdr3.tp_mac", Tpacket3HdrDescriptor.TP_MAC_OFFSET);
        java.put("hdr3.tp_net", Tpacket3HdrDescriptor.TP_NET_OFFSET);
        java.put("hdr3.hv1.tp_rxhash", Tpacket3HdrDescriptor.TP_RXHASH_OFFSET);
        java.put("hdr3.hv1.tp_vlan_tci", Tpacket3HdrDescriptor.TP_VLAN_TCI_OFFSET);
        java.put("hdr3.hv1.tp_vlan_tpid", Tpacket3HdrDescriptor.TP_VLAN_TPID_OFFSET);
        java.put("hdr3.sizeof", Tpacket3HdrDescriptor.SIZE);
        java.put("hdr3.sockaddr_ll", Tpacket3HdrDescriptor.SOCKADDR_LL_OFFSET);
        java.put("hdr3.hdrlen", Tpacket3HdrDescriptor.HDRLEN);
        java.put("sll.sll_family", SockaddrLlDescriptor.SLL_FAMILY_OFFSET);
        java.put("sll.sll_protocol", SockaddrLlDescriptor.SLL_PROTOCOL_OFFSET);
        java.put("sll.sll_ifindex", SockaddrLlDescriptor.SLL_IFINDEX_OFFSET);
        java.put("sll.sll_hatype", SockaddrLlDescriptor.SLL_HATYPE_OFFSET);
        java.put("sll.sll_pkttype", SockaddrLlDescriptor.SLL_PKTTYPE_OFFSET);
        java.put("sll.sll_halen", SockaddrLlDescriptor.SLL_HALEN_OFFSET);
        java.put("sll.sll_addr", SockaddrLlDescriptor.SLL_ADDR_OFFSET);
        java.put("sll.sizeof", SockaddrLlDescriptor.SIZE);
        java.put("stats.tp_packets", SocketStructsDescriptor.STATS_TP_PACKETS_OFFSET);
        java.put("stats.tp_drops", SocketStructsDescriptor.STATS_TP_DROPS_OFFSET);
        java.put("stats.tp_freeze_q_cnt", SocketStructsDescriptor.STATS_TP_FREEZE_Q_CNT_OFFSET);
        java.put("stats.sizeof", SocketStructsDescriptor.STATS_SIZE);
        java.put("mreq.mr_ifindex", SocketStructsDescriptor.MREQ_IFINDEX_OFFSET);
        java.put("mreq.mr_type", SocketStructsDescriptor.MREQ_TYPE_OFFSET);
        java.put("mreq.mr_alen", SocketStructsDescriptor.MREQ_ALEN_OFFSET);
        java.put("mreq.mr_address", SocketStructsDescriptor.MREQ_ADDRESS_OFFSET);
        java.put("mreq.sizeof", SocketStructsDescriptor.MREQ_SIZE);
        java.put("ifreq.ifr_name", SocketStructsDescriptor.IFR_NAME_OFFSET);
        java.put("ifreq.ifr_ifru", SocketStructsDescriptor.IFR_IFRU_OFFSET);
        java.put("ifreq.sizeof", SocketStructsDescriptor.IFREQ_SIZE);
        java.put("ethtool.cmd", SocketStructsDescriptor.ETHTOOL_CMD_OFFSET);
        java.put("ethtool.data", SocketStructsDescriptor.ETHTOOL_DATA_OFFSET);
        java.put("ethtool.sizeof", SocketStructsDescriptor.ETHTOOL_VALUE_SIZE);

        GCC.keySet().stream().filter(k -> !k.startsWith("const.")).forEach(k ->
            assertTrue(java.containsKey(k), "gcc printed " + k + " and Java has no counterpart"));
        java.forEach((field, offset) -> assertEquals(GCC.get(field), (long)offset, field));
    }

    @Test
    void shouldAgreeWithTheSystemHeadersOnEveryConstant()
    {
        final Map<String, Long> java = new LinkedHashMap<>();
        java.put("ETH_P_ALL", (long)PacketSocketApi.ETH_P_ALL);
        java.put("SOL_PACKET", (long)PacketSocketApi.SOL_PACKET);
        java.put("AF_PACKET", (long)LibC.AF_PACKET);
        java.put("SOCK_RAW", (long)LibC.SOCK_RAW);
        java.put("SOCK_DGRAM", (long)LibC.SOCK_DGRAM);
        java.put("AF_INET", (long)LibC.AF_INET);
        java.put("SOCK_CLOEXEC", (long)LibC.SOCK_CLOEXEC);
        java.put("SOL_SOCKET", (long)LibC.SOL_SOCKET);
        java.put("MSG_DONTWAIT", (long)LibC.MSG_DONTWAIT);
        java.put("SO_SNDBUF", (long)LibC.SO_SNDBUF);
        java.put("SO_RCVBUF", (long)LibC.SO_RCVBUF);
        java.put("SO_SNDBUFFORCE", (long)LibC.SO_SNDBUFFORCE);
        java.put("MAP_ANONYMOUS", (long)LibC.MAP_ANONYMOUS);
        java.put("MAP_POPULATE", (long)LibC.MAP_POPULATE);
        java.put("MAP_SHARED", (long)LibC.MAP_SHARED);
        java.put("PACKET_ADD_MEMBERSHIP", (long)PacketSocketApi.PACKET_ADD_MEMBERSHIP);
        java.put("PACKET_RX_RING", (long)PacketSocketApi.PACKET_RX_RING);
        java.put("PACKET_STATISTICS", (long)PacketSocketApi.PACKET_STATISTICS);
        java.put("PACKET_VERSION", (long)PacketSocketApi.PACKET_VERSION);
        java.put("PACKET_TX_RING", (long)PacketSocketApi.PACKET_TX_RING);
        java.put("PACKET_FANOUT", (long)PacketSocketApi.PACKET_FANOUT);
        java.put("PACKET_QDISC_BYPASS", (long)PacketSocketApi.PACKET_QDISC_BYPASS);
        java.put("PACKET_IGNORE_OUTGOING", (long)PacketSocketApi.PACKET_IGNORE_OUTGOING);
        java.put("PACKET_MR_PROMISC", (long)PacketSocketApi.PACKET_MR_PROMISC);
        java.put("PACKET_FANOUT_HASH", (long)PacketSocketApi.PACKET_FANOUT_HASH);
        java.put("PACKET_FANOUT_FLAG_DEFRAG", (long)PacketSocketApi.PACKET_FANOUT_FLAG_DEFRAG);
        java.put("TPACKET_V2", (long)PacketSocketApi.TPACKET_V2);
        java.put("TPACKET_V3", (long)PacketSocketApi.TPACKET_V3);
        java.put("TPACKET_ALIGNMENT", (long)PacketSocketApi.TPACKET_ALIGNMENT);
        java.put("TP_STATUS_KERNEL", (long)PacketSocketApi.TP_STATUS_KERNEL);
        java.put("TP_STATUS_USER", (long)PacketSocketApi.TP_STATUS_USER);
        java.put("TP_STATUS_LOSING", (long)PacketSocketApi.TP_STATUS_LOSING);
        java.put("TP_STATUS_CSUMNOTREADY", (long)PacketSocketApi.TP_STATUS_CSUMNOTREADY);
        java.put("TP_STATUS_AVAILABLE", (long)PacketSocketApi.TP_STATUS_AVAILABLE);
        java.put("TP_STATUS_SEND_REQUEST", (long)PacketSocketApi.TP_STATUS_SEND_REQUEST);
        java.put("TP_STATUS_SENDING", (long)PacketSocketApi.TP_STATUS_SENDING);
        java.put("TP_STATUS_WRONG_FORMAT", (long)PacketSocketApi.TP_STATUS_WRONG_FORMAT);
        java.put("PACKET_OUTGOING", (long)PacketSocketApi.PACKET_OUTGOING);
        java.put("SIOCGIFFLAGS", PacketSocketApi.SIOCGIFFLAGS);
        java.put("SIOCGIFMTU", PacketSocketApi.SIOCGIFMTU);
        java.put("SIOCETHTOOL", PacketSocketApi.SIOCETHTOOL);
        java.put("IFF_UP", (long)PacketSocketApi.IFF_UP);
        java.put("IFF_PROMISC", (long)PacketSocketApi.IFF_PROMISC);
        java.put("ETHTOOL_GRXCSUM", (long)PacketSocketApi.ETHTOOL_GRXCSUM);
        java.put("ETHTOOL_GTXCSUM", (long)PacketSocketApi.ETHTOOL_GTXCSUM);
        java.put("ETHTOOL_GTSO", (long)PacketSocketApi.ETHTOOL_GTSO);
        java.put("ETHTOOL_GGSO", (long)PacketSocketApi.ETHTOOL_GGSO);
        java.put("ETHTOOL_GFLAGS", (long)PacketSocketApi.ETHTOOL_GFLAGS);
        java.put("ETHTOOL_GGRO", (long)PacketSocketApi.ETHTOOL_GGRO);
        java.put("ETH_FLAG_LRO", (long)PacketSocketApi.ETH_FLAG_LRO);

        GCC.keySet().stream().filter(k -> k.startsWith("const.")).forEach(k ->
            assertTrue(java.containsKey(k.substring(6)), "gcc printed " + k + " and Java has no counterpart"));
        java.forEach((name, value) -> assertEquals(GCC.get("const." + name), value, name));
    }
}
