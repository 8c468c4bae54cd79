package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.Checksums;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.Ipv4Descriptor;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;
import org.netmapengine.pipeline.packet.TransportDescriptor;

import java.util.List;

/**
 * {@code static-nat}: 1:1 IPv4 address translation: a packet from an inside address leaves from its outside
 * address, and a packet to an outside address reaches its inside address; ports are untouched.
 * <pre>
 *             +------------+
 *   frames --&gt;| static-nat | --&gt; out      rewritten, or unchanged when no mapping applies (and non-IPv4)
 *             +------------+ --x the parser's reasons (a packet it cannot read it cannot rewrite safely)
 * </pre>
 * Parameters: {@code mappings = [ { inside = "10.0.0.5", outside = "203.0.113.5" }, ... ]}, each address once on
 * its side. Both directions go through the one stage; a packet can match both (hairpin).
 * <p>
 * Checksums are updated incrementally (RFC 1624): the IPv4 header's, and the TCP or UDP checksum, whose
 * pseudo-header holds the addresses (a UDP checksum of 0, "none", stays 0). ICMP's checksum does not cover the
 * addresses and is left alone. A later fragment has no transport header: its IP header is rewritten, and the first
 * fragment carries the transport checksum's change for the whole datagram.
 */
public final class StaticNat implements Stage
{
    public static final String TYPE = "static-nat";
    public static final List<String> PARAMETERS = List.of("mappings");
    public static final List<String> MAPPING_KEYS = List.of("inside", "outside");

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final AddressTable outsideOf;
    private final AddressTable insideOf;
    private int out;

    public StaticNat(final StageParameters parameters)
    {
        final List<StageParameters> mappings = ObjectList.of(parameters, "mappings",
            "expected a list of mappings such as [ { inside = \"10.0.0.5\", outside = \"203.0.113.5\" } ]");
        final int[] inside = new int[mappings.size()];
        final int[] outside = new int[mappings.size()];
        for (int m = 0; m < inside.length; m++)
        {
            final StageParameters mapping = mappings.get(m);
            mapping.requireKnownKeys(MAPPING_KEYS);
            inside[m] = Addresses.ipv4(mapping, "inside");
            outside[m] = Addresses.ipv4(mapping, "outside");
            for (int n = 0; n < m; n++)
            {
                if (inside[n] == inside[m])
                {
                    throw mapping.error("inside", "each inside address once: expected another address than " +
                        "mapping " + n + "'s");
                }
                if (outside[n] == outside[m])
                {
                    throw mapping.error("outside", "each outside address once: expected another address than " +
                        "mapping " + n + "'s");
                }
            }
        }
        outsideOf = new AddressTable(inside, unsigned(outside));
        insideOf = new AddressTable(outside, unsigned(inside));
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            frame.wrap(batch, i);
            final ParseResult result = FrameParser.parseTransport(frame, parsed);
            if (ParseResult.OK != result)
            {
                outputs.drop(i, result.reason());
                continue;
            }
            if (4 == parsed.ipVersion())
            {
                final int ip = parsed.l3Offset();
                final long source = frame.u32(ip + Ipv4Descriptor.SOURCE_OFFSET);
                final long destination = frame.u32(ip + Ipv4Descriptor.DESTINATION_OFFSET);
                final long newSource = outsideOf.get((int)source);
                final long newDestination = insideOf.get((int)destination);
                if (AddressTable.MISSING != newSource)
                {
                    rewrite(ip + Ipv4Descriptor.SOURCE_OFFSET, source, newSource);
                }
                if (AddressTable.MISSING != newDestination)
                {
                    rewrite(ip + Ipv4Descriptor.DESTINATION_OFFSET, destination, newDestination);
                }
            }
            outputs.send(i, out);
        }
    }

    private void rewrite(final int at, final long old, final long value)
    {
        frame.u32(at, value);
        final int ipChecksum = parsed.l3Offset() + Ipv4Descriptor.CHECKSUM_OFFSET;
        frame.u16(ipChecksum, Checksums.update32(frame.u16(ipChecksum), old, value));
        final int l4 = parsed.l4Offset();
        if (l4 < 0)
        {
            return;
        }
        if (TransportDescriptor.PROTOCOL_TCP == parsed.protocol())
        {
            final int checksum = l4 + TransportDescriptor.TCP_CHECKSUM_OFFSET;
            frame.u16(checksum, Checksums.update32(frame.u16(checksum), old, value));
        }
        else if (TransportDescriptor.PROTOCOL_UDP == parsed.protocol())
        {
            final int checksum = l4 + TransportDescriptor.UDP_CHECKSUM_OFFSET;
            frame.u16(checksum, Checksums.updateUdp32(frame.u16(checksum), old, value));
        }
    }

    private static long[] unsigned(final int[] addresses)
    {
        final long[] values = new long[addresses.length];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = addresses[i] & 0xFFFF_FFFFL;
        }
        return values;
    }
}
