package org.netmapengine.engine.cli;

import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

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

    /**
     * @throws org.netmapengine.io.port.NetmapException when the port does not open.
     */
    NetmapPort open(final PortSpec spec, final PortOptions options)
    {
        final EmulatedConfig emulated = null == emulatedDirectory ?
            EmulatedConfig.DEFAULT : EmulatedConfig.DEFAULT.withDirectory(emulatedDirectory);
        return Backends.create(backend, emulated).open(spec, options);
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
