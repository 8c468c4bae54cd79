package org.netmapengine.io.backend;

import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.kernel.KernelBackend;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;

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
                return new KernelBackend();
            case AUTO:
            default:
                // Checked per open, not once: the module may be loaded while the engine runs.
                final KernelBackend kernel = new KernelBackend();
                return new AutoBackend(kernel, new EmulatedBackend(emulated), kernel::unavailableReason);
        }
    }
}
