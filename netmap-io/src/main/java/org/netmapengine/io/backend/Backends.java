package org.netmapengine.io.backend;

import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;

/**
 * Builds the backend {@code netmap.backend} names.
 */
public final class Backends
{
    private Backends()
    {
    }

    public static Backend create(final BackendKind kind, final EmulatedConfig emulated)
    {
        switch (kind)
        {
            case EMULATED:
                return new EmulatedBackend(emulated);
            case KERNEL:
                return kernel();
            case AUTO:
            default:
                return new AutoBackend(kernel(), new EmulatedBackend(emulated), () -> "/dev/netmap is not available");
        }
    }

    private static Backend kernel()
    {
        throw new NetmapException(NetmapException.Reason.NOT_SUPPORTED, "kernel", "the kernel backend is not built yet");
    }
}
