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
    int etherType;
    int l3Offset;
    int l3Length;
    int ipVersion;
    int protocol;
    boolean fragment;
    int l4Offset;
    int l4Length;
    int sourcePort;
    int destinationPort;

    public ParsedFrame()
    {
        reset();
    }

    /** Forgets the previous frame. */
    public void reset()
    {
        vlanCount = 0;
        outerVlanId = -1;
        etherType = -1;
        l3Offset = -1;
        l3Length = -1;
        ipVersion = -1;
        protocol = -1;
        fragment = false;
        l4Offset = -1;
        l4Length = -1;
        sourcePort = -1;
        destinationPort = -1;
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

    /** @return 4 or 6 for IP, -1 otherwise. */
    public int ipVersion()
    {
        return ipVersion;
    }

    /** @return the IPv4 Protocol or IPv6 Next Header, -1 when not IP. */
    public int protocol()
    {
        return protocol;
    }

    /** @return whether the IPv4 datagram is a fragment (first or not). */
    public boolean fragment()
    {
        return fragment;
    }

    /** @return where the UDP or TCP header starts, -1 when there is none to read (other protocols, later fragments). */
    public int l4Offset()
    {
        return l4Offset;
    }

    /** @return bytes from {@link #l4Offset()} to the end of the IP payload, -1 without a transport header. */
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
}
