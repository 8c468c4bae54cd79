package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.bpf.BpfCompiler;
import org.netmapengine.pipeline.bpf.BpfException;
import org.netmapengine.pipeline.bpf.BpfMachine;

import java.util.List;

/**
 * {@code filter}: sends each frame a tcpdump expression matches to {@code match}, the others to {@code miss}.
 * <pre>
 *             +--------+ --&gt; match
 *   frames --&gt;| filter |
 *             +--------+ --&gt; miss     (or --x filtered, with on-miss = drop)
 * </pre>
 * Parameters: {@code expression = "tcp dst port 80"} (pcap-filter(7), compiled by libpcap when the pipeline is
 * compiled, so it matches what tcpdump matches); {@code on-miss = miss} (an output, the default) or {@code drop}
 * (dropped with reason {@code filtered}, and no {@code miss} output). The classic BPF program runs in Java
 * ({@link BpfMachine}), in place, allocating nothing.
 */
public final class Filter implements Stage
{
    public static final String TYPE = "filter";
    public static final List<String> PARAMETERS = List.of("expression", "on-miss");
    public static final String MATCH = "match";
    public static final String MISS = "miss";
    public static final DropReason FILTERED = DropReason.of("filtered");

    private final PacketView frame = new PacketView();
    private final BpfMachine machine;
    private final boolean dropMisses;
    private int match;
    private int miss;

    public Filter(final StageParameters parameters)
    {
        final String expression = parameters.getString("expression");
        try
        {
            machine = new BpfMachine(BpfCompiler.compile(expression, BpfCompiler.DEFAULT_SNAPLEN));
        }
        catch (final BpfException e)
        {
            throw parameters.error("expression", "libpcap says \"" + e.getMessage() + "\": expected a tcpdump " +
                "filter expression (pcap-filter(7)) such as \"tcp dst port 80\"");
        }
        final String onMiss = parameters.getString("on-miss", MISS);
        if (!MISS.equals(onMiss) && !"drop".equals(onMiss))
        {
            throw parameters.error("on-miss", "expected miss (send to output miss) or drop (drop as filtered)");
        }
        dropMisses = "drop".equals(onMiss);
    }

    @Override
    public List<String> outputs()
    {
        return dropMisses ? List.of(MATCH) : List.of(MATCH, MISS);
    }

    @Override
    public void start(final StageContext context)
    {
        match = context.output(MATCH);
        miss = dropMisses ? -1 : context.output(MISS);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            frame.wrap(batch, i);
            final int length = frame.length();
            if (0 != machine.run(frame.buffer(), length, length))
            {
                outputs.send(i, match);
            }
            else if (dropMisses)
            {
                outputs.drop(i, FILTERED);
            }
            else
            {
                outputs.send(i, miss);
            }
        }
    }
}
