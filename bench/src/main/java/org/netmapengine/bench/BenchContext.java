package org.netmapengine.bench;

import org.netmapengine.pipeline.StageContext;

import java.util.List;

/**
 * A stage's context in a benchmark: output ids are positions in its outputs, and ports {@code a} and {@code b} are
 * ids 0 and 1.
 */
final class BenchContext implements StageContext
{
    private static final List<String> PORTS = List.of("a", "b");

    private final List<String> outputs;

    BenchContext(final List<String> outputs)
    {
        this.outputs = outputs;
    }

    @Override
    public String name()
    {
        return "bench";
    }

    @Override
    public int output(final String name)
    {
        return outputs.indexOf(name);
    }

    @Override
    public int instance()
    {
        return 0;
    }

    @Override
    public int instances()
    {
        return 1;
    }

    @Override
    public int bufferSize()
    {
        return StageBenchmark.BUFFER_SIZE;
    }

    @Override
    public String portName(final int portId)
    {
        return portId >= 0 && portId < PORTS.size() ? PORTS.get(portId) : null;
    }
}
