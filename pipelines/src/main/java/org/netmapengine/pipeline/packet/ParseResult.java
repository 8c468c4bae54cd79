package org.netmapengine.pipeline.packet;

import org.netmapengine.pipeline.DropReason;

/**
 * What {@link FrameParser} found: {@link #OK}, or why the frame cannot be parsed, with the {@link DropReason} a
 * stage drops it with. Constants, so returning one allocates nothing.
 */
public enum ParseResult
{
    /** Parsed as far as asked; fields the frame does not have are -1 in {@link ParsedFrame}. */
    OK(null),
    /** Fewer than 14 bytes: no room for two addresses and an EtherType. */
    TRUNCATED_ETHERNET("truncated-ethernet"),
    /** The frame ends inside a VLAN tag or before the EtherType after the last tag. */
    TRUNCATED_VLAN("truncated-vlan"),
    /** EtherType 0x0806 but fewer than 8 bytes, or fewer than 8 + 2 * (HLEN + PLEN). */
    TRUNCATED_ARP("truncated-arp"),
    /** Fewer bytes than the IPv4 header (20, or IHL * 4) or than its Total Length. */
    TRUNCATED_IPV4("truncated-ipv4"),
    /** EtherType 0x0800 but the version field is not 4. */
    BAD_IPV4_VERSION("bad-ipv4-version"),
    /** IHL below 5. */
    BAD_IPV4_IHL("bad-ipv4-ihl"),
    /** Total Length below the header length IHL * 4. */
    BAD_IPV4_LENGTH("bad-ipv4-length"),
    /** The header checksum does not sum to 0xFFFF. */
    BAD_IPV4_CHECKSUM("bad-ipv4-checksum"),
    /** A fragment reaching past 65535 bytes (offset * 8 + payload): the "ping of death". */
    BAD_IPV4_FRAGMENT("bad-ipv4-fragment"),
    /** Fewer than 40 bytes, or fewer than 40 plus the Payload Length. */
    TRUNCATED_IPV6("truncated-ipv6"),
    /** EtherType 0x86DD but the version field is not 6. */
    BAD_IPV6_VERSION("bad-ipv6-version"),
    /** An extension header reaches past the Payload Length. */
    TRUNCATED_IPV6_EXTENSION("truncated-ipv6-extension"),
    /** Hop-by-hop options other than first, or more than 8 extension headers. */
    BAD_IPV6_EXTENSION("bad-ipv6-extension"),
    /** The IP payload is shorter than a UDP header (8 bytes). */
    TRUNCATED_UDP("truncated-udp"),
    /** The UDP Length is below 8 or past the IP payload. */
    BAD_UDP_LENGTH("bad-udp-length"),
    /** The IP payload is shorter than a TCP header (20 bytes, or Data Offset * 4). */
    TRUNCATED_TCP("truncated-tcp"),
    /** TCP Data Offset below 5. */
    BAD_TCP_OFFSET("bad-tcp-offset"),
    /** The IPv4 payload is shorter than an ICMP header (8 bytes). */
    TRUNCATED_ICMP("truncated-icmp"),
    /** The IPv6 payload is shorter than an ICMPv6 header and its first word (8 bytes). */
    TRUNCATED_ICMPV6("truncated-icmpv6");

    private final DropReason reason;

    ParseResult(final String reason)
    {
        this.reason = null == reason ? null : DropReason.of(reason);
    }

    /** @return the reason to drop a frame with, or null for {@link #OK}. */
    public DropReason reason()
    {
        return reason;
    }
}
