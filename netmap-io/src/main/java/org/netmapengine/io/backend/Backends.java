package org.netmapengine.io.backend;

import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.kernel.KernelBackend;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.pcap.PcapBackend;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

/**
 * Builds the backend {@code netmap.backend} names. Whatever it names, {@code pcap:} names go to the pcap backend: a
 * capture file is not a netmap port, and no configuration should make one open as such.
 */
public final class Backends
{
    private Backends()
    {
    }

    public static Backend create(final BackendKind kind, final EmulatedConfig emulated)
    {
        final Backend chosen;
        switch (kind)
        {
            case EMULATED:
                chosen = new EmulatedBackend(emulated);
                break;
            case KERNEL:
                chosen = new KernelBackend();
                break;
            case PCAP:
                return new PcapBackend(emulated.slots(), emulated.bufferSize());
            case AUTO:
            default:
                // Checked per open, not once: the module may be loaded while the engine runs.
                final KernelBackend kernel = new KernelBackend();
                chosen = new AutoBackend(kernel, new EmulatedBackend(emulated), kernel::unavailableReason);
                break;
        }
        return new PcapByName(chosen, new PcapBackend(emulated.slots(), emulated.bufferSize()));
    }

    /** Sends {@code pcap:} names to the pcap backend and every other name to the chosen one. */
    private static final class PcapByName implements Backend
    {
        private final Backend chosen;
        private final PcapBackend pcap;

        PcapByName(final Backend chosen, final PcapBackend pcap)
        {
            this.chosen = chosen;
            this.pcap = pcap;
        }

        @Override
        public BackendKind kind()
        {
            return chosen.kind();
        }

        @Override
        public NetmapPort open(final PortSpec spec, final PortOptions options)
        {
            return spec.isPcap() ? pcap.open(spec, options) : chosen.open(spec, options);
        }
    }
}
