package org.netmapengine.engine.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import com.typesafe.config.Config;
import org.netmapengine.actors.PipelineReport;
import org.netmapengine.engine.NetmapEngineActor;
import org.netmapengine.engine.serialization.NodeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packet node's control receiver: carries out the monitors' requests (stop, start, reload a pipeline) through
 * the node's {@link NetmapEngineActor} and answers each with a {@link ControlResult}. Monitors find it through the
 * Receptionist under {@link #KEY}.
 * <p>
 * A reload is compiled on the node before anything stops: a rejected definition comes back with its errors and
 * the running pipeline is not touched. A start runs the node's own definition of the pipeline, or the one its last
 * applied reload brought.
 */
public final class ControlReceiver extends AbstractBehavior<ControlReceiver.Command>
{
    /** Where monitors find packet nodes to control. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "netmap-engine-control");

    /** The receiver's protocol; the public requests come from monitors on other nodes. */
    public sealed interface Command
    {
    }

    /** Stop pipeline {@code pipeline}; its final accounting comes back. */
    public record StopPipeline(String pipeline, ActorRef<ControlResult> replyTo) implements Command, NodeMessage
    {
    }

    /** Start pipeline {@code pipeline} again, from the node's configuration or its last applied reload. */
    public record StartPipeline(String pipeline, ActorRef<ControlResult> replyTo) implements Command, NodeMessage
    {
    }

    /**
     * Replace pipeline {@code pipeline} by the definition in {@code hocon}: a file with a top-level
     * {@code pipeline { }} or with {@code netmap-engine.pipelines.<pipeline> { }}. Compiled first; if that fails,
     * the running pipeline is left alone and the errors come back.
     */
    public record ReloadPipeline(String pipeline, String hocon, ActorRef<ControlResult> replyTo)
        implements Command, NodeMessage
    {
    }

    /**
     * How a control request ended.
     *
     * @param node       the node that carried it out ({@code host:port}).
     * @param action     {@code stop}, {@code start} or {@code reload}.
     * @param ok         done; false with {@code errors} when refused or failed.
     * @param errors     every reason it was refused: a reload's compile errors with file, line and path.
     * @param leaked     leaked handles in the final accounting of the pipeline it stopped; -1 when none stopped.
     * @param accounting that final accounting for people, or empty.
     */
    public record ControlResult(String node, String action, String pipeline, boolean ok, List<String> errors,
        long leaked, String accounting) implements NodeMessage
    {
        public ControlResult
        {
            errors = new ArrayList<>(errors);
        }
    }

    /** A pipeline definition this node can start: the path of a pipeline in a configuration. */
    public record Definition(Config root, String path)
    {
    }

    private record Answer(ControlResult result, ActorRef<ControlResult> replyTo) implements Command
    {
    }

    private record Reloaded(String pipeline, Definition next, NetmapEngineActor.ReloadResult result, Throwable failure,
        ActorRef<ControlResult> replyTo) implements Command
    {
    }

    private final ActorRef<NetmapEngineActor.Command> engine;
    private final Map<String, Definition> definitions;
    private final Duration timeout;
    private final NodeIdentity self;

    /**
     * @param engine      the node's engine.
     * @param definitions the pipelines the node can start, by name (those it started from its configuration).
     * @param timeout     how long the engine may take to stop or start a pipeline.
     */
    public static Behavior<Command> create(final ActorRef<NetmapEngineActor.Command> engine,
        final Map<String, Definition> definitions, final Duration timeout)
    {
        return Behaviors.setup(context -> new ControlReceiver(context, engine, definitions, timeout));
    }

    private ControlReceiver(final ActorContext<Command> context, final ActorRef<NetmapEngineActor.Command> engine,
        final Map<String, Definition> definitions, final Duration timeout)
    {
        super(context);
        this.engine = engine;
        this.definitions = new LinkedHashMap<>(definitions);
        this.timeout = timeout;
        this.self = NodeIdentity.of(context.getSystem());
        context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
    }

    @Override
    public Receive<Command> createReceive()
    {
        return newReceiveBuilder()
            .onMessage(StopPipeline.class, this::onStop)
            .onMessage(StartPipeline.class, this::onStart)
            .onMessage(ReloadPipeline.class, this::onReload)
            .onMessage(Reloaded.class, this::onReloaded)
            .onMessage(Answer.class, this::onAnswer)
            .build();
    }

    private Behavior<Command> onStop(final StopPipeline stop)
    {
        getContext().getLog().info("monitor asks to stop pipeline {}", stop.pipeline());
        getContext().ask(NetmapEngineActor.StopResult.class, engine, timeout,
            replyTo -> new NetmapEngineActor.StopPipeline(stop.pipeline(), replyTo),
            (stopped, failure) -> new Answer(null != failure ? failed("stop", stop.pipeline(), failure) :
                null == stopped.report() ? refused("stop", stop.pipeline(),
                    "no pipeline '" + stop.pipeline() + "' is running on this node") :
                    done("stop", stop.pipeline(), stopped.report()), stop.replyTo()));
        return this;
    }

    private Behavior<Command> onStart(final StartPipeline start)
    {
        getContext().getLog().info("monitor asks to start pipeline {}", start.pipeline());
        final Definition definition = definitions.get(start.pipeline());
        if (null == definition)
        {
            start.replyTo().tell(refused("start", start.pipeline(), "no definition of pipeline '" + start.pipeline() +
                "' on this node; known: " + definitions.keySet()));
            return this;
        }
        getContext().ask(NetmapEngineActor.StartResult.class, engine, timeout,
            replyTo -> new NetmapEngineActor.StartPipeline(definition.root(), definition.path(), replyTo),
            (started, failure) -> new Answer(null != failure ? failed("start", start.pipeline(), failure) :
                new ControlResult(self.node(), "start", start.pipeline(), started.started(), started.errors(), -1, ""),
                start.replyTo()));
        return this;
    }

    private Behavior<Command> onReload(final ReloadPipeline reload)
    {
        final List<String> errors = new ArrayList<>();
        final Definition next = ReloadDefinition.parse(reload.pipeline(), reload.hocon(), errors);
        if (null == next)
        {
            getContext().getLog().warn("reload of pipeline {} rejected, it keeps running: {}", reload.pipeline(), errors);
            reload.replyTo().tell(new ControlResult(self.node(), "reload", reload.pipeline(), false, errors, -1, ""));
            return this;
        }
        getContext().ask(NetmapEngineActor.ReloadResult.class, engine, timeout,
            replyTo -> new NetmapEngineActor.ReloadPipeline(reload.pipeline(), next.root(), next.path(), replyTo),
            (result, failure) -> new Reloaded(reload.pipeline(), next, result, failure, reload.replyTo()));
        return this;
    }

    private Behavior<Command> onReloaded(final Reloaded reloaded)
    {
        final String pipeline = reloaded.pipeline();
        if (null != reloaded.failure())
        {
            reloaded.replyTo().tell(failed("reload", pipeline, reloaded.failure()));
            return this;
        }
        final NetmapEngineActor.ReloadResult result = reloaded.result();
        final PipelineReport previous = result.previous();
        final long leaked = null == previous ? -1 : previous.leaked();
        final String accounting = null == previous ? "" : previous.render();
        if (result.applied())
        {
            getContext().getLog().info("pipeline {} reloaded", pipeline);
            definitions.put(pipeline, reloaded.next());
            reloaded.replyTo().tell(new ControlResult(self.node(), "reload", pipeline, true, List.of(), leaked,
                accounting));
            return this;
        }
        // Compiled, but the new pipeline did not start (a port): the old one has stopped, so start it again.
        final List<String> errors = new ArrayList<>(result.errors());
        final Definition old = definitions.get(pipeline);
        getContext().getLog().error("reloaded pipeline {} did not start: {}", pipeline, errors);
        if (null == previous || null == old)
        {
            reloaded.replyTo().tell(new ControlResult(self.node(), "reload", pipeline, false, errors, leaked,
                accounting));
            return this;
        }
        getContext().ask(NetmapEngineActor.StartResult.class, engine, timeout,
            replyTo -> new NetmapEngineActor.StartPipeline(old.root(), old.path(), replyTo),
            (restarted, failure) ->
            {
                errors.add(null == failure && restarted.started() ? "the previous definition runs again" :
                    "the previous definition did not start again: " +
                        (null == failure ? restarted.errors() : failure.toString()));
                return new Answer(new ControlResult(self.node(), "reload", pipeline, false, errors, leaked, accounting),
                    reloaded.replyTo());
            });
        return this;
    }

    private Behavior<Command> onAnswer(final Answer answer)
    {
        final ControlResult result = answer.result();
        getContext().getLog().info("{} pipeline {}: {}{}", result.action(), result.pipeline(),
            result.ok() ? "done" : "refused", result.errors().isEmpty() ? "" : " " + result.errors());
        answer.replyTo().tell(result);
        return this;
    }

    private ControlResult done(final String action, final String pipeline, final PipelineReport report)
    {
        return new ControlResult(self.node(), action, pipeline, true, List.of(), report.leaked(), report.render());
    }

    private ControlResult refused(final String action, final String pipeline, final String error)
    {
        return new ControlResult(self.node(), action, pipeline, false, List.of(error), -1, "");
    }

    private ControlResult failed(final String action, final String pipeline, final Throwable failure)
    {
        return refused(action, pipeline, "the engine did not answer within " + timeout.toSeconds() + "s: " + failure);
    }
}
