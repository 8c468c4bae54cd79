package org.netmapengine.io.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A process as Linux knows it: its pid and its start time (clock ticks since boot, field 22 of
 * {@code /proc/PID/stat}). The pair survives pid reuse: a recycled pid has another start time.
 */
public record ProcessIdentity(int pid, long startTime)
{
    /** @return this JVM's process. */
    public static ProcessIdentity self()
    {
        final int pid = (int)ProcessHandle.current().pid();
        return new ProcessIdentity(pid, startTimeOf(pid));
    }

    /** @return true while the process runs (a zombie counts as dead). */
    public boolean isAlive()
    {
        final String stat = readStat(pid);
        return null != stat && startTimeOf(stat) == startTime && state(stat) != 'Z' && state(stat) != 'X';
    }

    /** @return the start time of {@code pid}, or -1 when there is no such process. */
    public static long startTimeOf(final int pid)
    {
        final String stat = readStat(pid);
        return null == stat ? -1 : startTimeOf(stat);
    }

    private static long startTimeOf(final String stat)
    {
        // Fields after the command name, which is in parentheses and may itself hold spaces and ')'.
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[19]);
    }

    private static char state(final String stat)
    {
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private static String readStat(final int pid)
    {
        try
        {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "stat"), StandardCharsets.US_ASCII);
        }
        catch (final NoSuchFileException e)
        {
            return null;
        }
        catch (final IOException e)
        {
            return null;
        }
    }
}
