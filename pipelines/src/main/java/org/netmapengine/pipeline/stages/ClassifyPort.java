package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;
import org.netmapengine.pipeline.packet.TransportDescriptor;

import java.util.List;

/**
 * {@code classify-port}: sends each UDP or TCP packet to the first rule matching its protocol and port.
 * <pre>
 *             +---------------+ --&gt; dns     (one output per rule, tried in written order)
 *   frames --&gt;| classify-port | --&gt; ...
 *             +---------------+ --&gt; miss    (not UDP/TCP over IPv4/IPv6, later fragments, no rule matches)
 *                               --x truncated-ethernet, truncated-vlan, truncated-ipv4, bad-ipv4-version,
 *                                   bad-ipv4-ihl, bad-ipv4-length, truncated-ipv6, bad-ipv6-version,
 *                                   truncated-udp, truncated-tcp, bad-tcp-offset
 * </pre>
 * Parameters: {@code rules { name = { protocol = udp|tcp, ports = "80,443,8000-8080", match = dst|src|either } }};
 * {@code match} defaults to {@code dst}, the destination port. Rules are tried in the order of their lines (rules
 * on one line by name); two rules on one line that can match the same packet are an error.
 */
public final class ClassifyPort implements Stage
{
    public static final String TYPE = "classify-port";
    public static final List<String> PARAMETERS = List.of("rules");
    public static final List<String> RULE_KEYS = List.of("match", "ports", "protocol");
    public static final String MISS = "miss";

    private static final int MATCH_DST = 1;
    private static final int MATCH_SRC = 2;
    private static final int MATCH_EITHER = MATCH_DST | MATCH_SRC;

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final List<String> ruleNames;
    private final List<String> outputs;
    private int[] ruleOutputs;
    private final int[] rangeRule;
    private final int[] rangeProtocol;
    private final int[] rangeMatch;
    private final int[] rangeLow;
    private final int[] rangeHigh;
    private int missOutput;

    public ClassifyPort(final StageParameters parameters)
    {
        final StageParameters rules = parameters.child("rules");
        ruleNames = RuleNames.of(rules, MISS, "dns = { protocol = udp, ports = 53 }");

        final int[][] ranges = new int[ruleNames.size()][];
        final int[] protocols = new int[ruleNames.size()];
        final int[] matches = new int[ruleNames.size()];
        int rangeCount = 0;
        for (int r = 0; r < ruleNames.size(); r++)
        {
            final StageParameters rule = rules.child(ruleNames.get(r));
            rule.requireKnownKeys(RULE_KEYS);
            protocols[r] = protocol(rule);
            matches[r] = match(rule);
            ranges[r] = PortRanges.parse(rule, "ports");
            rangeCount += ranges[r].length / 2;
            checkOrderIsKnown(rules, r, protocols, matches, ranges);
        }

        rangeRule = new int[rangeCount];
        rangeProtocol = new int[rangeCount];
        rangeMatch = new int[rangeCount];
        rangeLow = new int[rangeCount];
        rangeHigh = new int[rangeCount];
        int k = 0;
        for (int r = 0; r < ranges.length; r++)
        {
            for (int p = 0; p < ranges[r].length; p += 2, k++)
            {
                rangeRule[k] = r;
                rangeProtocol[k] = protocols[r];
                rangeMatch[k] = matches[r];
                rangeLow[k] = ranges[r][p];
                rangeHigh[k] = ranges[r][p + 1];
            }
        }
        outputs = RuleNames.outputs(ruleNames, MISS);
    }

    @Override
    public List<String> outputs()
    {
        return outputs;
    }

    @Override
    public void start(final StageContext context)
    {
        ruleOutputs = OutputList.ids(context, ruleNames);
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
            }
            else if (parsed.hasPorts())
            {
                outputs.send(i, outputFor(parsed.protocol(), parsed.sourcePort(), parsed.destinationPort()));
            }
            else
            {
                outputs.send(i, missOutput);
            }
        }
    }

    private int outputFor(final int protocol, final int sourcePort, final int destinationPort)
    {
        final int ranges = rangeRule.length;
        for (int k = 0; k < ranges; k++)
        {
            if (rangeProtocol[k] == protocol)
            {
                final int match = rangeMatch[k];
                final int low = rangeLow[k];
                final int high = rangeHigh[k];
                if ((0 != (match & MATCH_DST) && destinationPort >= low && destinationPort <= high) ||
                    (0 != (match & MATCH_SRC) && sourcePort >= low && sourcePort <= high))
                {
                    return ruleOutputs[rangeRule[k]];
                }
            }
        }
        return missOutput;
    }

    /**
     * Rules are tried in the order of their lines; HOCON keeps no order within a line. Two rules on one line that
     * can match the same packet would be tried in an order the user did not write.
     */
    private void checkOrderIsKnown(
        final StageParameters rules, final int r, final int[] protocols, final int[] matches, final int[][] ranges)
    {
        final String name = ruleNames.get(r);
        for (int q = 0; q < r; q++)
        {
            final String other = ruleNames.get(q);
            if (lineOf(rules, other) == lineOf(rules, name) &&
                canMatchTheSamePacket(protocols[q], matches[q], ranges[q], protocols[r], matches[r], ranges[r]))
            {
                throw rules.error(name, "rules '" + other + "' and '" + name + "' can match the same packet and " +
                    "are on one line, so which is tried first is unknown: expected them on separate lines (the " +
                    "first rule written wins)");
            }
        }
    }

    private static int lineOf(final StageParameters rules, final String name)
    {
        return rules.value(name).origin().lineNumber();
    }

    private static boolean canMatchTheSamePacket(
        final int protocolA, final int matchA, final int[] rangesA,
        final int protocolB, final int matchB, final int[] rangesB)
    {
        if (protocolA != protocolB)
        {
            return false;
        }
        if ((0 != (matchA & MATCH_DST) && 0 != (matchB & MATCH_SRC)) ||
            (0 != (matchA & MATCH_SRC) && 0 != (matchB & MATCH_DST)))
        {
            return true;
        }
        for (int a = 0; a < rangesA.length; a += 2)
        {
            for (int b = 0; b < rangesB.length; b += 2)
            {
                if (rangesA[a] <= rangesB[b + 1] && rangesB[b] <= rangesA[a + 1])
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static int protocol(final StageParameters rule)
    {
        final String protocol = rule.has("protocol") ? rule.getString("protocol") : "";
        switch (protocol)
        {
            case "udp":
                return TransportDescriptor.PROTOCOL_UDP;

            case "tcp":
                return TransportDescriptor.PROTOCOL_TCP;

            default:
                throw rule.error("protocol", "expected udp or tcp");
        }
    }

    private static int match(final StageParameters rule)
    {
        final String match = rule.getString("match", "dst");
        switch (match)
        {
            case "dst":
                return MATCH_DST;

            case "src":
                return MATCH_SRC;

            case "either":
                return MATCH_EITHER;

            default:
                throw rule.error("match", "expected dst, src or either");
        }
    }
}
