package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.packet.Checksums;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.Ipv4Descriptor;
import org.netmapengine.pipeline.packet.Ipv6Descriptor;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;

import java.util.List;

/**
 * {@code ttl-dec}: decrements the IPv4 TTL (updating the header checksum, RFC 1624) or the IPv6 hop limit, as a
 * router does before forwarding.
 * <pre>
 *             +---------+
 *   frames --&gt;| ttl-dec | --&gt; out      IP with the TTL one lower; other EtherTypes unchanged
 *             +---------+ --x ttl-expired (TTL or hop limit 0 or 1), and the parser's reasons for a bad IP header
 * </pre>
 * No parameters. Only the network header is checked ({@link FrameParser#parseNetwork}): a router forwards what it
 * cannot read further.
 */
public final class TtlDec implements Stage
{
    public static final String TYPE = "ttl-dec";
    public static final List<String> PARAMETERS = List.of();
    public static final DropReason TTL_EXPIRED = DropReason.of("ttl-expired");

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private int out;

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
            final ParseResult result = FrameParser.parseNetwork(frame, parsed);
            if (ParseResult.OK != result)
            {
                outputs.drop(i, result.reason());
            }
            else if (4 == parsed.ipVersion())
            {
                decrementIpv4(i, outputs);
            }
            else if (6 == parsed.ipVersion())
            {
                final int at = parsed.l3Offset() + Ipv6Descriptor.HOP_LIMIT_OFFSET;
                final int hopLimit = frame.u8(at);
                if (hopLimit <= 1)
                {
                    outputs.drop(i, TTL_EXPIRED);
                }
                else
                {
                    frame.u8(at, hopLimit - 1);
                    outputs.send(i, out);
                }
            }
            else
            {
                outputs.send(i, out);
            }
        }
    }

    private void decrementIpv4(final int i, final Outputs outputs)
    {
        final int at = parsed.l3Offset() + Ipv4Descriptor.TTL_OFFSET;
        final int word = frame.u16(at);
        if ((word >>> 8) <= 1)
        {
            outputs.drop(i, TTL_EXPIRED);
            return;
        }
        final int decremented = word - 0x0100;
        frame.u16(at, decremented);
        final int checksum = parsed.l3Offset() + Ipv4Descriptor.CHECKSUM_OFFSET;
        frame.u16(checksum, Checksums.update16(frame.u16(checksum), word, decremented));
        outputs.send(i, out);
    }
}
