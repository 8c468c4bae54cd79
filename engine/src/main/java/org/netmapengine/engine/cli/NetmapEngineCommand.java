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
    description = "An actor-model packet processing engine on netmap.",
    subcommands = {RunCommand.class, ValidateCommand.class, PortsCommand.class, PktGenCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class NetmapEngineCommand implements java.util.concurrent.Callable<Integer>
{
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
        description = "With no command: how long the embedded default runs. Default: ${DEFAULT-VALUE}.")
    double duration;

    @picocli.CommandLine.Option(names = "--emulated-dir", paramLabel = "DIR",
        description = "With no command: where the emulated pipe's region file lives. Default: /dev/shm/netmap-engine.")
    java.nio.file.Path emulatedDirectory;

    /**
     * With no command: the embedded default, which runs on any Linux machine. pkt-gen sends 64-byte frames into
     * an emulated netmap pipe and a receiver counts them at the other end, each on a thread of its own.
     */
    @Override
    public Integer call() throws Exception
    {
        return EmbeddedDefault.run(spec.commandLine().getOut(), duration, null == emulatedDirectory ?
            org.netmapengine.io.emulated.EmulatedConfig.DEFAULT :
            org.netmapengine.io.emulated.EmulatedConfig.DEFAULT.withDirectory(emulatedDirectory));
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
