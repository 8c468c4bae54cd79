package org.netmapengine.engine.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into a stop request, and holds the JVM until the node has stopped in order (its final
 * accounting printed, the cluster left), for at most {@value #WAIT_SECONDS} seconds.
 */
final class StopHook extends Thread
{
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch stopRequested;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopHook(final CountDownLatch stopRequested)
    {
        super("netmap-engine-shutdown");
        this.stopRequested = stopRequested;
    }

    /** @return the hook, installed: it counts {@code stopRequested} down when the JVM is asked to stop. */
    static StopHook install(final CountDownLatch stopRequested)
    {
        final StopHook hook = new StopHook(stopRequested);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** The node has stopped: lets the JVM exit if it was stopping, or removes the hook. */
    static void done(final StopHook hook)
    {
        hook.stopped.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException e)
        {
            // The JVM is shutting down (Ctrl-C): the hook is what waits for us.
        }
    }

    @Override
    public void run()
    {
        stopRequested.countDown();
        try
        {
            stopped.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
