package org.netmapengine.actors.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

/** A test stage that throws on every packet whose sequence number is a multiple of 1000, and passes the rest. */
public final class ThrowsOnEveryThousandth implements Stage
{
    private final Sequence sequence = new Sequence();
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
            if (0 == sequence.of(batch, i) % 1000)
            {
                throw new IllegalStateException("packet " + sequence.of(batch, i) + " is a multiple of 1000");
            }
            outputs.send(i, out);
        }
    }
}
