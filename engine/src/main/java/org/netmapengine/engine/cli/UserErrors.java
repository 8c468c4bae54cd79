package org.netmapengine.engine.cli;

import org.netmapengine.io.port.NetmapException;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix into one message and an exit code, without a stack trace: a port that does not
 * open ({@link NetmapException}, exit {@value ExitCodes#PORT}) and a bad value found after parsing, such as a bad
 * port name ({@link IllegalArgumentException}, exit {@value ExitCodes#USAGE}). Anything else is a bug and keeps
 * picocli's default: stack trace, exit {@value ExitCodes#SOFTWARE}.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler
{
    @Override
    public int handleExecutionException(
        final Exception e, final CommandLine commandLine, final CommandLine.ParseResult parseResult) throws Exception
    {
        final int exitCode;
        if (e instanceof NetmapException)
        {
            exitCode = ExitCodes.PORT;
        }
        else if (e instanceof IllegalArgumentException)
        {
            exitCode = ExitCodes.USAGE;
        }
        else
        {
            throw e;
        }
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        commandLine.getErr().flush();
        return exitCode;
    }
}
