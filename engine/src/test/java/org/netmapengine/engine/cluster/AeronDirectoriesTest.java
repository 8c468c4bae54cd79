package org.netmapengine.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AeronDirectoriesTest
{
    private static final int NODES = 4;

    @TempDir
    Path parent;

    @Test
    void shouldLetNodesStartingTogetherCleanTheSameStaleDirectoryWithoutFailing() throws Exception
    {
        final long dead = ClusterConfigTest.deadPid();
        final ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try
        {
            for (int round = 0; round < 50; round++)
            {
                final Path stale = staleDirectory(dead, round);
                final CyclicBarrier start = new CyclicBarrier(NODES);
                final List<Future<List<Path>>> cleaned = new ArrayList<>();
                for (int node = 0; node < NODES; node++)
                {
                    cleaned.add(nodes.submit(() ->
                    {
                        start.await();
                        return AeronDirectories.deleteStale(parent, "netmap-engine");
                    }));
                }

                int reported = 0;
                for (final Future<List<Path>> node : cleaned)
                {
                    reported += node.get().size();
                }
                assertFalse(Files.exists(stale), "round " + round + ": the dead node's directory is gone");
                assertEquals(1, reported, "round " + round + ": the node that removed it reports it, once");
            }
        }
        finally
        {
            nodes.shutdownNow();
        }
    }

    @Test
    void shouldReportNothingWhenTheParentDoesNotExist()
    {
        assertEquals(List.of(), AeronDirectories.deleteStale(parent.resolve("absent"), "netmap-engine"));
    }

    private Path staleDirectory(final long deadPid, final int round) throws Exception
    {
        final Path stale = Files.createDirectories(
            parent.resolve(String.format("netmap-engine-%d-%08x", deadPid, round)));
        for (int d = 0; d < 10; d++)
        {
            final Path sub = Files.createDirectories(stale.resolve("publications-" + d));
            for (int f = 0; f < 20; f++)
            {
                Files.writeString(sub.resolve(f + ".logbuffer"), "left behind by kill -9");
            }
        }
        return stale;
    }
}
