package org.netmapengine.io.pktgen;

/**
 * The frames a generator sends, one after another: each written in place into a packet buffer, with the next
 * sequence number and the next addresses and ports of the ranges.
 * <p>
 * Allocates nothing per frame. Not thread-safe.
 */
public final class FrameSource
{
    private final FrameTemplate template;
    private final RangeWalker walker;
    private long sequence;

    public FrameSource(final FrameSpec spec)
    {
        this.template = new FrameTemplate(spec);
        this.walker = new RangeWalker(spec.src(), spec.dst());
    }

    /** @return length of every frame, in bytes. */
    public int length()
    {
        return template.length();
    }

    /** @return the sequence number the next frame carries; the first is 0. */
    public long nextSequence()
    {
        return sequence;
    }

    /**
     * Writes the next frame at {@code address}, which must have room for {@link #length()} bytes, and moves on.
     * Nothing checks that room here (see {@link FrameTemplate#writeAt}).
     */
    public void writeNext(final long address)
    {
        template.writeAt(address, walker, sequence);
        sequence++;
        walker.advance();
    }
}
