package org.netmapengine.engine.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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
 * <p>
 * Nodes started together clean the same parent at once: a file another node removed first is no error, and a
 * directory is reported deleted only by the node whose delete removed it.
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
                if (matcher.matches() && Files.isDirectory(child) && !alive(Long.parseLong(matcher.group(1))) &&
                    deleteRecursively(child))
                {
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

    /** @return whether this call removed {@code directory} itself (false when another node got there first). */
    private static boolean deleteRecursively(final Path directory) throws IOException
    {
        final boolean[] removed = new boolean[1];
        Files.walkFileTree(directory, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException
            {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(final Path file, final IOException e) throws IOException
            {
                return goneAlready(e);
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException e) throws IOException
            {
                if (e != null)
                {
                    goneAlready(e);
                }
                final boolean gone = Files.deleteIfExists(dir);
                if (dir.equals(directory))
                {
                    removed[0] = gone;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return removed[0];
    }

    private static FileVisitResult goneAlready(final IOException e) throws IOException
    {
        if (e instanceof NoSuchFileException)
        {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }
}
