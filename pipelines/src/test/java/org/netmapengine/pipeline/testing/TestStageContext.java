package org.netmapengine.pipeline.testing;

import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

import java.util.List;

/**
 * A context whose output ids are positions in the stage's {@link Stage#outputs()}, as the compiler defines them.
 */
public final class TestStageContext implements StageContext
{
    private final String name;
    private final List<String> outputs;
    private final List<String> ports;
    private final int instance;
    private final int instances;
    private final int bufferSize;

    public TestStageContext(final String name, final List<String> outputs)
    {
        this(name, outputs, List.of());
    }

    /**
     * @param ports the port names by port id, as the runtime numbers its receiving ports.
     */
    public TestStageContext(final String name, final List<String> outputs, final List<String> ports)
    {
        this(name, outputs, ports, 0, 1, OffHeapBatch.BUFFER_SIZE);
    }

    private TestStageContext(
        final String name, final List<String> outputs, final List<String> ports, final int instance,
        final int instances, final int bufferSize)
    {
        this.name = name;
        this.outputs = List.copyOf(outputs);
        this.ports = List.copyOf(ports);
        this.instance = instance;
        this.instances = instances;
        this.bufferSize = bufferSize;
    }

    /** @return this context for parallel instance {@code instance} of {@code instances}. */
    public TestStageContext asInstance(final int instance, final int instances)
    {
        return new TestStageContext(name, outputs, ports, instance, instances, bufferSize);
    }

    /** @return this context in a pipeline whose ports' buffers are {@code bufferSize} bytes. */
    public TestStageContext withBufferSize(final int bufferSize)
    {
        return new TestStageContext(name, outputs, ports, instance, instances, bufferSize);
    }

    /** Starts {@code stage} with a context over its own outputs and returns a recorder for a batch of that size. */
    public static RecordingOutputs start(final Stage stage, final int capacity)
    {
        stage.start(new TestStageContext("test", stage.outputs()));
        return new RecordingOutputs(stage.outputs(), capacity);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public int output(final String name)
    {
        final int id = outputs.indexOf(name);
        if (id < 0)
        {
            throw new IllegalArgumentException("no such output: name=" + name + ", outputs=" + outputs);
        }
        return id;
    }

    @Override
    public int instance()
    {
        return instance;
    }

    @Override
    public int instances()
    {
        return instances;
    }

    @Override
    public int bufferSize()
    {
        return bufferSize;
    }

    @Override
    public String portName(final int portId)
    {
        return portId >= 0 && portId < ports.size() ? ports.get(portId) : null;
    }
}
