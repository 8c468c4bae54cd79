package org.netmapengine.io.port;

import org.netmapengine.io.name.PortSpec;

/**
 * Opens netmap ports one way: the kernel's {@code /dev/netmap}, or netmap emulated in user space.
 */
public interface Backend
{
    /** @return what this backend is. */
    BackendKind kind();

    /**
     * Registers the port, maps its memory region (shared with every port already open in it) and binds
     * its rings.
     *
     * @throws NetmapException with a {@link NetmapException.Reason} and a message that says what to do.
     */
    NetmapPort open(PortSpec spec, PortOptions options);
}
