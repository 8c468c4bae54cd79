package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import org.netmapengine.io.name.PortFlag;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.graph.CompiledPipeline;
import org.netmapengine.pipeline.graph.IdleSettings;
import org.netmapengine.pipeline.graph.PortDef;
import org.netmapengine.pipeline.graph.Segment;
import org.netmapengine.pipeline.graph.StageDef;
import org.netmapengine.pipeline.graph.Target;
import org.netmapengine.pipeline.graph.TxSettings;
import org.netmapengine.pipeline.packet.SymmetricFlowHash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one compiled pipeline: the parent of its receivers, stage actors and transmitters.
 * <p>
 * Start: opens every port first (a receiver's file descriptor binds only RX rings, {@code /R}, a transmitter's
 * only TX rings, {@code /T}, so each has one owner thread), closing what it opened if one fails, and answers
 * {@link Started} or {@link StartFailed}. Then it spawns transmitters, stage actors from the last segment to the
 * first (so every exit exists), and receivers last.
 * <p>
 * Stop, in DESIGN.md's order: receivers stop taking packets; in-flight batches drain (bounded wait); stage
 * actors give back their spare buffers and stop; transmitters close; receivers rebuild the extra-buffer lists
 * and close, and the memory regions unmap when their last port closes. The answer is the final
 * {@link PipelineReport}.
 */
public final class PipelineRuntime extends AbstractBehavior<PipelineRuntime.Command>
{
    /** The runtime's protocol. */
    public sealed interface Command
    {
    }

    /** Ask for every actor's counters. */
    public record GetStatus(ActorRef<PipelineStatus> replyTo) implements Command
    {
    }

    /**
     * Stop the stage actors of segment {@code segment} (named by its entry stage) while the pipeline runs, as an
     * operator would stop a stuck stage: what is sent to them from then on is recovered as dropped
     * {@code stage-stopped}, so the accounting still holds.
     */
    public record StopSegment(String segment) implements Command
    {
    }

    /** Shut the pipeline down and reply with its final accounting. */
    public record Stop(ActorRef<PipelineReport> replyTo) implements Command
    {
    }

    /** The answer to a start: running, with its ports as the backends opened them. */
    public record Started(String pipeline, ActorRef<Command> runtime, List<String> ports) implements StartResult
    {
    }

    /** The answer to a start: a port did not open; nothing was left open. */
    public record StartFailed(String pipeline, String reason) implements StartResult
    {
    }

    /** What a start answers. */
    public sealed interface StartResult permits Started, StartFailed
    {
    }

    /**
     * Tuning that does not belong to a pipeline definition; see the actors' {@code reference.conf}.
     *
     * @param transmitterDispatcher where transmitters run: a pinned thread each (the default), or a shared
     *                              dispatcher; either way one actor serializes every sync of its fd.
     */
    public record Tuning(int receiverPool, int stagePool, int spares, Duration drainTimeout, Duration statusTimeout,
        String transmitterDispatcher)
    {
        public static final Tuning DEFAULT = new Tuning(16, 32, 256, Duration.ofSeconds(5), Duration.ofSeconds(2),
            "netmap-engine.dispatchers.port");
    }

    private record Observed(PipelineStatus status) implements Command
    {
    }

    private enum Tick implements Command
    {
        INSTANCE
    }

    private record Closed(Object status) implements Command
    {
    }

    private static final DispatcherSelector PORT_DISPATCHER =
        DispatcherSelector.fromConfig("netmap-engine.dispatchers.port");
    private static final DispatcherSelector STAGE_DISPATCHER =
        DispatcherSelector.fromConfig("netmap-engine.dispatchers.stage");
    private static final Duration DRAIN_POLL = Duration.ofMillis(20);

    private final CompiledPipeline pipeline;
    private final Tuning tuning;
    private final TimerScheduler<Command> timers;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<ActorRef<PortReceiver.Command>> receivers = new ArrayList<>();
    private final List<ActorRef<PortTransmitter.Command>> transmitters = new ArrayList<>();
    private final List<ActorRef<StageActor.Command>> segmentActors = new ArrayList<>();
    private final List<StageActor.StageCountersHolder> stageCounters = new ArrayList<>();
    private final List<PortStatus> closedReceivers = new ArrayList<>();
    private final List<TransmitterStatus> closedTransmitters = new ArrayList<>();
    private final Map<String, Integer> fanouts = new HashMap<>();
    private final List<String> portNames = new ArrayList<>();
    private int bufferSize;
    private ActorRef<PipelineReport> stopReplyTo;
    private Phase phase = Phase.RUNNING;
    private long deadline;

