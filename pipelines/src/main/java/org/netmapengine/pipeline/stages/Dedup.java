package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dedup}: drops a frame identical to one seen within the time window before it, as netmap's {@code dedup}
 * does for traffic mirrored twice.
 * <pre>
 *             +-------+
 *   frames --&gt;| dedup | --&gt; out
 *             +-------+ --x duplicate
 * </pre>
 * Parameters: {@code window = 10ms} (how long a frame is remembered), {@code table-size = 4096} (frames remembered
 * at once, a power of two).
 * <p>
 * A frame is remembered by a 64-bit hash of all its bytes and its length, in a direct-mapped table: a slot holds the
 * last frame that hashed to it and when it was first seen, so a busy table forgets early rather than grow. Two
 * different frames with the same hash (about one chance in 2^64) would be taken for duplicates.
 */
public final class Dedup implements Stage
{
    public static final String TYPE = "dedup";
    public static final List<String> PARAMETERS = List.of("table-size", "window");
    public static final DropReason DUPLICATE = DropReason.of("duplicate");

    private static final long EMPTY = Long.MIN_VALUE;
    private static final long PRIME = 0x9E3779B97F4A7C15L;

    private final PacketView frame = new PacketView();
    private final long windowNanos;
    private final long[] hashes;
    private final long[] seen;
    private final int mask;
    private int out;

    public Dedup(final StageParameters parameters)
    {
        final Duration window = parameters.getDuration("window", Duration.ofMillis(10));
        if (window.isNegative() || window.isZero() || window.toHours() > 24)
        {
            throw parameters.error("window", "expected a duration above 0 and at most 24h, such as 10ms");
        }
        windowNanos = window.toNanos();
        final int size = parameters.getInt("table-size", 4096, 1, 1 << 24);
        if (Integer.bitCount(size) != 1)
        {
            throw parameters.error("table-size", "expected a power of two, such as 4096");
        }
        hashes = new long[size];
        seen = new long[size];
        Arrays.fill(seen, EMPTY);
        mask = size - 1;
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final long now = BatchClock.nanos(batch);
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            frame.wrap(batch, i);
            final long hash = hash();
            final int slot = (int)(hash ^ (hash >>> 32)) & mask;
            if (hashes[slot] == hash && EMPTY != seen[slot] && now - seen[slot] <= windowNanos)
            {
                outputs.drop(i, DUPLICATE);
                continue;
            }
            hashes[slot] = hash;
            seen[slot] = now;
            outputs.send(i, out);
        }
    }

    /** A 64-bit hash of every byte and the length: 8 bytes a step, each mixed in by multiply and rotate. */
    private long hash()
    {
        final int length = frame.length();
        long h = length * PRIME;
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            h = Long.rotateLeft(h ^ (frame.nativeU64(i) * PRIME), 31) * 0xBF58476D1CE4E5B9L;
        }
        for (; i < length; i++)
        {
            h = Long.rotateLeft(h ^ ((long)frame.u8(i) * PRIME), 31) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
