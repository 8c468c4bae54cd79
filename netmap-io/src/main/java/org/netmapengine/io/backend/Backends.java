package org.netmapengine.io.backend;

import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

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

    /**
     * Fails at open, not here: {@code auto} builds a kernel backend it uses only when {@code /dev/netmap} opens, so
     * building one must not fail.
     */
    private static Backend kernel()
    {
        return new Backend()
        {
            @Override
            public BackendKind kind()
            {
                return BackendKind.KERNEL;
            }

            @Override
            public NetmapPort open(final PortSpec spec, final PortOptions options)
            {
                throw new NetmapException(NetmapException.Reason.NOT_SUPPORTED, spec.name(),
                    "the kernel backend is not built yet; use backend 'emulated' for netmap pipes");
            }
        };
    }
}
