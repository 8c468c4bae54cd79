package org.netmapengine.engine.cli;

import picocli.CommandLine.Command;

/**
 * {@code netmap-engine ports}: look at netmap port names and ports.
 */
@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = "Parse netmap port names, or open a port to see what it has.",
    subcommands = {PortsParseCommand.class, PortsOpenCommand.class})
final class PortsCommand
{
}
