package com.acme;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user stage from the application's class path: sends everything to {@code out}; counts instances made.
 */
public final class PassThrough implements Stage
{
    public static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String note;
    private int out;

    public PassThrough(final StageParameters parameters)
    {
        note = parameters.getString("note", "");
        INSTANCES.incrementAndGet();
    }

    public String note()
    {
        return note;
    }

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
            outputs.send(i, out);
        }
    }
}
