package org.netmapengine.bench;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;

/**
 * Outputs that take every decision and do nothing with it but add it up, so the work of deciding cannot be
 * optimised away; the sum goes to JMH's blackhole once per batch. Copies cost nothing here: in the engine they are a
 * memory copy into a spare buffer, which these numbers leave out.
 */
final class NoOpOutputs implements Outputs
{
    long sum;

    @Override
    public void send(final int packet, final int output)
    {
        sum += output;
    }

    @Override
    public void copy(final int packet, final int output)
    {
        sum += 3 * output;
    }

    @Override
    public void drop(final int packet, final DropReason reason)
    {
        sum += reason.id();
    }
}
