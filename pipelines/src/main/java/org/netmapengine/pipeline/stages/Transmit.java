package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageParameters;

import java.util.List;

/**
 * {@code transmit}: a name for a port, so that outputs can be wired to "the uplink" rather than to a port entry.
 * <pre>
 *             +----------+
 *   frames --&gt;| transmit | ==&gt; port (the TX rings of the named port)
 *             +----------+
 * </pre>
 * Parameters: {@code port = out}, the name of an entry of the pipeline's {@code ports}. No outputs.
 * <p>
 * The compiler never runs this stage: it rewrites every wire to it into a port target and leaves it out of the
 * compiled stages and segments, so the runtime sees only ports. {@link #process} therefore fails.
 */
public final class Transmit implements Stage
{
    public static final String TYPE = "transmit";
    public static final List<String> PARAMETERS = List.of("port");

    private final String port;

    public Transmit(final StageParameters parameters)
    {
        port = parameters.getString("port");
    }

    /** @return the name of the port this stage stands for. */
    public String port()
    {
        return port;
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        throw new IllegalStateException("a transmit stage is compiled into a port target and never runs: port=" +
            port);
    }
}
