package com.acme;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;

/** A stage without a constructor the compiler can call. */
public final class NeedsAnInt implements Stage
{
    public NeedsAnInt(final int size)
    {
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
    }
}
