package org.netmapengine.engine.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.netmapengine.engine.EngineSettings;
import org.netmapengine.io.afpacket.AfPacketConfig;
import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options every command that opens a port shares: which backend, and where emulated pipes live.
 */
final class BackendOptions
{
    @Option(names = "--backend", paramLabel = "auto|kernel|emulated", defaultValue = "auto",
        converter = BackendKindConverter.class,
        description = "Backend that opens the port: kernel (/dev/netmap), emulated (netmap pipes in user space), " +
            "or auto (kernel when /dev/netmap opens, else emulated; the choice is logged). Default: ${DEFAULT-VALUE}.")
    BackendKind backend;

    @Option(names = "--emulated-dir", paramLabel = "DIR",
        description = "Where the emulated backend keeps its shared-memory region files; processes that share a " +
            "pipe must use the same. Default: /dev/shm/netmap-engine, or netmap-engine in the temporary " +
            "directory where there is no /dev/shm.")
    Path emulatedDirectory;

    @Option(names = "--af-packet", paramLabel = "KEY=VALUE",
        description = "How emulated NIC ports (netmap:eth0 without the netmap module) open, as in " +
            "netmap-engine.emulated.af-packet: slots, buffer-size, rx-block-size, rx-blocks, retire, tx-frames, " +
            "promiscuous, qdisc-bypass, multi-slot. Repeatable, e.g. --af-packet promiscuous=on --af-packet rx-blocks=128.")
    Map<String, String> afPacket;

    /**
     * @throws org.netmapengine.io.port.NetmapException when the port does not open.
     * @throws IllegalArgumentException when an {@code --af-packet} setting is unknown or out of range.
     */
    NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        EmulatedConfig emulated = null == emulatedDirectory ?
            EmulatedConfig.DEFAULT : EmulatedConfig.DEFAULT.withDirectory(emulatedDirectory);
        if (null != afPacket && !afPacket.isEmpty())
        {
            emulated = emulated.withAfPacket(afPacketConfig(afPacket));
        }
        return Backends.create(backend, emulated).open(spec, options);
    }

    private static AfPacketConfig afPacketConfig(final Map<String, String> settings)
    {
        final List<String> known = List.of("slots", "buffer-size", "rx-block-size", "rx-blocks", "retire",
            "tx-frames", "promiscuous", "qdisc-bypass", "multi-slot");
        for (final String key : settings.keySet())
        {
            if (!known.contains(key))
            {
                throw new IllegalArgumentException("--af-packet " + key + ": unknown setting, expected one of " +
                    String.join(", ", known));
            }
        }
        try
        {
            return EngineSettings.afPacket(ConfigFactory.parseMap(settings));
        }
        catch (final ConfigException e)
        {
            throw new IllegalArgumentException("--af-packet: " + e.getMessage(), e);
        }
    }

    static final class BackendKindConverter implements CommandLine.ITypeConverter<BackendKind>
    {
        @Override
        public BackendKind convert(final String value)
        {
            try
            {
                return BackendKind.fromConfig(value);
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
