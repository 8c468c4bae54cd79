package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.PreRestart;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.StashBuffer;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.FlowHash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one segment of a pipeline (consecutive stages fused into one actor) over the batches that reach it:
 * see {@link SegmentRunner}. Batches it produces come from its own pool; before a run it makes sure the pool
 * holds enough for the worst case, and otherwise stashes the work until batches come home. That stops it
 * taking new work, so backpressure reaches the receivers, which leave packets in their rings.
 * <p>
 * Supervision: a failure of the actor itself (not of a stage on a packet, which the runner handles) restarts
 * it; before the restart it gives back every buffer it held ({@code error}). Its counters live outside the
 * behavior and survive the restart.
 */
public final class StageActor extends AbstractBehavior<StageActor.Command>
{
    /** The stage actor's protocol. */
    public sealed interface Command permits HandleBatch.Work, HandleBatch.Recycle, Spares, GetStatus, Drain
    {
    }

    /**
     * Buffers a port lends for copies, as handles of {@code batch} (null when it had none to spare); {@code last}
     * marks the last of the batches that answer one request.
     */
    public record Spares(HandleBatch batch, int owner, boolean last) implements Command
    {
    }

    /** Ask for the segment's counters. */
    public record GetStatus(ActorRef<SegmentStatus> replyTo) implements Command
    {
    }

    /** Give back the spare buffers (shutdown, once no work arrives), then reply with the counters. */
    public record Drain(ActorRef<SegmentStatus> replyTo) implements Command
    {
    }

    /**
     * @param counters one per member stage, owned by whoever spawns the actor, so they survive restarts.
     */
    public record Settings(
        SegmentPlan plan,
        int instance,
        int instances,
        int ports,
        FlowHash flowHash,
        int poolSize,
        List<StageCountersHolder> counters)
    {
    }

    /** Counters of one member stage, handed in from outside so a restart keeps them. */
    public static final class StageCountersHolder
    {
        final StageCounters counters;

        public StageCountersHolder(final String stage)
        {
            this.counters = new StageCounters(stage);
        }
    }

    private static final int STASH_CAPACITY = 100_000;

    private final Settings settings;
    private final StashBuffer<Command> stash;
    private final ArrayDeque<HandleBatch> pool;
    private final Plumbing plumbing;
    private final SegmentRunner runner;
    private final SpareBuffers[] spares;
    private final int batchesPerRun;
    private final StageCounters[] counters;
    private boolean unstashing;

    public static Behavior<Command> create(final Settings settings)
    {
        return Behaviors.supervise(Behaviors.<Command>setup(context ->
            Behaviors.<Command>withStash(STASH_CAPACITY, stash -> new StageActor(context, stash, settings))))
            // Throwable, not just Exception: a stage that throws an Error (an assertion, a stack overflow) is a bug
            // the pipeline survives; Akka still passes fatal errors (out of memory) on to the system.
            .onFailure(Throwable.class, SupervisorStrategy.restart());
    }

    private StageActor(final ActorContext<Command> context, final StashBuffer<Command> stash, final Settings settings)
    {
        super(context);
        this.settings = settings;
        this.stash = stash;
        final SegmentPlan plan = settings.plan();
        this.batchesPerRun = SegmentRunner.batchesPerRun(plan);
        final int poolSize = Math.max(settings.poolSize(), 2 * batchesPerRun);
        this.pool = new ArrayDeque<>(poolSize);
        final ActorRef<HandleBatch.Recycle> self = context.getSelf().narrow();
        for (int i = 0; i < poolSize; i++)
        {
            pool.add(new HandleBatch(plan.batch(), self));
        }
        this.spares = new SpareBuffers[settings.ports()];
        this.counters = settings.counters().stream().map(h -> h.counters).toArray(StageCounters[]::new);
        this.plumbing = new Plumbing();
        this.runner = new SegmentRunner(plan, settings.instance(), settings.instances(), counters, plumbing,
            settings.flowHash(), context.getLog());
        runner.start();
    }

    @Override
    public Receive<Command> createReceive()
    {
        return new DirectReceive<>(this::onMessage, this::onSignal);
    }

    /**
     * Handlers answer {@code Behaviors.same()}, not {@code this}: under a supervisor Akka would otherwise wrap a
     * new interceptor around the behavior on every message.
     */
    private Behavior<Command> onMessage(final Command command)
    {
        if (command instanceof HandleBatch.Work)
        {
            return onWork((HandleBatch.Work)command);
        }
        if (command instanceof HandleBatch.Recycle)
        {
            return onRecycle((HandleBatch.Recycle)command);
        }
        if (command instanceof Spares)
        {
            return onSpares((Spares)command);
        }
        if (command instanceof GetStatus)
        {
            ((GetStatus)command).replyTo().tell(status());
            return Behaviors.same();
        }
        return onDrain((Drain)command);
    }

    private Behavior<Command> onSignal(final akka.actor.typed.Signal signal)
    {
        if (signal instanceof PreRestart)
        {
            return onPreRestart();
        }
        if (signal instanceof PostStop)
        {
            return onPostStop();
        }
        return Behaviors.unhandled();
    }

