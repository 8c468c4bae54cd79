package com.acme;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;

import java.util.List;

/**
 * A user stage with a no-argument constructor and two outputs.
 */
public final class Split implements Stage
{
    @Override
    public List<String> outputs()
    {
        return List.of("left", "right");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        for (int i = 0; i < batch.count(); i++)
        {
            outputs.send(i, i & 1);
        }
    }
}
