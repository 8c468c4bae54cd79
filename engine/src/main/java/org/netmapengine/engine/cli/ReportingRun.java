package org.netmapengine.engine.cli;

import org.netmapengine.io.pktgen.TrafficReporter;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a pkt-gen loop on a thread of its own and reports from the calling thread once a second, as pkt-gen's main
 * thread does, then prints the summary.
 * <p>
 * SIGINT (or any other JVM shutdown) stops the loop instead of killing it: a shutdown hook asks it to stop and
 * holds the JVM until the summary is out, for at most {@value #SUMMARY_WAIT_SECONDS} seconds.
 */
final class ReportingRun
{
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SUMMARY_WAIT_SECONDS = 5;

    private ReportingRun()
    {
    }

    /**
     * @param loop    the generator or receiver; it must end on its own or when {@code stop} runs.
     * @param stop    asks {@code loop} to end; safe from any thread.
     * @param summary prints the summary once the loop has ended.
     * @throws RuntimeException what the loop threw, after the summary.
     */
    static void run(
        final String threadName,
        final Runnable loop,
        final Runnable stop,
        final TrafficReporter reporter,
        final Runnable summary)
    {
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final Thread worker = new Thread(() -> runCatching(loop, failure), threadName);
        final CountDownLatch summarised = new CountDownLatch(1);
        final Thread hook = new Thread(() -> stopAndAwait(stop, summarised), threadName + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            worker.start();
            reportUntilDone(worker, reporter, stop);
            summary.run();
        }
        finally
        {
            summarised.countDown();
            removeHook(hook);
        }
        if (null != failure.get())
        {
            throw failure.get();
        }
    }

    private static void reportUntilDone(final Thread worker, final TrafficReporter reporter, final Runnable stop)
    {
        long next = System.nanoTime() + INTERVAL_NANOS;
        try
        {
            while (worker.isAlive())
            {
                final long wait = next - System.nanoTime();
                if (wait > 0)
                {
                    TimeUnit.NANOSECONDS.timedJoin(worker, wait);
                }
                final long now = System.nanoTime();
                if (worker.isAlive() && now - next >= 0)
                {
                    reporter.report(now);
                    next += INTERVAL_NANOS;
                }
            }
        }
        catch (final InterruptedException e)
        {
            stop.run();
            joinUninterruptibly(worker);
            Thread.currentThread().interrupt();
        }
    }

    private static void runCatching(final Runnable loop, final AtomicReference<RuntimeException> failure)
    {
        try
        {
            loop.run();
        }
        catch (final RuntimeException e)
        {
            failure.set(e);
        }
    }

    private static void stopAndAwait(final Runnable stop, final CountDownLatch summarised)
    {
        stop.run();
        try
        {
            summarised.await(SUMMARY_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(final Thread worker)
    {
        boolean interrupted = false;
        while (worker.isAlive())
        {
            try
            {
                worker.join();
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException e)
        {
            // The JVM is shutting down (SIGINT): the hook is running and waits for the summary, already printed.
        }
    }
}
