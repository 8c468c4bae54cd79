package org.netmapengine.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code netmap-engine}: the command a user runs, and the shaded jar's main class. Each task is a subcommand.
 * <p>
 * Tests and other code run it through {@link #commandLine()}, which sets up the exit codes in {@link ExitCodes};
 * {@link #main(String[])} only adds {@link System#exit(int)}.
 */
@Command(
    name = "netmap-engine",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"An actor-model packet processing engine on netmap.",
        "With no command it runs the embedded default (as 'run'): pkt-gen into an emulated pipe, a pipeline, sinks."},
    subcommands = {RunCommand.class, MonitorCommand.class, ControlCommand.class, ValidateCommand.class,
        PortsCommand.class, PktGenCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class NetmapEngineCommand implements java.util.concurrent.Callable<Integer>
{
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * With no command: {@code run} on the embedded default (the repository's application.conf), until Ctrl-C or
     * SIGTERM: pkt-gen into an emulated pipe, the default pipeline, sinks, a line of rates per second and the
     * final accounting at the end.
     */
    @Override
    public Integer call() throws Exception
    {
        final RunCommand run = new RunCommand();
        run.spec = spec.subcommands().get("run").getCommandSpec();
        return run.call();
    }

    /** @return the command line, ready to {@link CommandLine#execute(String...)}. */
    public static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(new NetmapEngineCommand())
            .setExecutionExceptionHandler(new UserErrors());
        addExitCodes(commandLine);
        return commandLine;
    }

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    private static void addExitCodes(final CommandLine command)
    {
        if (!"help".equals(command.getCommandName()))
        {
            command.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.descriptions());
        }
        command.getSubcommands().values().forEach(NetmapEngineCommand::addExitCodes);
    }
}
