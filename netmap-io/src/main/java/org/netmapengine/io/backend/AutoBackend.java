package org.netmapengine.io.backend;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * {@code netmap.backend = auto}: the kernel backend when {@code /dev/netmap} opens, the emulated one otherwise.
 * The choice is made and logged per port, because users confuse native and emulated mode and must be told
 * which one they got.
 */
public final class AutoBackend implements Backend
{
    private static final Logger LOG = LoggerFactory.getLogger(AutoBackend.class);

    private final Backend kernel;
    private final Backend emulated;
    private final Supplier<String> kernelUnavailable;

    /**
     * @param kernelUnavailable null when {@code /dev/netmap} opens, else why it does not.
     */
    public AutoBackend(final Backend kernel, final Backend emulated, final Supplier<String> kernelUnavailable)
    {
        this.kernel = kernel;
        this.emulated = emulated;
        this.kernelUnavailable = kernelUnavailable;
    }

    @Override
    public BackendKind kind()
    {
        return BackendKind.AUTO;
    }

    @Override
    public NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        final String why = kernelUnavailable.get();
        final NetmapPort port;
        if (null == why)
        {
            port = kernel.open(spec, options);
            LOG.info("{}: backend kernel (native netmap)", spec.name());
        }
        else
        {
            port = emulated.open(spec, options);
            LOG.info("{}: backend emulated, because {}", spec.name(), why);
        }
        return port;
    }
}