    private Behavior<Command> onWork(final HandleBatch.Work work)
    {
        if (settings.plan().spares() > 0 && 0 == work.batch().spareCount())
        {
            plumbing.spares(work.batch().owner(), work.batch().ownerRef());
        }
        if (pool.size() < batchesPerRun || (!unstashing && !stash.isEmpty()))
        {
            stash.stash(work);
            return Behaviors.same();
        }
        runner.run(work.batch());
        return Behaviors.same();
    }

    private Behavior<Command> onRecycle(final HandleBatch.Recycle recycle)
    {
        recycle.batch().reset();
        pool.push(recycle.batch());
        // Run stashed work, in order, for as long as the pool covers a run: each run checks again, and with
        // pass-through most runs give their batches back at once, so do not wait for one return per run.
        unstashing = true;
        try
        {
            while (!stash.isEmpty() && pool.size() >= batchesPerRun)
            {
                stash.unstash(this, 1, command -> command);
            }
        }
        finally
        {
            unstashing = false;
        }
        return Behaviors.same();
    }

    private Behavior<Command> onSpares(final Spares lent)
    {
        final SpareBuffers stack = spares(lent.owner());
        if (lent.last())
        {
            stack.requested(false);
        }
        final HandleBatch batch = lent.batch();
        if (null != batch)
        {
            stack.lender(batch.ownerRef());
            for (int i = 0; i < batch.packets().count(); i++)
            {
                stack.push(batch.packets().bufIdx(i), batch.packets().bufferAddress(i), batch.packets().region(i));
            }
            batch.reset();
            batch.home().tell(batch.recycle());
        }
        return Behaviors.same();
    }

    private Behavior<Command> onDrain(final Drain drain)
    {
        returnSpares();
        drain.replyTo().tell(status());
        return Behaviors.same();
    }

    private Behavior<Command> onPreRestart()
    {
        getContext().getLog().warn("{}: stage actor failed; returning the buffers it held and restarting",
            settings.plan().name());
        runner.salvage(DropReason.ERROR);
        returnSpares();
        for (final StageCounters c : counters)
        {
            c.restarts++;
        }
        return Behaviors.same();
    }

    private Behavior<Command> onPostStop()
    {
        runner.collectMetrics();
        runner.salvage(DropReason.STAGE_STOPPED);
        returnSpares();
        runner.stop();
        return Behaviors.same();
    }

    private void returnSpares()
    {
        for (int owner = 0; owner < spares.length; owner++)
        {
            final SpareBuffers stack = spares[owner];
            if (null == stack || 0 == stack.count())
            {
                continue;
            }
            final HandleBatch carrier = pool.isEmpty() ? new HandleBatch(settings.plan().batch(),
                getContext().getSelf().narrow()) : pool.poll();
            carrier.owner(owner, stack.lender());
            while (stack.count() > 0)
            {
                if (carrier.isReturnFull())
                {
                    carrier.sendReturns();
                    returnSpares();
                    return;
                }
                carrier.returnUnusedSpare(stack.bufIdx(stack.top()));
                stack.pop();
            }
            carrier.sendReturns();
        }
    }

    private SpareBuffers spares(final int owner)
    {
        SpareBuffers stack = spares[owner];
        if (null == stack)
        {
            stack = new SpareBuffers();
            spares[owner] = stack;
        }
        return stack;
    }

    SegmentStatus status()
    {
        runner.collectMetrics();
        final List<StageStatus> stages = new ArrayList<>(counters.length);
        for (final StageCounters c : counters)
        {
            stages.add(c.snapshot(0));
        }
        int spareCount = 0;
        for (final SpareBuffers stack : spares)
        {
            spareCount += null == stack ? 0 : stack.count();
        }
        return new SegmentStatus(settings.plan().name(), settings.instance(), stages, spareCount);
    }

    /** The runner's view of this actor. */
    private final class Plumbing implements SegmentRunner.Plumbing
    {
        @Override
        public HandleBatch take()
        {
            final HandleBatch batch = pool.poll();
            if (null == batch)
            {
                throw new IllegalStateException(settings.plan().name() + ": batch pool exhausted during a run");
            }
            return batch;
        }

        @Override
        public void sendToExit(final int exit, final int instance, final HandleBatch batch)
        {
            settings.plan().exits().get(exit).send(instance, batch);
        }

        @Override
        public void free(final HandleBatch batch)
        {
            pool.push(batch);
        }

        @Override
        public SpareBuffers sparesIfAny(final int owner)
        {
            return spares[owner];
        }

        @Override
        public SpareBuffers spares(final int owner, final ActorRef<PortReceiver.Command> receiver)
        {
            final SpareBuffers stack = StageActor.this.spares(owner);
            final int wanted = settings.plan().spares();
            if (wanted > 0 && !stack.requested() && stack.count() < wanted / 2)
            {
                stack.requested(true);
                receiver.tell(new PortReceiver.LendSpares(wanted - stack.count(), getContext().getSelf()));
            }
            return stack;
        }
    }
}
