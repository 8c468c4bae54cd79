package org.netmapengine.actors.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test stage that, once in the JVM's life, decides half a batch and then throws an Error, which the runner's
 * per-packet isolation does not catch: the stage actor itself fails and is restarted. Passes everything else.
 */
public final class FailsItsActorOnce implements Stage
{
    /** Reset by the test that uses it. */
    public static final AtomicBoolean ARMED = new AtomicBoolean();

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
            if (i == batch.count() / 2 && sequence.of(batch, i) > 100_000 && ARMED.compareAndSet(true, false))
            {
                throw new AssertionError("the stage actor fails here, with half the batch decided");
            }
            outputs.send(i, out);
        }
    }
}
