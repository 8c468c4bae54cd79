package org.netmapengine.io.pktgen;

/**
 * What pkt-gen puts in its frames: their length, the MAC addresses and the address and port ranges it walks.
 *
 * @param length frame length without FCS, {@value UdpFrameDescriptor#MIN_FRAME_LENGTH} to
 *               {@value UdpFrameDescriptor#MAX_FRAME_LENGTH}; a port may allow less (its buffer size).
 * @param srcMac source MAC, 48 bits.
 * @param dstMac destination MAC, 48 bits.
 * @param src    source addresses and ports.
 * @param dst    destination addresses and ports.
 */
public record FrameSpec(int length, long srcMac, long dstMac, Ipv4Range src, Ipv4Range dst)
{
    /** pkt-gen's defaults: 60 bytes, 10.0.0.1:1234 to 10.1.0.1:1234, broadcast, source MAC 0 (pipes have none). */
    public static final FrameSpec DEFAULT = new FrameSpec(UdpFrameDescriptor.MIN_FRAME_LENGTH, 0L,
        MacAddress.BROADCAST, Ipv4Range.parse("10.0.0.1:1234"), Ipv4Range.parse("10.1.0.1:1234"));

    public FrameSpec
    {
        if (length < UdpFrameDescriptor.MIN_FRAME_LENGTH || length > UdpFrameDescriptor.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("frame length " + length + " is out of range: need " +
                UdpFrameDescriptor.MIN_FRAME_LENGTH + " to " + UdpFrameDescriptor.MAX_FRAME_LENGTH +
                " bytes (Ethernet frame without FCS)");
        }
        if (0 != (srcMac >>> 48) || 0 != (dstMac >>> 48))
        {
            throw new IllegalArgumentException("MAC addresses have 48 bits: srcMac=0x" + Long.toHexString(srcMac) +
                " dstMac=0x" + Long.toHexString(dstMac));
        }
        if (null == src || null == dst)
        {
            throw new IllegalArgumentException("src and dst ranges are required");
        }
    }

    public FrameSpec withLength(final int newLength)
    {
        return new FrameSpec(newLength, srcMac, dstMac, src, dst);
    }

    public FrameSpec withRanges(final Ipv4Range newSrc, final Ipv4Range newDst)
    {
        return new FrameSpec(length, srcMac, dstMac, newSrc, newDst);
    }

    @Override
    public String toString()
    {
        return length + " bytes " + MacAddress.format(srcMac) + " -> " + MacAddress.format(dstMac) + ", " + src +
            " -> " + dst;
    }
}
