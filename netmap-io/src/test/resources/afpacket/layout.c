/* Prints the offsets, sizes and constants of the packet-socket structs as the system's headers define them. */
#include <stdio.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/mman.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <linux/if_ether.h>
#include <linux/sockios.h>
#include <linux/ethtool.h>

#define OFF(tag, type, field) printf("%s.%s %zu\n", tag, #field, offsetof(type, field))
#define SIZE(tag, type) printf("%s.sizeof %zu\n", tag, sizeof(type))
#define CONST(name) printf("const.%s %ld\n", #name, (long)(name))

int main(void)
{
    OFF("req3", struct tpacket_req3, tp_block_size);
    OFF("req3", struct tpacket_req3, tp_block_nr);
    OFF("req3", struct tpacket_req3, tp_frame_size);
    OFF("req3", struct tpacket_req3, tp_frame_nr);
    OFF("req3", struct tpacket_req3, tp_retire_blk_tov);
    OFF("req3", struct tpacket_req3, tp_sizeof_priv);
    OFF("req3", struct tpacket_req3, tp_feature_req_word);
    SIZE("req3", struct tpacket_req3);

    OFF("block", struct tpacket_block_desc, version);
    OFF("block", struct tpacket_block_desc, offset_to_priv);
    OFF("block", struct tpacket_block_desc, hdr.bh1.block_status);
    OFF("block", struct tpacket_block_desc, hdr.bh1.num_pkts);
    OFF("block", struct tpacket_block_desc, hdr.bh1.offset_to_first_pkt);
    OFF("block", struct tpacket_block_desc, hdr.bh1.blk_len);
    OFF("block", struct tpacket_block_desc, hdr.bh1.seq_num);
    OFF("block", struct tpacket_block_desc, hdr.bh1.ts_first_pkt);
    OFF("block", struct tpacket_block_desc, hdr.bh1.ts_last_pkt);
    SIZE("block", struct tpacket_block_desc);

    OFF("hdr3", struct tpacket3_hdr, tp_next_offset);
    OFF("hdr3", struct tpacket3_hdr, tp_sec);
    OFF("hdr3", struct tpacket3_hdr, tp_nsec);
    OFF("hdr3", struct tpacket3_hdr, tp_snaplen);
    OFF("hdr3", struct tpacket3_hdr, tp_len);
    OFF("hdr3", struct tpacket3_hdr, tp_status);
    OFF("hdr3", struct tpacket3_hdr, tp_mac);
    OFF("hdr3", struct tpacket3_hdr, tp_net);
    OFF("hdr3", struct tpacket3_hdr, hv1.tp_rxhash);
    OFF("hdr3", struct tpacket3_hdr, hv1.tp_vlan_tci);
    OFF("hdr3", struct tpacket3_hdr, hv1.tp_vlan_tpid);
    SIZE("hdr3", struct tpacket3_hdr);
    printf("hdr3.sockaddr_ll %ld\n", (long)TPACKET_ALIGN(sizeof(struct tpacket3_hdr)));
    printf("hdr3.hdrlen %ld\n", (long)TPACKET3_HDRLEN);

    OFF("sll", struct sockaddr_ll, sll_family);
    OFF("sll", struct sockaddr_ll, sll_protocol);
    OFF("sll", struct sockaddr_ll, sll_ifindex);
    OFF("sll", struct sockaddr_ll, sll_hatype);
    OFF("sll", struct sockaddr_ll, sll_pkttype);
    OFF("sll", struct sockaddr_ll, sll_halen);
    OFF("sll", struct sockaddr_ll, sll_addr);
    SIZE("sll", struct sockaddr_ll);

    OFF("stats", struct tpacket_stats_v3, tp_packets);
    OFF("stats", struct tpacket_stats_v3, tp_drops);
    OFF("stats", struct tpacket_stats_v3, tp_freeze_q_cnt);
    SIZE("stats", struct tpacket_stats_v3);
    OFF("mreq", struct packet_mreq, mr_ifindex);
    OFF("mreq", struct packet_mreq, mr_type);
    OFF("mreq", struct packet_mreq, mr_alen);
    OFF("mreq", struct packet_mreq, mr_address);
    SIZE("mreq", struct packet_mreq);
    OFF("ifreq", struct ifreq, ifr_name);
    OFF("ifreq", struct ifreq, ifr_ifru);
    SIZE("ifreq", struct ifreq);
    OFF("ethtool", struct ethtool_value, cmd);
    OFF("ethtool", struct ethtool_value, data);
    SIZE("ethtool", struct ethtool_value);

    CONST(ETH_P_ALL); CONST(SOL_PACKET); CONST(AF_PACKET); CONST(SOCK_RAW); CONST(SOCK_DGRAM); CONST(AF_INET);
    CONST(SOCK_CLOEXEC); CONST(SOL_SOCKET); CONST(MSG_DONTWAIT); CONST(SO_SNDBUF); CONST(SO_RCVBUF);
    CONST(SO_SNDBUFFORCE); CONST(MAP_ANONYMOUS); CONST(MAP_POPULATE); CONST(MAP_SHARED);
    CONST(PACKET_ADD_MEMBERSHIP); CONST(PACKET_RX_RING); CONST(PACKET_STATISTICS); CONST(PACKET_VERSION);
    CONST(PACKET_TX_RING); CONST(PACKET_FANOUT); CONST(PACKET_QDISC_BYPASS); CONST(PACKET_IGNORE_OUTGOING);
    CONST(PACKET_MR_PROMISC); CONST(PACKET_FANOUT_HASH); CONST(PACKET_FANOUT_FLAG_DEFRAG);
    CONST(TPACKET_V2); CONST(TPACKET_V3); CONST(TPACKET_ALIGNMENT);
    CONST(TP_STATUS_KERNEL); CONST(TP_STATUS_USER); CONST(TP_STATUS_LOSING); CONST(TP_STATUS_CSUMNOTREADY);
    CONST(TP_STATUS_AVAILABLE); CONST(TP_STATUS_SEND_REQUEST); CONST(TP_STATUS_SENDING);
    CONST(TP_STATUS_WRONG_FORMAT); CONST(PACKET_OUTGOING);
    CONST(SIOCGIFFLAGS); CONST(SIOCGIFMTU); CONST(SIOCETHTOOL); CONST(IFF_UP); CONST(IFF_PROMISC);
    CONST(ETHTOOL_GRXCSUM); CONST(ETHTOOL_GTXCSUM); CONST(ETHTOOL_GTSO); CONST(ETHTOOL_GGSO);
    CONST(ETHTOOL_GFLAGS); CONST(ETHTOOL_GGRO); CONST(ETH_FLAG_LRO);
    return 0;
}
