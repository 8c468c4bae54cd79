package org.netmapengine.pipeline.bpf;

/**
 * A filter expression libpcap could not compile (its own message), or libpcap is not there.
 */
public final class BpfException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public BpfException(final String message)
    {
        super(message);
    }
}
