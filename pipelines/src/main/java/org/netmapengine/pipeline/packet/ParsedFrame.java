package org.netmapengine.pipeline.packet;

/**
 * Where the headers of one frame are, as {@link FrameParser} found them: offsets from the frame's first byte and
 * the few fields stages decide on. One instance per stage, refilled for every frame; -1 means "not present".
 * <p>
 * Not thread-safe.
 */
public final class ParsedFrame
{
    int vlanCount;
    int outerVlanId;
    int innerVlanId;
    int etherType;
    int l3Offset;
    int l3Length;
    int arpOperation;
    boolean ethernetIpv4Arp;
    int ipVersion;
    int protocol;
    boolean fragment;
    boolean laterFragment;
    int l4Offset;
    int l4Length;
    int sourcePort;
    int destinationPort;
    int tcpFlags;
    int icmpType;
    int icmpCode;

    public ParsedFrame()
    {
        reset();
    }

    @Override
    public String toString()
    {
        return "ParsedFrame[vlans=" + vlanCount + " outer=" + outerVlanId + " inner=" + innerVlanId + " etherType=" +
            etherType + " l3=" + l3Offset + "+" + l3Length + " arp=" + arpOperation + "/" + ethernetIpv4Arp + " ip=" +
            ipVersion + " protocol=" + protocol + " fragment=" + fragment + "/" + laterFragment + " l4=" + l4Offset +
            "+" + l4Length + " ports=" + sourcePort + ">" + destinationPort + " tcpFlags=" + tcpFlags + " icmp=" +
            icmpType + "/" + icmpCode + "]";
    }

    /**
     * Fills every field for untagged UDP over IPv4 without options, in one pass: what {@link #reset} and the
     * step-by-step parse of such a frame leave, which a property test holds the two to. Change both together.
     */
    void untaggedUdpOverIpv4(final int totalLength, final boolean fragment, final int sourcePort,
        final int destinationPort)
    {
        vlanCount = 0;
        outerVlanId = -1;
        innerVlanId = -1;
        etherType = EthernetDescriptor.ETHER_TYPE_IPV4;
        l3Offset = EthernetDescriptor.HEADER_LENGTH;
        l3Length = totalLength;
        arpOperation = -1;
        ethernetIpv4Arp = false;
        ipVersion = Ipv4Descriptor.VERSION;
        protocol = TransportDescriptor.PROTOCOL_UDP;
        this.fragment = fragment;
        laterFragment = false;
        l4Offset = EthernetDescriptor.HEADER_LENGTH + Ipv4Descriptor.MIN_HEADER_LENGTH;
        l4Length = totalLength - Ipv4Descriptor.MIN_HEADER_LENGTH;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        tcpFlags = -1;
        icmpType = -1;
        icmpCode = -1;
    }

    /** Forgets the previous frame. */
    public void reset()
    {
        vlanCount = 0;
        outerVlanId = -1;
        innerVlanId = -1;
        etherType = -1;
        l3Offset = -1;
        l3Length = -1;
        arpOperation = -1;
        ethernetIpv4Arp = false;
        ipVersion = -1;
        protocol = -1;
        fragment = false;
        laterFragment = false;
        l4Offset = -1;
        l4Length = -1;
        sourcePort = -1;
        destinationPort = -1;
        tcpFlags = -1;
        icmpType = -1;
        icmpCode = -1;
    }

    /** @return how many 802.1Q / 802.1ad tags precede the EtherType. */
    public int vlanCount()
    {
        return vlanCount;
    }

    /** @return the VLAN id of the first (outer) tag, or -1 when untagged. */
    public int outerVlanId()
    {
        return outerVlanId;
    }

    /** @return the VLAN id of the second tag (QinQ's customer tag), or -1 with fewer than two tags. */
    public int innerVlanId()
    {
        return innerVlanId;
    }

    /** @return the EtherType after any VLAN tags. */
    public int etherType()
    {
        return etherType;
    }

    /** @return where the network header starts: 14 plus 4 per VLAN tag. */
    public int l3Offset()
    {
        return l3Offset;
    }

    /**
     * @return bytes of the network layer: the IPv4 Total Length, the IPv6 header plus Payload Length, or the rest
     * of the frame for other EtherTypes.
     */
    public int l3Length()
    {
        return l3Length;
    }

    /** @return the ARP Operation (1 request, 2 reply), -1 when not ARP. */
    public int arpOperation()
    {
        return arpOperation;
    }

    /**
     * @return whether the frame is ARP for IPv4 over Ethernet (hardware type 1, protocol 0x0800, lengths 6 and 4),
     * whose addresses {@link ArpDescriptor} locates.
     */
    public boolean isEthernetIpv4Arp()
    {
        return arpOperation >= 0 && ethernetIpv4Arp;
    }

    /** @return 4 or 6 for IP, -1 otherwise. */
    public int ipVersion()
    {
        return ipVersion;
    }

    /**
     * @return the IPv4 Protocol, or the IPv6 Next Header after the extension headers (that of the upper layer:
     * 6 for TCP behind a routing header), -1 when not IP.
     */
    public int protocol()
    {
        return protocol;
    }

    /** @return whether the datagram is a fragment, first or later (IPv4 MF or offset; an IPv6 fragment header). */
    public boolean fragment()
    {
        return fragment;
    }

    /** @return whether it is a fragment other than the first: no upper-layer header to read. */
    public boolean laterFragment()
    {
        return laterFragment;
    }

    /**
     * @return where the upper-layer header (UDP, TCP, ICMP, ICMPv6 or any other protocol's) starts; -1 for later
     * fragments, non-IP frames and IPv6 packets ending in ESP or No Next Header.
     */
    public int l4Offset()
    {
        return l4Offset;
    }

    /** @return bytes from {@link #l4Offset()} to the end of the IP payload, -1 without an upper layer. */
    public int l4Length()
    {
        return l4Length;
    }

    /** @return whether UDP or TCP ports were found. */
    public boolean hasPorts()
    {
        return sourcePort >= 0;
    }

    public int sourcePort()
    {
        return sourcePort;
    }

    public int destinationPort()
    {
        return destinationPort;
    }

    /** @return the TCP flags byte (CWR ECE URG ACK PSH RST SYN FIN), -1 when not TCP. */
    public int tcpFlags()
    {
        return tcpFlags;
    }

    /** @return the ICMP or ICMPv6 Type, -1 otherwise. */
    public int icmpType()
    {
        return icmpType;
    }

    /** @return the ICMP or ICMPv6 Code, -1 otherwise. */
    public int icmpCode()
    {
        return icmpCode;
    }
}
