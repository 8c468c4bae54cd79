package org.netmapengine.pipeline.graph;

/**
 * Where an output (or a receiving port) sends packets: a stage, a port's TX rings, or nowhere.
 */
public sealed interface Target permits Target.StageTarget, Target.PortTarget, Target.DropTarget
{
    /** The one drop target. */
    DropTarget DROP = new DropTarget();

    /** @return {@code stage NAME}, {@code port NAME} or {@code drop}, for messages. */
    String describe();

    /**
     * The stage of that name; in a compiled pipeline it is never a transmit stage.
     *
     * @param stage the stage's name.
     */
    record StageTarget(String stage) implements Target
    {
        @Override
        public String describe()
        {
            return "stage " + stage;
        }
    }

    /**
     * The TX rings of the port of that name.
     *
     * @param port the port's name in the pipeline.
     */
    record PortTarget(String port) implements Target
    {
        @Override
        public String describe()
        {
            return "port " + port;
        }
    }

    /**
     * Dropped by the runtime with reason {@code drop}, counted under the stage and output that sent it.
     */
    record DropTarget() implements Target
    {
        @Override
        public String describe()
        {
            return "drop";
        }
    }
}
