package org.netmapengine.engine;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import com.typesafe.config.Config;
import org.netmapengine.actors.DeadLetterSalvager;
import org.netmapengine.actors.PipelineReport;
import org.netmapengine.pipeline.compiler.StageRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The engine embedded in an Akka application: one per {@code ActorSystem}, started on first use with the
 * system's configuration ({@code netmap-engine} block) and the application's class loader, so user stage
 * classes come from its classpath.
 * <pre>{@code
 * NetmapEngine engine = NetmapEngine.get(system);
 * engine.startAll(system.settings().config())            // every pipeline under netmap-engine.pipelines
 *       .thenCompose(started -> engine.metrics())
 *       .thenAccept(metrics -> ...);
 * }</pre>
 * Actors can also talk to {@link #ref()} with {@link NetmapEngineActor}'s messages, or spawn
 * {@link NetmapEngineActor#create} in their own hierarchy instead.
 * <p>
 * Thread-safe: every method sends a message.
 */
public final class NetmapEngine implements Extension
{
    /** The extension's id: {@code system.extension(NetmapEngine.ID)}, or {@link #get}. */
    public static final ExtensionId<NetmapEngine> ID = new ExtensionId<>()
    {
        @Override
        public NetmapEngine createExtension(final ActorSystem<?> system)
        {
            return new NetmapEngine(system);
        }
    };

    /** Where pipeline definitions live in the configuration, by name. */
    public static final String PIPELINES_PATH = "netmap-engine.pipelines";

    private final ActorSystem<?> system;
    private final EngineSettings settings;
    private final ActorRef<NetmapEngineActor.Command> engine;
    private final Duration timeout;

    private NetmapEngine(final ActorSystem<?> system)
    {
        this.system = system;
        this.settings = EngineSettings.from(system.settings().config());
        final ClassLoader loader = system.dynamicAccess().classLoader();
        this.engine = system.systemActorOf(NetmapEngineActor.create(settings,
            StageRegistry.standard().withClassLoader(loader)), "netmap-engine", Props.empty());
        system.systemActorOf(DeadLetterSalvager.create(), "netmap-engine-salvager", Props.empty());
        this.timeout = NetmapEngineActor.askTimeout(settings);
    }

    public static NetmapEngine get(final ActorSystem<?> system)
    {
        return ID.apply(system);
    }

    /** @return the engine actor, for actors that talk to it with messages. */
    public ActorRef<NetmapEngineActor.Command> ref()
    {
        return engine;
    }

    public EngineSettings settings()
    {
        return settings;
    }

    /** @return how long the engine may take to answer: a stop drains, a reload stops and starts. */
    public Duration timeout()
    {
        return timeout;
    }

    /** Starts the pipeline defined at {@code path} of {@code root}. */
    public CompletionStage<NetmapEngineActor.StartResult> start(final Config root, final String path)
    {
        return AskPattern.ask(engine, replyTo -> new NetmapEngineActor.StartPipeline(root, path, replyTo), timeout,
            system.scheduler());
    }

    /** Starts every pipeline defined under {@value #PIPELINES_PATH} of {@code root}. */
    public CompletionStage<List<NetmapEngineActor.StartResult>> startAll(final Config root)
    {
        final List<String> paths = new ArrayList<>();
        if (root.hasPath(PIPELINES_PATH))
        {
            for (final String name : root.getObject(PIPELINES_PATH).keySet())
            {
                paths.add(com.typesafe.config.ConfigUtil.joinPath("netmap-engine", "pipelines", name));
            }
        }
        return startAll(root, paths);
    }

    /** Starts the pipelines at {@code paths} of {@code root}. */
    public CompletionStage<List<NetmapEngineActor.StartResult>> startAll(final Config root, final List<String> paths)
    {
        final List<CompletableFuture<NetmapEngineActor.StartResult>> starts = new ArrayList<>();
        paths.forEach(path -> starts.add(start(root, path).toCompletableFuture()));
        return CompletableFuture.allOf(starts.toArray(new CompletableFuture[0]))
            .thenApply(done -> starts.stream().map(CompletableFuture::join).toList());
    }

    /** @return the names of the running pipelines. */
    public CompletionStage<List<String>> pipelines()
    {
        return AskPattern.ask(engine, NetmapEngineActor.ListPipelines::new, timeout, system.scheduler());
    }

    /** @return every running pipeline's counters. */
    public CompletionStage<EngineMetrics> metrics()
    {
        return AskPattern.ask(engine, NetmapEngineActor.GetMetrics::new, timeout, system.scheduler());
    }

    /** Stops one pipeline; completes with its final accounting (null report when it was not running). */
    public CompletionStage<NetmapEngineActor.StopResult> stop(final String pipeline)
    {
        return AskPattern.ask(engine, replyTo -> new NetmapEngineActor.StopPipeline(pipeline, replyTo), timeout,
            system.scheduler());
    }

    /**
     * Replaces pipeline {@code name} with the definition at {@code path} of {@code root}, validated first; a
     * rejected definition leaves the running pipeline alone.
     */
    public CompletionStage<NetmapEngineActor.ReloadResult> reload(final String name, final Config root, final String path)
    {
        return AskPattern.ask(engine, replyTo -> new NetmapEngineActor.ReloadPipeline(name, root, path, replyTo),
            timeout, system.scheduler());
    }

    /** Stops every pipeline; completes with their final accounting. */
    public CompletionStage<List<PipelineReport>> shutdown()
    {
        return AskPattern.ask(engine, NetmapEngineActor.Shutdown::new, timeout, system.scheduler());
    }
}
