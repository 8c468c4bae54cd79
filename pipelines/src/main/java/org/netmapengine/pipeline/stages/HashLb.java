package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.SymmetricFlowHash;

import java.util.List;

/**
 * {@code hash-lb}: spreads flows over N outputs by a symmetric 5-tuple hash, as netmap's {@code lb} feeds IDS
 * workers: every packet of a conversation, both directions, goes to the same output.
 * <pre>
 *             +---------+ --&gt; out-0
 *   frames --&gt;| hash-lb | --&gt; ...       one output per worker
 *             +---------+ --&gt; out-(N-1)
 * </pre>
 * Parameters: {@code outputs = 4} (outputs {@code out-0} .. {@code out-3}) or {@code outputs = [ids-a, ids-b]}. The
 * hash is {@link SymmetricFlowHash}'s (MAC addresses for non-IP frames, 0 for frames too short to hash); it is kept
 * in the packet's handle, where parallel stages downstream find it. Nothing is dropped.
 */
public final class HashLb implements Stage
{
    public static final String TYPE = "hash-lb";
    public static final List<String> PARAMETERS = List.of("outputs");

    private final SymmetricFlowHash flowHash = new SymmetricFlowHash();
    private final List<String> names;
    private int[] ids;

    public HashLb(final StageParameters parameters)
    {
        names = OutputList.of(parameters, "outputs");
    }

    @Override
    public List<String> outputs()
    {
        return names;
    }

    @Override
    public void start(final StageContext context)
    {
        ids = OutputList.ids(context, names);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        final long n = ids.length;
        for (int i = 0; i < count; i++)
        {
            int hash = batch.hash(i);
            if (0 == hash)
            {
                hash = flowHash.hash(batch, i);
                batch.hash(i, hash);
            }
            // Multiply-shift: the hash's 32 bits scaled onto [0, n), no modulo bias worth speaking of.
            outputs.send(i, ids[(int)(((hash & 0xFFFF_FFFFL) * n) >>> 32)]);
        }
    }
}
