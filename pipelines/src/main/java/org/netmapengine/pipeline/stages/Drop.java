package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.util.List;

/**
 * {@code drop}: drops every packet, counted under one reason.
 * <pre>
 *             +------+
 *   frames --&gt;| drop | --x reason (default drop)
 *             +------+
 * </pre>
 * Parameters: {@code reason = no-route}, lower-case words joined by '-' (default {@code drop}). No outputs.
 */
public final class Drop implements Stage
{
    public static final String TYPE = "drop";
    public static final List<String> PARAMETERS = List.of("reason");

    private final String reasonName;
    private DropReason reason;

    public Drop(final StageParameters parameters)
    {
        reasonName = parameters.getString("reason", DropReason.DROPPED.name());
        if (!DropReason.isValidName(reasonName))
        {
            throw parameters.error("reason", "expected lower-case words joined by '-', such as no-route");
        }
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public void start(final StageContext context)
    {
        reason = DropReason.of(reasonName);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        final DropReason why = reason;
        for (int i = 0; i < count; i++)
        {
            outputs.drop(i, why);
        }
    }
}
