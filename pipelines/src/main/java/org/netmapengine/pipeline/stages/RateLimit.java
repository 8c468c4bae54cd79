package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.MetricsSource;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.Checksums;
import org.netmapengine.pipeline.packet.FrameParser;
import org.netmapengine.pipeline.packet.Ipv4Descriptor;
import org.netmapengine.pipeline.packet.ParseResult;
import org.netmapengine.pipeline.packet.ParsedFrame;

import java.util.List;

/**
 * {@code rate-limit}: a token bucket in packets or bits per second; packets beyond the rate are dropped, sent to
 * {@code exceed}, or marked with a lower DSCP and passed on.
 * <pre>
 *             +------------+ --&gt; out       conforming packets (and marked ones, exceed = mark)
 *   frames --&gt;| rate-limit |
 *             +------------+ --&gt; exceed    (exceed = output)    --x rate-limited (exceed = drop)
 * </pre>
 * Parameters: {@code packets-per-second = 10000} or {@code bits-per-second = 1000000000}, exactly one (bits are
 * frame bits, without preamble, gap or FCS); {@code burst}: the bucket's depth in packets or bits (default a tenth
 * of a second's worth, at least one packet or one 1514-byte frame); {@code exceed = drop | output | mark} (default
 * drop); {@code dscp = 8} (0 to 63): what {@code mark} writes into IPv4's DSCP (header checksum updated) or IPv6's
 * traffic class. Marking leaves non-IP frames and IPv4 frames whose header fails its checks as they are.
 * <p>
 * The bucket fills by the time between batches, read once per batch.
 */
public final class RateLimit implements Stage, MetricsSource
{
    public static final String TYPE = "rate-limit";
    public static final List<String> PARAMETERS =
        List.of("bits-per-second", "burst", "dscp", "exceed", "packets-per-second");
    public static final DropReason RATE_LIMITED = DropReason.of("rate-limited");
    public static final String OUT = "out";
    public static final String EXCEED = "exceed";

    private static final double NANOS_PER_SECOND = 1e9;
    private static final int MODE_DROP = 0;
    private static final int MODE_OUTPUT = 1;
    private static final int MODE_MARK = 2;

    private final PacketView frame = new PacketView();
    private final ParsedFrame parsed = new ParsedFrame();
    private final boolean bits;
    private final double ratePerNano;
    private final double burst;
    private final int mode;
    private final int dscp;
    private double tokens;
    private long last = Long.MIN_VALUE;
    private long exceeded;
    private final java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();
    private int out;
    private int exceed;

    public RateLimit(final StageParameters parameters)
    {
        if (parameters.has("packets-per-second") == parameters.has("bits-per-second"))
        {
            throw parameters.error(parameters.has("bits-per-second") ? "bits-per-second" : "packets-per-second",
                "expected exactly one of packets-per-second and bits-per-second");
        }
        bits = parameters.has("bits-per-second");
        final String key = bits ? "bits-per-second" : "packets-per-second";
        final long rate = parameters.getLong(key, 0);
        if (rate < 1 || rate > 1_000_000_000_000L)
        {
            throw parameters.error(key, "expected a rate from 1 to 10^12 per second");
        }
        ratePerNano = rate / NANOS_PER_SECOND;
        final long defaultBurst = Math.max(bits ? 1514 * 8 : 1, rate / 10);
        final long depth = parameters.getLong("burst", defaultBurst);
        if (depth < 1)
        {
            throw parameters.error("burst", "expected a bucket depth of at least 1 (" + (bits ? "bits" : "packets") +
                ")");
        }
        burst = depth;
        tokens = burst;
        final String exceedMode = parameters.getString("exceed", "drop");
        switch (exceedMode)
        {
            case "drop":
                mode = MODE_DROP;
                break;
            case "output":
                mode = MODE_OUTPUT;
                break;
            case "mark":
                mode = MODE_MARK;
                break;
            default:
                throw parameters.error("exceed", "expected drop, output (to output exceed) or mark (a lower DSCP)");
        }
        dscp = parameters.getInt("dscp", 8, 0, 63);
        if (parameters.has("dscp") && MODE_MARK != mode)
        {
            throw parameters.error("dscp", "expected dscp only with exceed = mark");
        }
    }

    @Override
    public List<String> outputs()
    {
        return MODE_OUTPUT == mode ? List.of(OUT, EXCEED) : List.of(OUT);
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output(OUT);
        exceed = MODE_OUTPUT == mode ? context.output(EXCEED) : -1;
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        refill(BatchClock.nanos(batch));
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            final double cost = bits ? batch.length(i) * 8.0 : 1.0;
            if (tokens >= cost)
            {
                tokens -= cost;
                outputs.send(i, out);
                continue;
            }
            exceeded++;
            switch (mode)
            {
                case MODE_OUTPUT:
                    outputs.send(i, exceed);
                    break;
                case MODE_MARK:
                    mark(batch, i);
                    outputs.send(i, out);
                    break;
                case MODE_DROP:
                default:
                    outputs.drop(i, RATE_LIMITED);
                    break;
            }
        }
        published.setRelease(exceeded);
    }

    /** @return packets beyond the rate so far (dropped, sent to exceed or marked); any thread. */
    public long exceeded()
    {
        return published.getAcquire();
    }

    @Override
    public void report(final MetricsSink sink)
    {
        sink.counter("exceeded", exceeded());
    }

    private void refill(final long now)
    {
        if (Long.MIN_VALUE != last)
        {
            tokens = Math.min(burst, tokens + Math.max(0, now - last) * ratePerNano);
        }
        last = now;
    }

    private void mark(final PacketBatch batch, final int i)
    {
        frame.wrap(batch, i);
        if (ParseResult.OK != FrameParser.parseNetwork(frame, parsed))
        {
            return;
        }
        final int l3 = parsed.l3Offset();
        if (4 == parsed.ipVersion())
        {
            final int word = frame.u16(l3);
            final int marked = (word & 0xFF03) | (dscp << 2);
            frame.u16(l3, marked);
            final int checksum = l3 + Ipv4Descriptor.CHECKSUM_OFFSET;
            frame.u16(checksum, Checksums.update16(frame.u16(checksum), word, marked));
        }
        else if (6 == parsed.ipVersion())
        {
            // Traffic class: the 8 bits after the version; DSCP is its high 6.
            final int word = frame.u16(l3);
            frame.u16(l3, (word & 0xF03F) | (dscp << 6));
        }
    }
}
