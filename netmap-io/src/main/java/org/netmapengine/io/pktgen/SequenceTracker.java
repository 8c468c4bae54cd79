package org.netmapengine.io.pktgen;

import java.util.Arrays;

/**
 * Finds lost, duplicated and reordered packets in a stream of sequence numbers that should count up by one.
 * <p>
 * The first number seen starts the stream, as in pkt-gen's {@code rxseq}; packets before it are not counted as
 * lost. A number past the next expected one opens a gap, counted as lost; a number below it is late: if it fills
 * a gap it was reordered (and is no longer lost), if it was already seen it is a duplicate. Which numbers were
 * seen is remembered for the last {@value #WINDOW}; a packet later than that is counted as reordered.
 * <p>
 * One writer, the receiver's thread. The in-order case touches plain fields only; the anomaly counters are
 * volatile, written only when an anomaly happens, and readable from any thread.
 */
public final class SequenceTracker
{
    /** Sequence numbers remembered behind the next expected one; a power of two. */
    public static final int WINDOW = 1024;
    private static final int MASK = WINDOW - 1;

    private final long[] seen = new long[WINDOW / Long.SIZE];
    private boolean started;
    private long first;
    private long expected;
    private volatile long lost;
    private volatile long duplicates;
    private volatile long reordered;

    /** Takes the sequence number of the next packet received. */
    public void onSequence(final long sequence)
    {
        if (sequence == expected && started)
        {
            mark(sequence);
            expected = sequence + 1;
        }
        else if (!started)
        {
            started = true;
            first = sequence;
            mark(sequence);
            expected = sequence + 1;
        }
        else if (sequence - expected > 0)
        {
            onGap(sequence);
        }
        else
        {
            onLate(sequence);
        }
    }

    private void onGap(final long sequence)
    {
        clear(expected, sequence);
        mark(sequence);
        lost = lost + (sequence - expected);
        expected = sequence + 1;
    }

    private void onLate(final long sequence)
    {
        if (sequence - first < 0 || expected - sequence > WINDOW)
        {
            reordered = reordered + 1;
        }
        else if (isMarked(sequence))
        {
            duplicates = duplicates + 1;
        }
        else
        {
            mark(sequence);
            reordered = reordered + 1;
            lost = lost - 1;
        }
    }

    /** @return packets missing from the stream so far: gaps not filled by late packets. */
    public long lost()
    {
        return lost;
    }

    public long duplicates()
    {
        return duplicates;
    }

    /** @return packets that came after a later one (late packets that filled a gap, or too late to tell). */
    public long reordered()
    {
        return reordered;
    }

    /** @return the number expected next (owner thread only). */
    public long expected()
    {
        return expected;
    }

    /** @return the first number seen (owner thread only). */
    public long first()
    {
        return first;
    }

    public boolean isStarted()
    {
        return started;
    }

    private void mark(final long sequence)
    {
        final int bit = (int)(sequence & MASK);
        seen[bit >>> 6] |= 1L << (bit & 63);
    }

    private boolean isMarked(final long sequence)
    {
        final int bit = (int)(sequence & MASK);
        return 0 != (seen[bit >>> 6] & (1L << (bit & 63)));
    }

    /** Forgets [from, to): those numbers were skipped. */
    private void clear(final long from, final long to)
    {
        if (to - from >= WINDOW)
        {
            Arrays.fill(seen, 0L);
            return;
        }
        for (long s = from; s != to; s++)
        {
            final int bit = (int)(s & MASK);
            seen[bit >>> 6] &= ~(1L << (bit & 63));
        }
    }
}
