package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.util.List;

/**
 * {@code round-robin}: sends each packet to the next output in turn, whatever flow it belongs to.
 * <pre>
 *             +-------------+ --&gt; out-0     packets 0, N, 2N, ...
 *   frames --&gt;| round-robin | --&gt; ...
 *             +-------------+ --&gt; out-(N-1)
 * </pre>
 * Parameters: {@code outputs = 4} (outputs {@code out-0} .. {@code out-3}) or a list of names. The turn carries over
 * from batch to batch. Nothing is dropped.
 */
public final class RoundRobin implements Stage
{
    public static final String TYPE = "round-robin";
    public static final List<String> PARAMETERS = List.of("outputs");

    private final List<String> names;
    private int[] ids;
    private int next;

    public RoundRobin(final StageParameters parameters)
    {
        names = OutputList.of(parameters, "outputs");
    }

    @Override
    public List<String> outputs()
    {
        return names;
    }

    @Override
    public void start(final StageContext context)
    {
        ids = OutputList.ids(context, names);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        final int[] to = ids;
        int turn = next;
        for (int i = 0; i < count; i++)
        {
            outputs.send(i, to[turn]);
            turn = turn + 1 == to.length ? 0 : turn + 1;
        }
        next = turn;
    }
}