    private enum Phase
    {
        RUNNING, DRAINING_PACKETS, DRAINING_SPARES, STOPPING_STAGES, CLOSING_TRANSMITTERS, CLOSING_RECEIVERS
    }

    /**
     * @param backends the backend that opens each port (from the port's own setting or the engine's).
     */
    public static Behavior<Command> create(
        final CompiledPipeline pipeline,
        final Function<PortDef, Backend> backends,
        final Tuning tuning,
        final ActorRef<StartResult> startedReplyTo)
    {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        {
            final OpenPorts open;
            try
            {
                open = OpenPorts.open(pipeline, backends);
            }
            catch (final RuntimeException e)
            {
                startedReplyTo.tell(new StartFailed(pipeline.name(), e.getMessage()));
                return Behaviors.stopped();
            }
            final PipelineRuntime runtime = new PipelineRuntime(context, timers, pipeline, tuning, open);
            startedReplyTo.tell(new Started(pipeline.name(), context.getSelf(), open.descriptions()));
            return runtime;
        }));
    }

    private PipelineRuntime(
        final ActorContext<Command> context,
        final TimerScheduler<Command> timers,
        final CompiledPipeline pipeline,
        final Tuning tuning,
        final OpenPorts open)
    {
        super(context);
        this.pipeline = pipeline;
        this.tuning = tuning;
        this.timers = timers;

        final Map<String, Downstream> toPort = new HashMap<>();
        for (final Map.Entry<String, NetmapPort> tx : open.transmitting.entrySet())
        {
            final PortDef def = pipeline.port(tx.getKey());
            final TxSettings settings = def.tx();
            final ActorRef<PortTransmitter.Command> ref = context.spawn(PortTransmitter.create(new PortTransmitter.Settings(
                def.name(), tx.getValue(), settings.whenFull() == TxSettings.WhenFull.WAIT ?
                PortTransmitter.WhenFull.WAIT : PortTransmitter.WhenFull.DROP, settings.waitTimeout(), def.cpus(),
                stopping)), "tx-" + def.name(), DispatcherSelector.fromConfig(tuning.transmitterDispatcher()));
            context.watch(ref);
            transmitters.add(ref);
            toPort.put(def.name(), downstream(ref.narrow()));
        }

        final int ports = open.receiving.size();
        // Port ids are the receivers' order; a port with one receiver per ring has one id per ring, one name.
        open.receiving.keySet().forEach(key -> portNames.add(key.split("#")[0]));
        // Packets live in the receivers' buffers (copies too, in spares the receivers lend).
        bufferSize = open.receiving.values().stream().mapToInt(p -> p.region().bufferSize()).min().orElse(0);
        final Map<String, Downstream> toSegment = new HashMap<>();
        final List<Segment> segments = pipeline.segments();
        for (int s = segments.size() - 1; s >= 0; s--)
        {
            final Segment segment = segments.get(s);
            toSegment.put(segment.entry().name(), spawnSegment(segment, toSegment, toPort, ports));
        }

        int portId = 0;
        for (final Map.Entry<String, NetmapPort> rx : open.receiving.entrySet())
        {
            final PortDef def = pipeline.port(rx.getKey().split("#")[0]);
            final String target = ((Target.StageTarget)def.to().orElseThrow()).stage();
            final Downstream downstream = toSegment.get(target);
            if (null == downstream)
            {
                throw new IllegalStateException("port " + def.name() + " feeds stage " + target +
                    ", which does not start a segment");
            }
            final ActorRef<PortReceiver.Command> ref = context.spawn(PortReceiver.create(new PortReceiver.Settings(
                portId, rx.getKey(), rx.getValue(), def.batch(), tuning.receiverPool() + downstream.instances(),
                idle(def.idle()), def.cpus(), downstream, new SymmetricFlowHash(),
                def.batch() * (fanouts.get(target) - 1))), "rx-" + rx.getKey().replace('#', '-'),
                PORT_DISPATCHER);
            context.watch(ref);
            receivers.add(ref);
            portId++;
        }
    }

    private Downstream spawnSegment(
        final Segment segment,
        final Map<String, Downstream> toSegment,
        final Map<String, Downstream> toPort,
        final int ports)
    {
        final List<Target> exitTargets = new ArrayList<>();
        final List<Downstream> exits = new ArrayList<>();
        final List<SegmentPlan.StagePlan> members = new ArrayList<>();
        int fanout = 1;
        for (final StageDef stage : segment.stages())
        {
            final List<SegmentPlan.Route> routes = new ArrayList<>();
            for (int output = 0; output < stage.outputs().size(); output++)
            {
                routes.add(route(stage.target(output), segment, exitTargets, exits, toSegment, toPort));
            }
            members.add(new SegmentPlan.StagePlan(stage.name(), () -> stage.factory().create(), stage.outputs(), routes));
            final Stage trial = stage.factory().create();
            fanout *= 1 + trial.copiesPerPacket();
        }
        final int batch = pipeline.ports().stream().mapToInt(PortDef::batch).max().orElse(256);
        // Receivers attach the spares a batch's copies need; a segment that copies and is fed by other segments
        // keeps a reserve of its own, asked for ahead, so a lend can arrive in time.
        final int spares = fanout > 1 && !segment.upstreamSegments().isEmpty() ?
            Math.max(tuning.spares(), 4 * batch * (fanout - 1)) : 0;
        final SegmentPlan plan = new SegmentPlan(segment.name(), members, exits, batch, spares, fanout, portNames,
            bufferSize);
        final int instances = segment.parallelism();
        @SuppressWarnings("unchecked")
        final ActorRef<HandleBatch.Work>[] refs = new ActorRef[instances];
        fanouts.put(segment.entry().name(), fanout);
        for (int i = 0; i < instances; i++)
        {
            final List<StageActor.StageCountersHolder> counters = new ArrayList<>();
            for (final StageDef stage : segment.stages())
            {
                counters.add(new StageActor.StageCountersHolder(instances > 1 ? stage.name() + "#" + i : stage.name()));
            }
            stageCounters.addAll(counters);
            final ActorRef<StageActor.Command> ref = getContext().spawn(StageActor.create(new StageActor.Settings(plan,
                i, instances, ports, new SymmetricFlowHash(), tuning.stagePool(), counters)),
                "stage-" + segment.name() + (instances > 1 ? "-" + i : ""), STAGE_DISPATCHER);
            getContext().watch(ref);
            segmentActors.add(ref);
            refs[i] = ref.narrow();
        }
        return new Downstream(refs);
    }

    private static SegmentPlan.Route route(
        final Target target,
        final Segment segment,
        final List<Target> exitTargets,
        final List<Downstream> exits,
        final Map<String, Downstream> toSegment,
        final Map<String, Downstream> toPort)
    {
        if (target instanceof Target.DropTarget)
        {
            return new SegmentPlan.ToDrop(DropReason.DROPPED);
        }
        if (target instanceof Target.StageTarget && segment.contains(((Target.StageTarget)target).stage()))
        {
            final String stage = ((Target.StageTarget)target).stage();
            for (int k = 0; k < segment.stages().size(); k++)
            {
                if (segment.stages().get(k).name().equals(stage))
                {
                    return new SegmentPlan.ToStage(k);
                }
            }
        }
        int exit = exitTargets.indexOf(target);
        if (exit < 0)
        {
            final Downstream downstream = target instanceof Target.StageTarget ?
                toSegment.get(((Target.StageTarget)target).stage()) : toPort.get(((Target.PortTarget)target).port());
            if (null == downstream)
            {
                throw new IllegalStateException("no actor for " + target.describe() + " (segments out of order?)");
            }
            exitTargets.add(target);
            exits.add(downstream);
            exit = exits.size() - 1;
        }
        return new SegmentPlan.ToExit(exit);
    }

    @SuppressWarnings("unchecked")
    private static Downstream downstream(final ActorRef<HandleBatch.Work> ref)
    {
        return new Downstream(ref);
    }

    private static IdlePolicy idle(final IdleSettings idle)
    {
        switch (idle.strategy())
        {
            case BACKOFF:
                return IdlePolicy.backoff(idle.maxSpins(), idle.maxYields(), idle.minPark(), idle.maxPark());
            case YIELD:
                return IdlePolicy.yielding();
            case SPIN:
                return IdlePolicy.spin();
            case POLL:
            default:
                return IdlePolicy.poll(idle.pollTimeout());
        }
    }

    @Override
    public Receive<Command> createReceive()
    {
        return newReceiveBuilder()
            .onMessage(GetStatus.class, this::onGetStatus)
            .onMessage(Stop.class, this::onStop)
            .onMessage(StopSegment.class, this::onStopSegment)
            .onMessage(Tick.class, tick -> onTick())
            .onMessage(Observed.class, this::onObserved)
            .onMessage(Closed.class, this::onClosed)
            .onSignal(Terminated.class, this::onTerminated)
            .build();
    }

    private Behavior<Command> onGetStatus(final GetStatus get)
    {
        collectStatus(get.replyTo());
        return this;
    }

    private void collectStatus(final ActorRef<PipelineStatus> replyTo)
    {
        getContext().spawnAnonymous(StatusCollector.create(pipeline.name(), receivers, transmitters, segmentActors,
            tuning.statusTimeout(), replyTo));
    }

    private Behavior<Command> onStopSegment(final StopSegment stop)
    {
        for (final ActorRef<StageActor.Command> actor : segmentActors)
        {
            final String name = actor.path().name();
            if (name.equals("stage-" + stop.segment()) || name.startsWith("stage-" + stop.segment() + "-"))
            {
                getContext().getLog().warn("pipeline {}: stopping {} on request", pipeline.name(), name);
                getContext().stop(actor);
            }
        }
        return this;
    }

    private Behavior<Command> onStop(final Stop stop)
    {
        if (phase != Phase.RUNNING)
        {
            getContext().getLog().warn("pipeline {} is already stopping", pipeline.name());
            return this;
        }
        stopReplyTo = stop.replyTo();
        receivers.forEach(r -> r.tell(PortReceiver.StopReceiving.INSTANCE));
        phase = Phase.DRAINING_PACKETS;
        deadline = System.nanoTime() + tuning.drainTimeout().toNanos();
        timers.startTimerWithFixedDelay(Tick.INSTANCE, DRAIN_POLL);
        return this;
    }

    private Behavior<Command> onTick()
    {
        if (phase == Phase.DRAINING_PACKETS || phase == Phase.DRAINING_SPARES)
        {
            collectStatus(getContext().messageAdapter(PipelineStatus.class, Observed::new));
        }
        return this;
    }

    private Behavior<Command> onObserved(final Observed observed)
    {
        final PipelineStatus status = observed.status();
        final boolean late = System.nanoTime() - deadline > 0;
        if (phase == Phase.DRAINING_PACKETS && (status.inFlight() <= status.spareBuffers() || late))
        {
            if (late)
            {
                getContext().getLog().warn("pipeline {}: {} packets still in flight after {}", pipeline.name(),
                    status.inFlight() - status.spareBuffers(), tuning.drainTimeout());
            }
            final ActorRef<SegmentStatus> ignore = getContext().messageAdapter(SegmentStatus.class, s -> Tick.INSTANCE);
            segmentActors.forEach(s -> s.tell(new StageActor.Drain(ignore)));
            phase = Phase.DRAINING_SPARES;
            deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        }
        else if (phase == Phase.DRAINING_SPARES && (0 == status.inFlight() || late))
        {
            timers.cancel(Tick.INSTANCE);
            stopping.set(true);
            phase = Phase.STOPPING_STAGES;
            if (segmentActors.isEmpty())
            {
                closeTransmitters();
            }
            segmentActors.forEach(getContext()::stop);
        }
        return this;
    }

    private Behavior<Command> onTerminated(final Terminated terminated)
    {
        if (phase == Phase.STOPPING_STAGES)
        {
            segmentActors.remove(terminated.getRef());
            if (segmentActors.isEmpty())
            {
                closeTransmitters();
            }
        }
        else if (phase == Phase.RUNNING)
        {
            getContext().getLog().error("pipeline {}: {} stopped while running; packets sent to it are recovered " +
                "as dropped 'stage-stopped'", pipeline.name(), terminated.getRef().path().name());
            segmentActors.remove(terminated.getRef());
        }
        return this;
    }

    private void closeTransmitters()
    {
        phase = Phase.CLOSING_TRANSMITTERS;
        if (transmitters.isEmpty())
        {
            closeReceivers();
            return;
        }
        final ActorRef<TransmitterStatus> adapter = getContext().messageAdapter(TransmitterStatus.class, Closed::new);
        transmitters.forEach(t -> t.tell(new PortTransmitter.Close(adapter)));
    }

    private void closeReceivers()
    {
        phase = Phase.CLOSING_RECEIVERS;
        if (receivers.isEmpty())
        {
            finish();
            return;
        }
        final ActorRef<PortStatus> adapter = getContext().messageAdapter(PortStatus.class, Closed::new);
        receivers.forEach(r -> r.tell(new PortReceiver.Close(adapter)));
    }

    private Behavior<Command> onClosed(final Closed closed)
    {
        if (closed.status() instanceof TransmitterStatus)
        {
            closedTransmitters.add((TransmitterStatus)closed.status());
            if (closedTransmitters.size() == transmitters.size())
            {
                closeReceivers();
            }
        }
        else
        {
            closedReceivers.add((PortStatus)closed.status());
            if (closedReceivers.size() == receivers.size())
            {
                return finish();
            }
        }
        return this;
    }

    private Behavior<Command> finish()
    {
        final List<StageStatus> stages = new ArrayList<>();
        stageCounters.forEach(holder -> stages.add(holder.counters.snapshot(0)));
        final PipelineReport report = PipelineReport.of(pipeline.name(), closedReceivers, closedTransmitters, stages);
        stopReplyTo.tell(report);
        return Behaviors.stopped();
    }

    /**
     * The ports a pipeline opens before anything runs: one receiving fd per receiving port (or per RX ring) and
     * one transmitting fd per port transmitted to. All or nothing.
     */
    private static final class OpenPorts
    {
        final Map<String, NetmapPort> receiving = new java.util.LinkedHashMap<>();
        final Map<String, NetmapPort> transmitting = new java.util.LinkedHashMap<>();

        static OpenPorts open(final CompiledPipeline pipeline, final Function<PortDef, Backend> backends)
        {
            final OpenPorts open = new OpenPorts();
            try
            {
                for (final PortDef def : pipeline.ports())
                {
                    final Backend backend = backends.apply(def);
                    if (def.transmits())
                    {
                        open.transmitting.put(def.name(),
                            backend.open(def.spec().withFlag(PortFlag.TX_RINGS_ONLY), PortOptions.DEFAULT));
                    }
                    if (def.receives())
                    {
                        open.openReceiving(def, backend);
                    }
                }
                return open;
            }
            catch (final RuntimeException e)
            {
                open.closeAll();
                throw e;
            }
        }

        private void openReceiving(final PortDef def, final Backend backend)
        {
            final PortSpec rx = def.spec().withFlag(PortFlag.RX_RINGS_ONLY);
            final PortOptions options = new PortOptions(def.extraBuffers(), Math.min(def.extraBuffers(), def.batch()));
            final NetmapPort whole = backend.open(rx, options);
            if (!def.perRing() || whole.rxRingCount() <= 1)
            {
                receiving.put(def.name(), whole);
                return;
            }
            final int rings = whole.rxRingCount();
            whole.close();
            for (int ring = 0; ring < rings; ring++)
            {
                receiving.put(def.name() + "#" + ring, backend.open(rx.withRing(ring), options));
            }
        }

        List<String> descriptions()
        {
            final List<String> all = new ArrayList<>();
            receiving.values().forEach(p -> all.add(p.describe()));
            transmitting.values().forEach(p -> all.add(p.describe()));
            return all;
        }

        void closeAll()
        {
            receiving.values().forEach(NetmapPort::close);
            transmitting.values().forEach(NetmapPort::close);
        }
    }
}
