package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.util.List;

/**
 * {@code sample}: picks one packet in N, or each packet with a probability, for {@code sampled}.
 * <pre>
 *             +--------+ --&gt; out       every packet (copy = true), or those not picked (copy = false)
 *   frames --&gt;| sample |
 *             +--------+ --&gt; sampled   a copy of each picked packet (copy = true), or the packet itself
 * </pre>
 * Parameters: {@code every = 1000} (deterministic, the 1000th, 2000th, ... packet) or {@code probability = 0.001}
 * (each packet independently), exactly one; {@code copy = true} (default: sFlow style, the traffic is untouched and
 * a copy is sampled; a copy that finds no spare buffer is dropped as {@code no-buffer}) or {@code false} (picked
 * packets leave by {@code sampled} instead of {@code out}); {@code seed} for the probability's generator (default:
 * the time).
 */
public final class Sample implements Stage
{
    public static final String TYPE = "sample";
    public static final List<String> PARAMETERS = List.of("copy", "every", "probability", "seed");
    public static final String OUT = "out";
    public static final String SAMPLED = "sampled";

    private final long every;
    /** Picks a packet when a uniform 53-bit draw falls below this. */
    private final long threshold;
    private final boolean copy;
    private long state;
    private long seen;
    private int out;
    private int sampled;

    public Sample(final StageParameters parameters)
    {
        if (parameters.has("every") == parameters.has("probability"))
        {
            throw parameters.error(parameters.has("every") ? "probability" : "every",
                "expected exactly one of every (one packet in N) and probability (each packet with P)");
        }
        every = parameters.has("every") ? parameters.getInt("every", 1, 1, Integer.MAX_VALUE) : 0;
        final double probability = parameters.getDouble("probability", 0);
        if (parameters.has("probability") && !(probability > 0 && probability <= 1))
        {
            throw parameters.error("probability", "expected a probability above 0 and at most 1, such as 0.01");
        }
        threshold = (long)(probability * (1L << 53));
        copy = parameters.getBoolean("copy", true);
        final long seed = parameters.getLong("seed", System.nanoTime());
        state = 0 == seed ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public List<String> outputs()
    {
        return List.of(OUT, SAMPLED);
    }

    @Override
    public int copiesPerPacket()
    {
        return copy ? 1 : 0;
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output(OUT);
        sampled = context.output(SAMPLED);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            if (!picked())
            {
                outputs.send(i, out);
            }
            else if (copy)
            {
                outputs.copy(i, sampled);
                outputs.send(i, out);
            }
            else
            {
                outputs.send(i, sampled);
            }
        }
    }

    private boolean picked()
    {
        if (0 != every)
        {
            if (++seen == every)
            {
                seen = 0;
                return true;
            }
            return false;
        }
        // xorshift64*: a fast generator of uniform 64-bit values; its top 53 bits against the threshold.
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return ((x * 0x2545F4914F6CDD1DL) >>> 11) < threshold;
    }
}
