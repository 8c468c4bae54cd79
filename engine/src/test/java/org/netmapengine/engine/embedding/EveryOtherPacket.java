package org.netmapengine.engine.embedding;

import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.MetricsSource;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application's own stage, from its classpath: sends every other packet to {@code kept} and the rest to
 * {@code skipped}, counting what it kept (readable as a metric).
 */
public final class EveryOtherPacket implements Stage, MetricsSource
{
    private final AtomicLong kept = new AtomicLong();
    private final String label;
    private int keptOutput;
    private int skippedOutput;
    private long seen;

    public EveryOtherPacket(final StageParameters parameters)
    {
        label = parameters.getString("label", "every-other");
    }

    @Override
    public List<String> outputs()
    {
        return List.of("kept", "skipped");
    }

    @Override
    public void start(final StageContext context)
    {
        keptOutput = context.output("kept");
        skippedOutput = context.output("skipped");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        long keptNow = 0;
        for (int i = 0; i < batch.count(); i++)
        {
            if (0 == (seen++ & 1))
            {
                outputs.send(i, keptOutput);
                keptNow++;
            }
            else
            {
                outputs.send(i, skippedOutput);
            }
        }
        kept.lazySet(kept.get() + keptNow);
    }

    @Override
    public void report(final MetricsSink sink)
    {
        sink.counter(label + "-kept", kept.get());
    }
}
