package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.Checksums;
import org.netmapengine.pipeline.packet.EthernetDescriptor;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.IcmpDescriptor;
import org.netmapengine.pipeline.packet.Ipv4Descriptor;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;
import org.netmapengine.pipeline.packet.TransportDescriptor;

import java.util.List;

/**
 * {@code icmp-echo}: answers IPv4 pings, turning each echo request into its echo reply in place.
 * <pre>
 *             +-----------+ --&gt; reply   the request, rewritten as the reply: wire it back to the port
 *   frames --&gt;| icmp-echo |
 *             +-----------+ --&gt; out     everything else
 * </pre>
 * Parameters: {@code addresses = ["10.0.0.1", ...]}, the IPv4 addresses to answer for (optional: without it, every
 * echo request is answered, as Click's ICMPPingResponder does).
 * <p>
 * The reply swaps the MAC and IPv4 addresses, sets the TTL to 64 and the ICMP type to 0; both checksums are updated
 * incrementally (RFC 1624), so a request with a correct checksum gets a reply with one. Fragments, malformed frames
 * and requests to other addresses go to {@code out}: the responder decides for no one else.
 */
public final class IcmpEcho implements Stage
{
    public static final String TYPE = "icmp-echo";
    public static final List<String> PARAMETERS = List.of("addresses");
    public static final String REPLY = "reply";
    public static final String OUT = "out";
    public static final int REPLY_TTL = 64;

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final AddressTable addresses;
    private int reply;
    private int out;

    public IcmpEcho(final StageParameters parameters)
    {
        if (!parameters.has("addresses"))
        {
            addresses = null;
            return;
        }
        final String expected = "expected a list of IPv4 addresses such as [\"10.0.0.1\"]";
        if (ConfigValueType.LIST != parameters.value("addresses").valueType())
        {
            throw parameters.error("addresses", expected);
        }
        final List<String> texts = parameters.getStringList("addresses");
        final int[] keys = new int[texts.size()];
        for (int i = 0; i < keys.length; i++)
        {
            final long address = Addresses.parseIpv4(texts.get(i));
            if (address < 0)
            {
                throw parameters.error("addresses", expected + " ('" + texts.get(i) + "' is not)");
            }
            keys[i] = (int)address;
        }
        if (0 == keys.length)
        {
            throw parameters.error("addresses", expected);
        }
        addresses = new AddressTable(keys, new long[keys.length]);
    }

    @Override
    public List<String> outputs()
    {
        return List.of(REPLY, OUT);
    }

    @Override
    public void start(final StageContext context)
    {
        reply = context.output(REPLY);
        out = context.output(OUT);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            frame.wrap(batch, i);
            outputs.send(i, answer() ? reply : out);
        }
    }

    private boolean answer()
    {
        if (ParseResult.OK != FrameParser.parseTransport(frame, parsed) || 4 != parsed.ipVersion() ||
            TransportDescriptor.PROTOCOL_ICMP != parsed.protocol() || parsed.fragment() ||
            IcmpDescriptor.ECHO_REQUEST != parsed.icmpType() || 0 != parsed.icmpCode())
        {
            return false;
        }
        final int ip = parsed.l3Offset();
        final long source = frame.u32(ip + Ipv4Descriptor.SOURCE_OFFSET);
        final long destination = frame.u32(ip + Ipv4Descriptor.DESTINATION_OFFSET);
        if (null != addresses && AddressTable.MISSING == addresses.get((int)destination))
        {
            return false;
        }

        final long sourceMac = frame.u48(EthernetDescriptor.SOURCE_OFFSET);
        frame.u48(EthernetDescriptor.SOURCE_OFFSET, frame.u48(EthernetDescriptor.DESTINATION_OFFSET));
        frame.u48(EthernetDescriptor.DESTINATION_OFFSET, sourceMac);
        // Swapping the addresses leaves the header's sum as it is; the TTL word changes it.
        frame.u32(ip + Ipv4Descriptor.SOURCE_OFFSET, destination);
        frame.u32(ip + Ipv4Descriptor.DESTINATION_OFFSET, source);
        final int ttlWord = frame.u16(ip + Ipv4Descriptor.TTL_OFFSET);
        final int newTtlWord = (REPLY_TTL << 8) | (ttlWord & 0xFF);
        frame.u16(ip + Ipv4Descriptor.TTL_OFFSET, newTtlWord);
        final int ipChecksum = ip + Ipv4Descriptor.CHECKSUM_OFFSET;
        frame.u16(ipChecksum, Checksums.update16(frame.u16(ipChecksum), ttlWord, newTtlWord));

        final int icmp = parsed.l4Offset();
        final int typeCode = frame.u16(icmp + IcmpDescriptor.TYPE_OFFSET);
        final int replyTypeCode = IcmpDescriptor.ECHO_REPLY << 8;
        frame.u16(icmp + IcmpDescriptor.TYPE_OFFSET, replyTypeCode);
        final int icmpChecksum = icmp + IcmpDescriptor.CHECKSUM_OFFSET;
        frame.u16(icmpChecksum, Checksums.update16(frame.u16(icmpChecksum), typeCode, replyTypeCode));
        return true;
    }
}
