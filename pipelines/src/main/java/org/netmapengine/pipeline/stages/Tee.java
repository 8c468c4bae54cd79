package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tee}: sends a copy of each packet to every copy output and the packet itself to {@code out}.
 * <pre>
 *             +-----+ --&gt; out      (the original)
 *   frames --&gt;| tee | --&gt; mirror   (a copy per name in copies)
 *             +-----+ --&gt; ...
 * </pre>
 * Parameters: {@code copies = [mirror, ...]}, at least one name, none of them {@code out}, no repeats. A copy
 * that finds no spare buffer is dropped with {@code no-buffer} by the runtime; the original still goes on.
 */
public final class Tee implements Stage
{
    public static final String TYPE = "tee";
    public static final List<String> PARAMETERS = List.of("copies");
    public static final String OUT = "out";

    private final List<String> copies;
    private final List<String> outputs;
    private final int[] copyOutputs;
    private int out;

    public Tee(final StageParameters parameters)
    {
        copies = List.copyOf(parameters.getStringList("copies"));
        if (copies.isEmpty())
        {
            throw parameters.error("copies", "expected at least one output name for the copies");
        }
        for (int i = 0; i < copies.size(); i++)
        {
            final String name = copies.get(i);
            if (!Names.isValid(name) || OUT.equals(name) || copies.subList(0, i).contains(name))
            {
                throw parameters.error("copies", "expected distinct output names other than 'out', each " +
                    Names.EXPECTED + " ('" + name + "' is not)");
            }
        }
        final List<String> all = new ArrayList<>();
        all.add(OUT);
        all.addAll(copies);
        outputs = List.copyOf(all);
        copyOutputs = new int[copies.size()];
    }

    @Override
    public List<String> outputs()
    {
        return outputs;
    }

    @Override
    public int copiesPerPacket()
    {
        return copies.size();
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output(OUT);
        for (int c = 0; c < copyOutputs.length; c++)
        {
            copyOutputs[c] = context.output(copies.get(c));
        }
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        final int[] copyTo = copyOutputs;
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < copyTo.length; c++)
            {
                outputs.copy(i, copyTo[c]);
            }
            outputs.send(i, out);
        }
    }
}
