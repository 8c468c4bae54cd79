package org.netmapengine.actors;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.netmapengine.io.port.Backend;
import org.netmapengine.pipeline.compiler.PipelineCompiler;
import org.netmapengine.pipeline.compiler.StageRegistry;
import org.netmapengine.pipeline.graph.CompiledPipeline;

import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Runs pipelines in a test kit the way the engine does: compiles HOCON with the standard stages, starts a
 * {@link PipelineRuntime} on a backend, asks for its status, and stops it for the final report.
 * <p>
 * A JUnit extension: a test class registers one as a static field ({@code @RegisterExtension}) and gets a test
 * kit of its own for all its tests, with the dead-letter salvager the engine runs, shut down after the last test.
 */
final class PipelineDriver implements BeforeAllCallback, AfterAllCallback
{
    private ActorTestKit testKit;

    @Override
    public void beforeAll(final ExtensionContext context)
    {
        testKit = ActorTestKit.create(ConfigFactory.load());
        testKit.spawn(DeadLetterSalvager.create(), "salvager");
    }

    @Override
    public void afterAll(final ExtensionContext context)
    {
        testKit.shutdownTestKit();
        testKit = null;
    }

    static CompiledPipeline compile(final String hocon)
    {
        return PipelineCompiler.compile(ConfigFactory.parseString(hocon).resolve(), PipelineCompiler.DEFAULT_PATH,
            StageRegistry.standard());
    }

    /** @return the runtime of {@code hocon}'s pipeline, started with the default tuning on {@code backend}. */
    ActorRef<PipelineRuntime.Command> start(final String hocon, final Backend backend)
    {
        return start(compile(hocon), backend, PipelineRuntime.Tuning.DEFAULT);
    }

    /** @return the runtime, once every port is open; fails the test if the pipeline did not start. */
    ActorRef<PipelineRuntime.Command> start(
        final CompiledPipeline pipeline, final Backend backend, final PipelineRuntime.Tuning tuning)
    {
        final TestProbe<PipelineRuntime.StartResult> started = testKit.createTestProbe();
        testKit.spawn(PipelineRuntime.create(pipeline, port -> backend, tuning, started.ref()));
        final PipelineRuntime.StartResult result = started.receiveMessage(Duration.ofSeconds(10));
        assertInstanceOf(PipelineRuntime.Started.class, result, result.toString());
        ((PipelineRuntime.Started)result).ports().forEach(p -> System.out.println("  " + p));
        return ((PipelineRuntime.Started)result).runtime();
    }

    PipelineStatus status(final ActorRef<PipelineRuntime.Command> runtime)
    {
        final TestProbe<PipelineStatus> status = testKit.createTestProbe();
        runtime.tell(new PipelineRuntime.GetStatus(status.ref()));
        return status.receiveMessage(Duration.ofSeconds(10));
    }

    /** Polls the status every 50 ms until {@code done} holds or {@code timeout} passes; the caller asserts. */
    void await(final ActorRef<PipelineRuntime.Command> runtime, final Predicate<PipelineStatus> done,
        final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(status(runtime)) && System.nanoTime() < deadline)
        {
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return the final report, printed, after a drain of at most the tuning's drain timeout. */
    PipelineReport stop(final ActorRef<PipelineRuntime.Command> runtime)
    {
        final TestProbe<PipelineReport> report = testKit.createTestProbe();
        runtime.tell(new PipelineRuntime.Stop(report.ref()));
        final PipelineReport result = report.receiveMessage(Duration.ofSeconds(60));
        System.out.println(result.render());
        return result;
    }
}
