package org.netmapengine.engine.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded Aeron media driver's directories, one per node: {@code PARENT/SYSTEM-PID-RANDOM}. A node stopped
 * cleanly deletes its own (Akka's {@code delete-aeron-dir}); one killed ({@code kill -9}, OOM killer) leaves it
 * behind, tens of megabytes of {@code /dev/shm} each. At start a node deletes every directory of its system name
 * under the parent whose process is gone.
 * <p>
 * Only names of this exact form are touched; a directory whose process is alive (or whose pid now belongs to a
 * new process) is left alone. Processes in other pid namespaces sharing the parent are not seen: give such nodes
 * parents of their own.
 */
public final class AeronDirectories
{
    private AeronDirectories()
    {
    }

    /** @return a directory name for a new node of {@code system} in this process, not yet created. */
    public static Path newDirectory(final Path parent, final String system)
    {
        return parent.resolve(String.format(Locale.ROOT, "%s-%d-%08x", system, ProcessHandle.current().pid(),
            ThreadLocalRandom.current().nextInt()));
    }

    /**
     * Deletes the directories of dead nodes of {@code system} under {@code parent}.
     *
     * @return the directories deleted.
     */
    public static List<Path> deleteStale(final Path parent, final String system)
    {
        final List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(parent))
        {
            return deleted;
        }
        final Pattern name = Pattern.compile(Pattern.quote(system) + "-(\\d+)-[0-9a-f]{8}");
        try (Stream<Path> children = Files.list(parent))
        {
            for (final Path child : (Iterable<Path>)children::iterator)
            {
                final Matcher matcher = name.matcher(child.getFileName().toString());
                if (matcher.matches() && Files.isDirectory(child) && !alive(Long.parseLong(matcher.group(1))))
                {
                    deleteRecursively(child);
                    deleted.add(child);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot clean stale Aeron directories in " + parent, e);
        }
        return deleted;
    }

    private static boolean alive(final long pid)
    {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteRecursively(final Path directory) throws IOException
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
