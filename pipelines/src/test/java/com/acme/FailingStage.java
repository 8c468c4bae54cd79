package com.acme;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageParameters;

/** A stage whose constructor fails with something other than a PipelineConfigException. */
public final class FailingStage implements Stage
{
    public FailingStage(final StageParameters parameters)
    {
        throw new IllegalStateException("boom");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
    }
}
