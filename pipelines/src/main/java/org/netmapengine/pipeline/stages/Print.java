package org.netmapengine.pipeline.stages;

import org.netmapengine.io.pktgen.MacAddress;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.ArpDescriptor;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.Ipv4Descriptor;
import org.netmapengine.pipeline.packet.Ipv6Descriptor;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * {@code print}: logs a one-line summary of packets, at most so many a second, and passes every packet on.
 * <pre>
 *             +-------+
 *   frames --&gt;| print | --&gt; out
 *             +-------+
 * </pre>
 * Parameters: {@code label} (default: the stage's name), {@code max-per-second = 10} (1 to 10000; the packets not
 * printed are counted in the next line printed), {@code bytes = 0} (how many of each frame's first bytes to add in
 * hex, up to 256). Lines go to the logger {@code org.netmapengine.pipeline.stages.Print} at INFO, such as
 * <pre>
 *   tap: in=eth0 len=60 02:00:00:00:00:02 &gt; 02:00:00:00:00:01 vlan 10 ipv4 10.0.0.1:1234 &gt; 10.0.0.2:53 udp
 * </pre>
 * Building a line allocates; the packets not printed cost a counter and nothing else.
 */
public final class Print implements Stage
{
    public static final String TYPE = "print";
    public static final List<String> PARAMETERS = List.of("bytes", "label", "max-per-second");

    private static final Logger LOG = LoggerFactory.getLogger(Print.class);
    private static final long SECOND = 1_000_000_000L;

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final String configuredLabel;
    private final int maxPerSecond;
    private final int bytes;
    private String label;
    private StageContext context;
    private long secondStart = Long.MIN_VALUE;
    private int printedThisSecond;
    private long skipped;
    private int out;

    public Print(final StageParameters parameters)
    {
        configuredLabel = parameters.getString("label", null);
        maxPerSecond = parameters.getInt("max-per-second", 10, 1, 10_000);
        bytes = parameters.getInt("bytes", 0, 0, 256);
    }

    @Override
    public void start(final StageContext context)
    {
        this.context = context;
        label = null != configuredLabel ? configuredLabel : context.name();
        out = context.output("out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final long now = BatchClock.nanos(batch);
        if (now - secondStart >= SECOND || Long.MIN_VALUE == secondStart)
        {
            secondStart = now;
            printedThisSecond = 0;
        }
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            if (printedThisSecond < maxPerSecond && LOG.isInfoEnabled())
            {
                printedThisSecond++;
                LOG.info("{}", describe(batch, i));
                skipped = 0;
            }
            else
            {
                skipped++;
            }
            outputs.send(i, out);
        }
    }

    /** @return the summary line of packet {@code i}. */
    String describe(final PacketBatch batch, final int i)
    {
        frame.wrap(batch, i);
        final StringBuilder line = new StringBuilder(label).append(':');
        if (skipped > 0)
        {
            line.append(" (").append(skipped).append(" not printed)");
        }
        final String port = context.portName(batch.inPort(i));
        line.append(" in=").append(null == port ? "?" : port).append(" len=").append(frame.length());
        final ParseResult result = FrameParser.parseTransport(frame, parsed);
        if (parsed.l3Offset() >= 0 || ParseResult.OK == result)
        {
            line.append(' ').append(MacAddress.format(frame.u48(6))).append(" > ")
                .append(MacAddress.format(frame.u48(0)));
            if (parsed.vlanCount() > 0)
            {
                line.append(" vlan ").append(parsed.outerVlanId());
            }
            if (parsed.vlanCount() > 1)
            {
                line.append(" vlan ").append(parsed.innerVlanId());
            }
            network(line);
        }
        if (ParseResult.OK != result)
        {
            line.append(" [").append(result.reason().name()).append(']');
        }
        for (int b = 0; b < Math.min(bytes, frame.length()); b++)
        {
            line.append(0 == b ? " " : "").append(Character.forDigit(frame.u8(b) >>> 4, 16))
                .append(Character.forDigit(frame.u8(b) & 0xF, 16));
        }
        return line.toString();
    }

    private void network(final StringBuilder line)
    {
        final int l3 = parsed.l3Offset();
        if (4 == parsed.ipVersion())
        {
            line.append(" ipv4 ").append(ipv4(frame.u32(l3 + Ipv4Descriptor.SOURCE_OFFSET)));
            ports(line, parsed.sourcePort());
            line.append(" > ").append(ipv4(frame.u32(l3 + Ipv4Descriptor.DESTINATION_OFFSET)));
            ports(line, parsed.destinationPort());
            upper(line);
        }
        else if (6 == parsed.ipVersion())
        {
            line.append(" ipv6 ").append(ipv6(l3 + Ipv6Descriptor.SOURCE_OFFSET));
            ports(line, parsed.sourcePort());
            line.append(" > ").append(ipv6(l3 + Ipv6Descriptor.DESTINATION_OFFSET));
            ports(line, parsed.destinationPort());
            upper(line);
        }
        else if (parsed.isEthernetIpv4Arp())
        {
            line.append(ArpDescriptor.OPERATION_REQUEST == parsed.arpOperation() ? " arp who-has " : " arp reply ")
                .append(ipv4(frame.u32(l3 + ArpDescriptor.TARGET_PROTOCOL_OFFSET))).append(" tell ")
                .append(ipv4(frame.u32(l3 + ArpDescriptor.SENDER_PROTOCOL_OFFSET)));
        }
        else if (parsed.etherType() >= 0)
        {
            line.append(String.format(" ethertype 0x%04x", parsed.etherType()));
        }
    }

    private void upper(final StringBuilder line)
    {
        switch (parsed.protocol())
        {
            case 6:
                line.append(" tcp flags 0x").append(Integer.toHexString(Math.max(0, parsed.tcpFlags())));
                break;
            case 17:
                line.append(" udp");
                break;
            case 1:
            case 58:
                line.append(1 == parsed.protocol() ? " icmp " : " icmpv6 ").append(parsed.icmpType()).append('/')
                    .append(parsed.icmpCode());
                break;
            default:
                line.append(" proto ").append(parsed.protocol());
                break;
        }
        if (parsed.fragment())
        {
            line.append(parsed.laterFragment() ? " fragment" : " first fragment");
        }
    }

    private static void ports(final StringBuilder line, final int port)
    {
        if (port >= 0)
        {
            line.append(':').append(port);
        }
    }

    private static String ipv4(final long address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    private String ipv6(final int offset)
    {
        final byte[] address = new byte[16];
        frame.buffer().getBytes(offset, address);
        try
        {
            return InetAddress.getByAddress(address).getHostAddress();
        }
        catch (final UnknownHostException e)
        {
            return "?";
        }
    }
}
