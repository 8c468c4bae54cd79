package org.netmapengine.io.pktgen;

/**
 * Where the next frame's addresses and ports are in the source and destination ranges, walked as pkt-gen walks
 * them: source port fastest, then source address, then destination port, then destination address, each
 * wrapping to the start of its range and carrying into the next. A single-valued range never moves.
 * <p>
 * Not thread-safe.
 */
public final class RangeWalker
{
    private final Ipv4Range src;
    private final Ipv4Range dst;
    private int srcAddress;
    private int srcPort;
    private int dstAddress;
    private int dstPort;

    public RangeWalker(final Ipv4Range src, final Ipv4Range dst)
    {
        this.src = src;
        this.dst = dst;
        reset();
    }

    /** Back to the first address and port of both ranges. */
    public void reset()
    {
        srcAddress = src.firstAddress();
        srcPort = src.firstPort();
        dstAddress = dst.firstAddress();
        dstPort = dst.firstPort();
    }

    /** Moves to the next (source, destination) pair. */
    public void advance()
    {
        if (srcPort < src.lastPort())
        {
            srcPort++;
            return;
        }
        srcPort = src.firstPort();
        if (srcAddress != src.lastAddress())
        {
            srcAddress++;
            return;
        }
        srcAddress = src.firstAddress();
        if (dstPort < dst.lastPort())
        {
            dstPort++;
            return;
        }
        dstPort = dst.firstPort();
        if (dstAddress != dst.lastAddress())
        {
            dstAddress++;
            return;
        }
        dstAddress = dst.firstAddress();
    }

    public int srcAddress()
    {
        return srcAddress;
    }

    public int srcPort()
    {
        return srcPort;
    }

    public int dstAddress()
    {
        return dstAddress;
    }

    public int dstPort()
    {
        return dstPort;
    }

    @Override
    public String toString()
    {
        return Ipv4Range.formatAddress(srcAddress) + ":" + srcPort + " -> " + Ipv4Range.formatAddress(dstAddress) +
            ":" + dstPort;
    }
}
