package org.netmapengine.engine.cli;

import org.netmapengine.io.name.PortSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code netmap-engine ports parse NAME}: what a port name means to netmap, field by field, or where it is wrong.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Show what a netmap port name means (prefix, kernel name, pipe end, mode, ring, flags, options), " +
        "or where it goes wrong. Opens nothing.",
    footer = {"", "Example:", "  netmap-engine ports parse 'netmap:eth0-2/R@conf:rings=4'"})
final class PortsParseCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "a port name, e.g. netmap:eth0, 'netmap:p{1', vale0:a")
    String name;

    /** A bad name throws {@link org.netmapengine.io.name.PortNameException}: {@link UserErrors} prints it, exit 2. */
    @Override
    public Integer call()
    {
        spec.commandLine().getOut().print(PortSpec.parse(name).describe());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
