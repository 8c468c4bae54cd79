package com.acme;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;

/** A stage class that is not public. */
final class HiddenStage implements Stage
{
    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
    }
}
