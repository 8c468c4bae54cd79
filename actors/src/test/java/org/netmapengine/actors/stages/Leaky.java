package org.netmapengine.actors.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

/** A deliberately buggy test stage: it forgets every 100th packet of a batch (neither sends nor drops it). */
public final class Leaky implements Stage
{
    private int out;

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        for (int i = 0; i < batch.count(); i++)
        {
            if (i % 100 != 99)
            {
                outputs.send(i, out);
            }
        }
    }
}
