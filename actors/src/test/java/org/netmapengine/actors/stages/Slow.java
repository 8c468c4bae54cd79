package org.netmapengine.actors.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

import java.util.concurrent.locks.LockSupport;

/** A test stage far slower than its input: it sleeps a millisecond per batch, then passes every packet. */
public final class Slow implements Stage
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
        LockSupport.parkNanos(1_000_000);
        for (int i = 0; i < batch.count(); i++)
        {
            outputs.send(i, out);
        }
    }
}
