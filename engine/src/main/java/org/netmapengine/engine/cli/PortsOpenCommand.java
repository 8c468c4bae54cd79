package org.netmapengine.engine.cli;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code netmap-engine ports open NAME}: opens a port, prints what it got, closes it.
 */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = "Open a port, print its backend, rings, slots and buffers, and close it.",
    footer = {"", "Example:", "  netmap-engine ports open 'netmap:p{0' --backend emulated"})
final class PortsOpenCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the port name")
    String name;

    @Option(names = "--extra-buffers", paramLabel = "N", defaultValue = "0",
        description = "Extra buffers to ask for (nr_extra_bufs). Default: ${DEFAULT-VALUE}.")
    int extraBuffers;

    @Mixin
    BackendOptions backend;

    @Override
    public Integer call()
    {
        if (extraBuffers < 0)
        {
            throw new IllegalArgumentException("--extra-buffers must not be negative: " + extraBuffers);
        }
        try (NetmapPort port = backend.open(PortSpec.parse(name), new PortOptions(extraBuffers, 0)))
        {
            spec.commandLine().getOut().println(port.describe());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
