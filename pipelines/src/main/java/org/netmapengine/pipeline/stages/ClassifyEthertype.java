package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigValue;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;

import java.util.List;

/**
 * {@code classify-ethertype}: sends each frame to the rule naming its EtherType, found after any VLAN tags.
 * <pre>
 *             +--------------------+ --&gt; ipv4    (one output per rule: ipv4 = 0x0800)
 *   frames --&gt;| classify-ethertype | --&gt; ...
 *             +--------------------+ --&gt; miss    (no rule matches)
 *                                    --x truncated-ethernet, truncated-vlan
 * </pre>
 * Parameters: {@code rules { name = ethertype, ... }}, each EtherType an integer or a hex string ({@code 0x0800}),
 * no two rules the same.
 */
public final class ClassifyEthertype implements Stage
{
    public static final String TYPE = "classify-ethertype";
    public static final List<String> PARAMETERS = List.of("rules");
    public static final String MISS = "miss";

    private static final int MAX_ETHER_TYPE = 0xFFFF;
    private static final String EXPECTED =
        "expected an EtherType in [0x0000, 0xffff]: an integer or a hex string such as 0x0800";

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final List<String> ruleNames;
    private final List<String> outputs;
    private final int[] etherTypes;
    private int[] ruleOutputs;
    private int missOutput;

    public ClassifyEthertype(final StageParameters parameters)
    {
        final StageParameters rules = parameters.child("rules");
        ruleNames = RuleNames.of(rules, MISS, "ipv4 = 0x0800");
        etherTypes = new int[ruleNames.size()];
        for (int i = 0; i < etherTypes.length; i++)
        {
            final String name = ruleNames.get(i);
            etherTypes[i] = etherType(rules, name);
            for (int j = 0; j < i; j++)
            {
                if (etherTypes[j] == etherTypes[i])
                {
                    throw rules.error(name, String.format(
                        "EtherType 0x%04x is already rule '%s': expected each EtherType once", etherTypes[i],
                        ruleNames.get(j)));
                }
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
            final ParseResult result = FrameParser.parseEthernet(frame, parsed);
            if (ParseResult.OK == result)
            {
                outputs.send(i, outputFor(parsed.etherType()));
            }
            else
            {
                outputs.drop(i, result.reason());
            }
        }
    }

    private int outputFor(final int etherType)
    {
        final int[] types = etherTypes;
        for (int r = 0; r < types.length; r++)
        {
            if (types[r] == etherType)
            {
                return ruleOutputs[r];
            }
        }
        return missOutput;
    }

    private static int etherType(final StageParameters rules, final String name)
    {
        final ConfigValue value = rules.value(name);
        final Object raw = value.unwrapped();
        final long etherType;
        if (raw instanceof Integer || raw instanceof Long)
        {
            etherType = ((Number)raw).longValue();
        }
        else if (raw instanceof String)
        {
            etherType = parseInteger((String)raw);
        }
        else
        {
            throw rules.error(name, EXPECTED);
        }

        if (etherType < 0 || etherType > MAX_ETHER_TYPE)
        {
            throw rules.error(name, EXPECTED);
        }
        return (int)etherType;
    }

    /** @return the value of {@code 0x0800} or {@code 2048}, or -1 when the text is neither. */
    static long parseInteger(final String text)
    {
        try
        {
            final String trimmed = text.trim();
            if (trimmed.startsWith("0x") || trimmed.startsWith("0X"))
            {
                return Long.parseLong(trimmed.substring(2), 16);
            }
            return Long.parseLong(trimmed);
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }
}
