package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.Ipv4Descriptor;
import org.netmapengine.pipeline.packet.Ipv6Descriptor;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;

import java.util.List;

/**
 * {@code classify}: sends each frame to the output of the first rule it matches, rules tried in list order.
 * <pre>
 *             +----------+ --&gt; web     (one output per rule name; rules may share one)
 *   frames --&gt;| classify | --&gt; ...
 *             +----------+ --&gt; miss    (no rule matches)
 *                          --x the parser's reasons (truncated-ipv4, bad-ipv4-checksum, ...)
 * </pre>
 * Parameters: {@code rules = [ { name = web, protocol = tcp, dst-ports = "80,443" }, ... ]}. A rule matches when
 * every criterion it gives matches ({@link ClassifyRule}): {@code ethertype}, {@code vlan}, {@code src},
 * {@code dst}, {@code protocol}, {@code src-ports}, {@code dst-ports}, {@code ports}, {@code tcp-flags}.
 */
public final class Classify implements Stage
{
    public static final String TYPE = "classify";
    public static final List<String> PARAMETERS = List.of("rules");
    public static final String MISS = "miss";

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final ClassifyRule[] rules;
    private final List<String> outputs;
    private final int[] ruleOutputs;
    private int missOutput;

    public Classify(final StageParameters parameters)
    {
        final List<StageParameters> blocks = ruleBlocks(parameters);
        rules = new ClassifyRule[blocks.size()];
        final List<String> names = new java.util.ArrayList<>();
        for (int r = 0; r < rules.length; r++)
        {
            rules[r] = ClassifyRule.of(blocks.get(r));
            if (!names.contains(rules[r].name()))
            {
                names.add(rules[r].name());
            }
        }
        names.add(MISS);
        outputs = List.copyOf(names);
        ruleOutputs = new int[rules.length];
    }

    @Override
    public List<String> outputs()
    {
        return outputs;
    }

    @Override
    public void start(final StageContext context)
    {
        for (int r = 0; r < rules.length; r++)
        {
            ruleOutputs[r] = context.output(rules[r].name());
        }
        missOutput = context.output(MISS);
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
            outputs.send(i, outputFor());
        }
    }

    private int outputFor()
    {
        final ParsedFrame p = parsed;
        final PacketView f = frame;
        final int l3 = p.l3Offset();
        long srcHigh = 0;
        long srcLow = 0;
        long dstHigh = 0;
        long dstLow = 0;
        if (4 == p.ipVersion())
        {
            srcLow = f.u32(l3 + Ipv4Descriptor.SOURCE_OFFSET);
            dstLow = f.u32(l3 + Ipv4Descriptor.DESTINATION_OFFSET);
        }
        else if (6 == p.ipVersion())
        {
            srcHigh = high(l3 + Ipv6Descriptor.SOURCE_OFFSET);
            srcLow = high(l3 + Ipv6Descriptor.SOURCE_OFFSET + 8);
            dstHigh = high(l3 + Ipv6Descriptor.DESTINATION_OFFSET);
            dstLow = high(l3 + Ipv6Descriptor.DESTINATION_OFFSET + 8);
        }
        final ClassifyRule[] all = rules;
        for (int r = 0; r < all.length; r++)
        {
            if (all[r].matches(p, srcHigh, srcLow, dstHigh, dstLow))
            {
                return ruleOutputs[r];
            }
        }
        return missOutput;
    }

    private long high(final int offset)
    {
        return (frame.u32(offset) << 32) | frame.u32(offset + 4);
    }

    private static List<StageParameters> ruleBlocks(final StageParameters parameters)
    {
        return ObjectList.of(parameters, "rules", "expected a list of rules such as [ { name = web, " +
            "protocol = tcp, dst-ports = \"80,443\" } ]");
    }

    /** @return whether {@code name} can name an output of this stage. */
    static boolean isRuleName(final String name)
    {
        return Names.isValid(name) && !MISS.equals(name);
    }
}
