package org.netmapengine.pipeline;

/**
 * What a stage learns when it starts.
 */
public interface StageContext
{
    /** @return the stage's name in the pipeline. */
    String name();

    /**
     * @return the id to pass to {@link Outputs#send} for output {@code name}.
     * @throws IllegalArgumentException when the stage has no such output.
     */
    int output(String name);

    /** @return which of the stage's parallel instances this is, from 0. */
    int instance();

    /** @return how many parallel instances of the stage run. */
    int instances();

    /**
     * @return the size of the smallest buffer a packet of this pipeline can be in (its ports' buffers): how far a
     *         stage may grow a packet, {@code offset + length}, without writing into the next buffer.
     */
    int bufferSize();

    /**
     * @param portId a packet's {@link PacketBatch#inPort(int)}.
     * @return the name, in the pipeline definition, of the port the packet arrived on; null for an unknown id.
     */
    String portName(int portId);
}
