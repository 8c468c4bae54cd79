package org.netmapengine.io.port;

/**
 * A port could not be opened or used, with the {@link Reason} a caller can act on and a message a person
 * can act on.
 */
public final class NetmapException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** Why, in terms a caller can branch on. */
    public enum Reason
    {
        /** {@code /dev/netmap} does not exist: the kernel module is not loaded. */
        MODULE_NOT_LOADED,
        /** {@code /dev/netmap} or a port exists but this user may not open it. */
        PERMISSION_DENIED,
        /** The kernel speaks another netmap API version. */
        API_MISMATCH,
        /** The kernel granted fewer extra buffers than the port needs. */
        NOT_ENOUGH_EXTRA_BUFFERS,
        /** No interface or port of that name. */
        UNKNOWN_INTERFACE,
        /** The rings are in exclusive use by someone else. */
        BUSY,
        /** The process holding the other end of a pipe died without closing it. */
        PEER_DIED,
        /** The backend cannot do what the port name asks. */
        NOT_SUPPORTED,
        /** The request was malformed or inconsistent. */
        INVALID_REQUEST,
        /** Out of memory, buffers, rings or pipes. */
        RESOURCE_EXHAUSTED,
        /** Any other system error. */
        SYSTEM_ERROR
    }

    private final Reason reason;
    private final String port;
    private final int errno;

    public NetmapException(final Reason reason, final String port, final int errno, final String message)
    {
        super(port + ": " + message);
        this.reason = reason;
        this.port = port;
        this.errno = errno;
    }

    public NetmapException(final Reason reason, final String port, final String message)
    {
        this(reason, port, 0, message);
    }

    public NetmapException(final Reason reason, final String port, final String message, final Throwable cause)
    {
        this(reason, port, 0, message);
        initCause(cause);
    }

    public Reason reason()
    {
        return reason;
    }

    /** @return the port name the error is about. */
    public String port()
    {
        return port;
    }

    /** @return the system {@code errno} behind the error, 0 when none. */
    public int errno()
    {
        return errno;
    }
}
