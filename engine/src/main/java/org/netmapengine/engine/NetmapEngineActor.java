package org.netmapengine.engine;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import com.typesafe.config.Config;
import org.netmapengine.actors.PipelineReport;
import org.netmapengine.actors.PipelineRuntime;
import org.netmapengine.actors.PipelineStatus;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.compiler.PipelineCompiler;
import org.netmapengine.pipeline.compiler.PipelineValidationException;
import org.netmapengine.pipeline.compiler.StageRegistry;
import org.netmapengine.pipeline.graph.CompiledPipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine inside an {@code ActorSystem}: compiles pipeline definitions (with the application's class loader,
 * so user stage classes come from its classpath), runs each in a {@link PipelineRuntime}, answers with their
 * counters, reloads one (validated before it replaces the running one) and stops them.
 * <p>
 * Spawn it in your own guardian with {@link #create}, or let {@link NetmapEngine} spawn it for you.
 */
public final class NetmapEngineActor extends AbstractBehavior<NetmapEngineActor.Command>
{
    /** The engine's protocol. */
    public sealed interface Command
    {
    }

    /** Compile the pipeline at {@code path} of {@code root} and run it. */
    public record StartPipeline(Config root, String path, ActorRef<StartResult> replyTo) implements Command
    {
    }

    /** Stop pipeline {@code name}; the answer is its final accounting, or null when there is no such pipeline. */
    public record StopPipeline(String name, ActorRef<StopResult> replyTo) implements Command
    {
    }

    /**
     * Replace pipeline {@code name} by the definition at {@code path} of {@code root}: compiled first; if that
     * fails the running pipeline is left alone and the errors come back.
     */
    public record ReloadPipeline(String name, Config root, String path, ActorRef<ReloadResult> replyTo) implements Command
    {
    }

    /** List the running pipelines. */
    public record ListPipelines(ActorRef<List<String>> replyTo) implements Command
    {
    }

    /** Every pipeline's counters. */
    public record GetMetrics(ActorRef<EngineMetrics> replyTo) implements Command
    {
    }

    /** Stop every pipeline; the answer is their final accounting. */
    public record Shutdown(ActorRef<List<PipelineReport>> replyTo) implements Command
    {
    }

    /**
     * How a start ended: running, refused (with every error of the definition: {@code invalid}), or failed at a
     * port.
     */
    public record StartResult(String pipeline, boolean started, List<String> errors, List<String> ports, boolean invalid)
    {
    }

    /** How a stop ended: the final accounting, or null when no pipeline had that name. */
    public record StopResult(String pipeline, PipelineReport report)
    {
    }

    /** How a reload ended: applied (with the old pipeline's final accounting) or rejected with its errors. */
    public record ReloadResult(String pipeline, boolean applied, List<String> errors, PipelineReport previous)
    {
    }

    private record Started(PipelineRuntime.StartResult result) implements Command
    {
    }

    private record Stopped(PipelineReport report) implements Command
    {
    }

    private final EngineSettings settings;
    private final StageRegistry registry;
    private final Map<String, ActorRef<PipelineRuntime.Command>> running = new LinkedHashMap<>();
    private final Map<String, Consumer<PipelineRuntime.StartResult>> whenStarted = new HashMap<>();
    private final Map<String, Consumer<PipelineReport>> whenStopped = new HashMap<>();
    private final ActorRef<PipelineRuntime.StartResult> startedAdapter;
    private final ActorRef<PipelineReport> stoppedAdapter;
    private long generation;

    /**
     * @param registry the stage types and the class loader user stages come from.
     */
    public static Behavior<Command> create(final EngineSettings settings, final StageRegistry registry)
    {
        return Behaviors.setup(context -> new NetmapEngineActor(context, settings, registry));
    }

    private NetmapEngineActor(final ActorContext<Command> context, final EngineSettings settings,
        final StageRegistry registry)
    {
        super(context);
        this.settings = settings;
        this.registry = registry;
        this.startedAdapter = context.messageAdapter(PipelineRuntime.StartResult.class, Started::new);
        this.stoppedAdapter = context.messageAdapter(PipelineReport.class, Stopped::new);
    }

    @Override
    public Receive<Command> createReceive()
    {
        return newReceiveBuilder()
            .onMessage(StartPipeline.class, this::onStart)
            .onMessage(Started.class, this::onStarted)
            .onMessage(StopPipeline.class, this::onStopPipeline)
            .onMessage(Stopped.class, this::onStopped)
            .onMessage(ReloadPipeline.class, this::onReload)
            .onMessage(ListPipelines.class, list ->
            {
                list.replyTo().tell(List.copyOf(running.keySet()));
                return this;
            })
            .onMessage(GetMetrics.class, this::onGetMetrics)
            .onMessage(Shutdown.class, this::onShutdown)
            .onSignal(Terminated.class, this::onTerminated)
            .build();
    }

    /** @return the compiled pipeline, or null after adding to {@code errors} everything wrong with it. */
    private CompiledPipeline compile(final Config root, final String path, final List<String> errors)
    {
        try
        {
            return PipelineCompiler.compile(root, path, registry);
        }
        catch (final PipelineValidationException e)
        {
            e.errors().forEach(error -> errors.add(error.getMessage()));
        }
        catch (final PipelineConfigException e)
        {
            errors.add(e.getMessage());
        }
        return null;
    }

    private Behavior<Command> onStart(final StartPipeline start)
    {
        final List<String> errors = new ArrayList<>();
        final CompiledPipeline pipeline = compile(start.root(), start.path(), errors);
        if (null == pipeline)
        {
            start.replyTo().tell(new StartResult(start.path(), false, errors, List.of(), true));
        }
        else if (running.containsKey(pipeline.name()))
        {
            start.replyTo().tell(new StartResult(pipeline.name(), false,
                List.of("a pipeline named '" + pipeline.name() + "' is already running"), List.of(), false));
        }
        else
        {
            spawn(pipeline, result -> start.replyTo().tell(startResult(pipeline.name(), result)));
        }
        return this;
    }

    private void spawn(final CompiledPipeline pipeline, final Consumer<PipelineRuntime.StartResult> then)
    {
        final ActorRef<PipelineRuntime.Command> runtime = getContext().spawn(
            PipelineRuntime.create(pipeline, settings.backends(), settings.tuning(), startedAdapter),
            "pipeline-" + pipeline.name() + "-" + generation++);
        running.put(pipeline.name(), runtime);
        whenStarted.put(pipeline.name(), then);
        getContext().watch(runtime);
    }

    private static StartResult startResult(final String name, final PipelineRuntime.StartResult result)
    {
        if (result instanceof PipelineRuntime.Started)
        {
            return new StartResult(name, true, List.of(), ((PipelineRuntime.Started)result).ports(), false);
        }
        return new StartResult(name, false, List.of(((PipelineRuntime.StartFailed)result).reason()), List.of(), false);
    }

    private Behavior<Command> onStarted(final Started started)
    {
        final PipelineRuntime.StartResult result = started.result();
        final String name = result instanceof PipelineRuntime.Started ?
            ((PipelineRuntime.Started)result).pipeline() : ((PipelineRuntime.StartFailed)result).pipeline();
        if (result instanceof PipelineRuntime.StartFailed)
        {
            running.remove(name);
            getContext().getLog().error("pipeline {} did not start: {}", name, ((PipelineRuntime.StartFailed)result).reason());
        }
        else
        {
            getContext().getLog().info("pipeline {} running", name);
        }
        final Consumer<PipelineRuntime.StartResult> then = whenStarted.remove(name);
        if (null != then)
        {
            then.accept(result);
        }
        return this;
    }

    /** Asks pipeline {@code name} to stop and runs {@code then} with its final accounting. */
    private boolean stop(final String name, final Consumer<PipelineReport> then)
    {
        final ActorRef<PipelineRuntime.Command> runtime = running.get(name);
        if (null == runtime)
        {
            return false;
        }
        whenStopped.put(name, then);
        runtime.tell(new PipelineRuntime.Stop(stoppedAdapter));
        return true;
    }

    private Behavior<Command> onStopPipeline(final StopPipeline stop)
    {
        if (!stop(stop.name(), report -> stop.replyTo().tell(new StopResult(stop.name(), report))))
        {
            stop.replyTo().tell(new StopResult(stop.name(), null));
        }
        return this;
    }

    private Behavior<Command> onStopped(final Stopped stopped)
    {
        final String name = stopped.report().pipeline();
        running.remove(name);
        final Consumer<PipelineReport> then = whenStopped.remove(name);
        if (null != then)
        {
            then.accept(stopped.report());
        }
        return this;
    }

    private Behavior<Command> onReload(final ReloadPipeline reload)
    {
        final List<String> errors = new ArrayList<>();
        final CompiledPipeline pipeline = compile(reload.root(), reload.path(), errors);
        if (null == pipeline)
        {
            getContext().getLog().warn("reload of pipeline {} rejected, it keeps running: {}", reload.name(), errors);
            reload.replyTo().tell(new ReloadResult(reload.name(), false, errors, null));
            return this;
        }
        final Consumer<PipelineReport> startNew = previous -> spawn(pipeline, result ->
        {
            final StartResult started = startResult(pipeline.name(), result);
            reload.replyTo().tell(new ReloadResult(reload.name(), started.started(), started.errors(), previous));
        });
        if (!stop(reload.name(), startNew))
        {
            startNew.accept(null);
        }
        return this;
    }

    private Behavior<Command> onGetMetrics(final GetMetrics get)
    {
        getContext().spawnAnonymous(MetricsCollector.create(List.copyOf(running.values()),
            settings.tuning().statusTimeout(), get.replyTo()));
        return this;
    }

    private Behavior<Command> onShutdown(final Shutdown shutdown)
    {
        final List<PipelineReport> reports = new ArrayList<>();
        final int expected = running.size();
        if (0 == expected)
        {
            shutdown.replyTo().tell(List.of());
            return this;
        }
        for (final String name : List.copyOf(running.keySet()))
        {
            stop(name, report ->
            {
                reports.add(report);
                if (reports.size() == expected)
                {
                    shutdown.replyTo().tell(List.copyOf(reports));
                }
            });
        }
        return this;
    }

    private Behavior<Command> onTerminated(final Terminated terminated)
    {
        running.values().removeIf(ref -> ref.equals(terminated.getRef()));
        return this;
    }

    /** @return how long to wait for answers when asked from outside. */
    static Duration askTimeout(final EngineSettings settings)
    {
        return settings.tuning().drainTimeout().plus(settings.tuning().statusTimeout()).plusSeconds(10);
    }
}
