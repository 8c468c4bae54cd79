package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.ArpDescriptor;
import org.netmapengine.pipeline.packet.EthernetDescriptor;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;

import java.util.List;

/**
 * {@code arp-responder}: answers ARP requests for the configured addresses, turning each request into its reply in
 * place; everything else goes on untouched.
 * <pre>
 *             +---------------+ --&gt; reply   the request, rewritten as the reply: wire it back to the port
 *   frames --&gt;| arp-responder |
 *             +---------------+ --&gt; out     everything else
 * </pre>
 * Parameters: {@code addresses = [ { ip = "10.0.0.1", mac = "02:00:00:00:00:01" }, ... ]}, each IP once.
 * <p>
 * A request (IPv4 over Ethernet, operation 1) whose target address is configured becomes a reply: operation 2,
 * sender = the configured pair, target = the request's sender, Ethernet source = the configured MAC and destination
 * = the requester; VLAN tags stay. Announcements (sender address = target address) are not answered. Frames the
 * responder does not understand, malformed ones included, go to {@code out}: it decides for no one else.
 */
public final class ArpResponder implements Stage
{
    public static final String TYPE = "arp-responder";
    public static final List<String> PARAMETERS = List.of("addresses");
    public static final List<String> ENTRY_KEYS = List.of("ip", "mac");
    public static final String REPLY = "reply";
    public static final String OUT = "out";

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final AddressTable macs;
    private int reply;
    private int out;

    public ArpResponder(final StageParameters parameters)
    {
        final List<StageParameters> entries = ObjectList.of(parameters, "addresses",
            "expected a list of addresses such as [ { ip = \"10.0.0.1\", mac = \"02:00:00:00:00:01\" } ]");
        final int[] ips = new int[entries.size()];
        final long[] mac = new long[entries.size()];
        for (int e = 0; e < ips.length; e++)
        {
            final StageParameters entry = entries.get(e);
            entry.requireKnownKeys(ENTRY_KEYS);
            ips[e] = Addresses.ipv4(entry, "ip");
            mac[e] = Addresses.mac(entry, "mac");
            for (int f = 0; f < e; f++)
            {
                if (ips[f] == ips[e])
                {
                    throw entry.error("ip", "each address once: expected another address than entry " + f + "'s");
                }
            }
        }
        macs = new AddressTable(ips, mac);
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

    /** @return whether the frame was a request for one of our addresses, now rewritten into the reply. */
    private boolean answer()
    {
        if (ParseResult.OK != FrameParser.parseNetwork(frame, parsed) || !parsed.isEthernetIpv4Arp() ||
            ArpDescriptor.OPERATION_REQUEST != parsed.arpOperation())
        {
            return false;
        }
        final int arp = parsed.l3Offset();
        final long senderIp = frame.u32(arp + ArpDescriptor.SENDER_PROTOCOL_OFFSET);
        final long targetIp = frame.u32(arp + ArpDescriptor.TARGET_PROTOCOL_OFFSET);
        final long ourMac = macs.get((int)targetIp);
        if (AddressTable.MISSING == ourMac || senderIp == targetIp)
        {
            return false;
        }
        final long senderMac = frame.u48(arp + ArpDescriptor.SENDER_HARDWARE_OFFSET);
        frame.u16(arp + ArpDescriptor.OPERATION_OFFSET, ArpDescriptor.OPERATION_REPLY);
        frame.u48(arp + ArpDescriptor.TARGET_HARDWARE_OFFSET, senderMac);
        frame.u32(arp + ArpDescriptor.TARGET_PROTOCOL_OFFSET, senderIp);
        frame.u48(arp + ArpDescriptor.SENDER_HARDWARE_OFFSET, ourMac);
        frame.u32(arp + ArpDescriptor.SENDER_PROTOCOL_OFFSET, targetIp);
        frame.u48(EthernetDescriptor.DESTINATION_OFFSET, senderMac);
        frame.u48(EthernetDescriptor.SOURCE_OFFSET, ourMac);
        return true;
    }
}
