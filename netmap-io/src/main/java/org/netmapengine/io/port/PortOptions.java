package org.netmapengine.io.port;

/**
 * How to open a port, beyond what its name says.
 *
 * @param extraBuffers         extra buffers to ask for ({@code nr_extra_bufs}); they fill the port's free list.
 * @param requiredExtraBuffers the fewest the port can work with: the kernel may grant fewer than asked, and
 *                             fewer than this fails the open with {@link NetmapException.Reason#NOT_ENOUGH_EXTRA_BUFFERS}.
 */
public record PortOptions(int extraBuffers, int requiredExtraBuffers)
{
    public static final PortOptions DEFAULT = new PortOptions(0, 0);

    public PortOptions
    {
        if (extraBuffers < 0 || requiredExtraBuffers < 0 || requiredExtraBuffers > extraBuffers)
        {
            throw new IllegalArgumentException("need 0 <= requiredExtraBuffers <= extraBuffers: extraBuffers=" +
                extraBuffers + " requiredExtraBuffers=" + requiredExtraBuffers);
        }
    }

    /** @return options asking for, and requiring, {@code count} extra buffers. */
    public static PortOptions withExtraBuffers(final int count)
    {
        return new PortOptions(count, count);
    }
}
