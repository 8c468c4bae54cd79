package org.netmapengine.pipeline;

import java.util.List;

/**
 * One step of a pipeline: it receives a batch of packet handles and sends each packet to one of its named
 * outputs or drops it with a reason.
 * <pre>
 *            +-----------+ --&gt; out      (or the outputs the stage declares)
 *   batch --&gt;|   stage   | --&gt; ...
 *            +-----------+ --x drop(reason)
 * </pre>
 * Contract:
 * <ul>
 *     <li>A stage class has a public constructor taking {@link StageParameters} (or none). The constructor
 *     reads and checks the parameters and does nothing else: the compiler builds one instance only to
 *     validate, before any port opens. Work that needs resources belongs in {@link #start}.</li>
 *     <li>{@link #process} decides every packet of the batch exactly once: {@link Outputs#send} or
 *     {@link Outputs#drop}. A packet left undecided is a stage bug: it is counted as leaked by this stage.
 *     It must not keep a reference to the batch, which is reused.</li>
 *     <li>A stage may keep state; one instance is called by one thread at a time (parallel instances are
 *     separate objects).</li>
 *     <li>An exception from {@code process} drops the packet that caused it with reason {@code error} and
 *     the stage goes on with the rest.</li>
 * </ul>
 */
public interface Stage
{
    /**
     * @return the names of this stage's outputs, all of which the pipeline must wire (to a stage, a port or
     * {@code drop}); called on a constructed instance, so they may depend on parameters.
     */
    default List<String> outputs()
    {
        return List.of("out");
    }

    /**
     * @return the most copies ({@link Outputs#copy}) this stage makes of one packet, so the runtime lends it
     * spare buffers; 0 for a stage that never copies.
     */
    default int copiesPerPacket()
    {
        return 0;
    }

    /** Called once, before the first batch, on the thread that will call {@link #process}. */
    default void start(final StageContext context)
    {
    }

    /** Decides every packet of {@code batch}: send it to an output or drop it. */
    void process(PacketBatch batch, Outputs outputs);

    /** Called once after the last batch. */
    default void stop()
    {
    }
}
