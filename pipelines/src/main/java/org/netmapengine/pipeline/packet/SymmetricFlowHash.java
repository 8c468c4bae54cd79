package org.netmapengine.pipeline.packet;

import org.netmapengine.pipeline.FlowHash;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;

/**
 * A symmetric 5-tuple hash, as netmap's {@code lb} computes it: both directions of a conversation hash alike
 * (addresses and ports are combined order-independently), so parallel instances fed by it see whole
 * conversations. Frames without IP hash on their MAC addresses; frames that do not parse hash to 0.
 * <p>
 * Allocation-free; not thread-safe (one instance per thread).
 */
public final class SymmetricFlowHash implements FlowHash
{
    private static final int IPV4_SOURCE = 12;
    private static final int IPV6_SOURCE = 8;

    private final PacketView view = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();

    @Override
    public int hash(final PacketBatch batch, final int i)
    {
        view.wrap(batch, i);
        if (FrameParser.parseTransport(view, parsed) != ParseResult.OK && parsed.l3Offset() < 0)
        {
            return 0;
        }
        long a;
        long b;
        final int l3 = parsed.l3Offset();
        if (4 == parsed.ipVersion() && l3 + IPV4_SOURCE + 8 <= view.length())
        {
            a = view.u32(l3 + IPV4_SOURCE);
            b = view.u32(l3 + IPV4_SOURCE + 4);
        }
        else if (6 == parsed.ipVersion() && l3 + IPV6_SOURCE + 32 <= view.length())
        {
            a = fold(l3 + IPV6_SOURCE);
            b = fold(l3 + IPV6_SOURCE + 16);
        }
        else if (view.length() >= 12)
        {
            a = view.u48(0);
            b = view.u48(6);
        }
        else
        {
            return 0;
        }
        long ports = 0;
        if (parsed.hasPorts())
        {
            ports = (long)parsed.sourcePort() + parsed.destinationPort() +
                ((long)Math.min(parsed.sourcePort(), parsed.destinationPort()) << 17);
        }
        final long addresses = (a + b) ^ (Math.min(a, b) * 0x9E3779B97F4A7C15L);
        return mix(addresses ^ (ports << 32) ^ parsed.protocol());
    }

    private long fold(final int offset)
    {
        return view.u32(offset) ^ view.u32(offset + 4) ^ view.u32(offset + 8) ^ view.u32(offset + 12);
    }

    /** A 64-bit finalizer (MurmurHash3's), so nearby tuples spread over instances. */
    private static int mix(final long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int)h;
    }
}
