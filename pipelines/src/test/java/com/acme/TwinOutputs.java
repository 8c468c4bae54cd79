package com.acme;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;

import java.util.List;

/** A stage that declares the same output twice. */
public final class TwinOutputs implements Stage
{
    @Override
    public List<String> outputs()
    {
        return List.of("out", "out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
    }
}
