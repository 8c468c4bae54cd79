package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import org.netmapengine.io.os.CpuAffinity;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortStatistics;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.FlowHash;
import org.netmapengine.pipeline.PacketBatch;

import java.util.ArrayDeque;

/**
 * Receives packets from one netmap port (its RX rings) and owns the port's buffers. Runs on a pinned
 * dispatcher: it is the single owner thread of the RX file descriptor.
 * <p>
 * Each {@link Poll} message does one bounded burst ({@link RxBurst}) into a batch from its pool, sends the
 * batch downstream, and sends itself the next {@code Poll}; buffer returns queue behind it in the mailbox and
 * are never starved. When the ring is empty it idles by its {@link IdlePolicy}.
 * <p>
 * Backpressure: when its free list or its pool of batches runs low it stops taking packets from the ring
 * (they wait there, or the kernel drops at the edge) and resumes when returns bring buffers back. No queue
 * grows: batches in flight are bounded by the pool, buffers by the free list.
 * <p>
 * Accounting: as the owner it counts every packet it issued by how it ended (returned as transmitted or
 * dropped with a reason), so {@code received + copies = transmitted + dropped + in flight} holds here.
 */
public final class PortReceiver extends AbstractBehavior<PortReceiver.Command>
{
    /** The receiver's protocol. */
    public sealed interface Command permits Poll, StopReceiving, LendSpares, GetStatus, Close, HandleBatch.Returns,
        HandleBatch.Recycle
    {
    }

    /** Self-sent: take one burst from the ring. */
    enum Poll implements Command
    {
        INSTANCE
    }

    /** Stop taking packets from the ring; returns are still processed (the first step of shutdown). */
    public enum StopReceiving implements Command
    {
        INSTANCE
    }

    /**
     * Lend {@code count} free buffers to a stage actor for copies: they come back in a {@link StageActor.Spares}
     * (as handles of a batch) and return later as transmitted, dropped or unused.
     */
    public record LendSpares(int count, ActorRef<StageActor.Command> replyTo) implements Command
    {
    }

    /**
     * Close the port: hand the free list back as the extra-buffer list and close the file descriptor, then
     * reply with the final counters and stop. Sent only once nothing can touch the port's buffers any more.
     */
    public record Close(ActorRef<PortStatus> replyTo) implements Command
    {
    }

    /** Ask for the port's counters. */
    public record GetStatus(ActorRef<PortStatus> replyTo) implements Command
    {
    }

    /** Everything a receiver needs, built by the pipeline before it spawns the actor. */
    public record Settings(
        int portId,
        String name,
        NetmapPort port,
        int batch,
        int poolSize,
        IdlePolicy idle,
        int[] cpus,
        Downstream downstream,
        FlowHash flowHash,
        int sparesPerBatch)
    {
    }

    /** Bursts one Poll message may take, each a full batch at most: fewer self-messages, mailbox still served. */
    private static final int BURSTS_PER_POLL = 4;

    /** Steps of a spin, yield or back-off strategy one Poll may take while the ring is empty, and for how long. */
    private static final int IDLE_STEPS_PER_POLL = 256;
    private static final long IDLE_NANOS_PER_POLL = 50_000;

    private final Settings settings;
    private final NetmapPort port;
    private final RxBurst burst;
    private final ArrayDeque<HandleBatch> pool;
    private final ActorRef<HandleBatch.Recycle> self;
    private final long[] dropped = new long[DropReason.MAX_REASONS];
    private final int lowWater;
    private final int batchesPerBurst;
    private final int copiesPerPacket;
    private final HandleBatch[] parts;
    private long received;
    private long transmitted;
    private long lent;
    private long unusedSpares;
    private long malformedReturns;
    private long stalls;
    private long batches;
    private long idlePolls;
    private boolean receiving = true;
    private boolean polling;
    private boolean pinned;

    public static Behavior<Command> create(final Settings settings)
    {
        return Behaviors.setup(context -> new PortReceiver(context, settings));
    }

    private PortReceiver(final ActorContext<Command> context, final Settings settings)
    {
        super(context);
        this.settings = settings;
        this.port = settings.port();
        this.burst = new RxBurst(port, settings.portId());
        this.self = context.getSelf().narrow();
        this.pool = new ArrayDeque<>(settings.poolSize());
        for (int i = 0; i < settings.poolSize(); i++)
        {
            pool.add(new HandleBatch(settings.batch(), settings.sparesPerBatch(), self));
        }
        this.batchesPerBurst = settings.downstream().isParallel() ? 1 + settings.downstream().instances() : 1;
        this.copiesPerPacket = settings.sparesPerBatch() / settings.batch();
        // Without a burst's worth of buffers (and its copies' spares), wait for returns rather than starve the
        // ring of swap-ins or drop copies: that is the backpressure.
        this.lowWater = Math.min(settings.batch() * (1 + copiesPerPacket), Math.max(1, port.extraBuffersGranted() / 2));
        this.parts = new HandleBatch[settings.downstream().instances()];
        if (settings.poolSize() < batchesPerBurst)
        {
            throw new IllegalArgumentException(settings.name() + ": a pool of " + settings.poolSize() +
                " batches cannot feed " + settings.downstream().instances() + " parallel instances");
        }
        schedulePoll();
    }

    @Override
    public Receive<Command> createReceive()
    {
        return new DirectReceive<>(this::onMessage, signal ->
            signal instanceof PostStop ? onPostStop() : Behaviors.unhandled());
    }

    private Behavior<Command> onMessage(final Command command)
    {
        if (command instanceof Poll)
        {
            return onPoll((Poll)command);
        }
        if (command instanceof HandleBatch.Returns)
        {
            return onReturns((HandleBatch.Returns)command);
        }
        if (command instanceof HandleBatch.Recycle)
        {
            return onRecycle((HandleBatch.Recycle)command);
        }
        if (command instanceof LendSpares)
        {
            return onLendSpares((LendSpares)command);
        }
        if (command instanceof StopReceiving)
        {
            return onStopReceiving((StopReceiving)command);
        }
        if (command instanceof GetStatus)
        {
            return onGetStatus((GetStatus)command);
        }
        return onClose((Close)command);
    }

    private Behavior<Command> onPoll(final Poll poll)
    {
        polling = false;
        if (!pinned)
        {
            pinned = true;
            if (settings.cpus().length > 0)
            {
                CpuAffinity.pinCurrentThread(settings.cpus());
            }
        }
        if (!receiving)
        {
            return this;
        }
        for (int bursts = 0; bursts < BURSTS_PER_POLL; bursts++)
        {
            if (pool.size() < batchesPerBurst || port.freeList().size() < lowWater)
            {
                // Backpressure: leave packets in the ring; the next return schedules the next poll.
                stalls++;
                return this;
            }
            if (!burst())
            {
                if (0 == bursts)
                {
                    idleAWhile();
                }
                break;
            }
        }
        schedulePoll();
        return this;
    }

    /**
     * Waits for packets the policy's way: one {@code poll()} with its timeout, or steps of an Agrona strategy with a
     * look at the ring after each, for up to {@link #IDLE_STEPS_PER_POLL} steps or {@link #IDLE_NANOS_PER_POLL}. A
     * spinning receiver so sends itself one {@code Poll} (an envelope to allocate) per many steps, not per step, and
     * still serves its mailbox (returns) every few microseconds.
     */
    private void idleAWhile()
    {
        idlePolls++;
        final IdlePolicy idle = settings.idle();
        if (IdlePolicy.Kind.POLL == idle.kind())
        {
            idle.idle(port, NetmapPort.POLLIN);
            return;
        }
        final long start = System.nanoTime();
        for (int step = 0; step < IDLE_STEPS_PER_POLL && System.nanoTime() - start < IDLE_NANOS_PER_POLL; step++)
        {
            idle.idle(port, NetmapPort.POLLIN);
            if (burst())
            {
                return;
            }
        }
    }

    /** @return true when the burst found packets (and sent them on). */
    private boolean burst()
    {
        final HandleBatch batch = pool.poll();
        final PacketBatch packets = batch.packets();
        packets.timestampNanos(System.nanoTime());
        final int taken = this.burst.receive(packets);
        if (packets.isEmpty())
        {
            pool.push(batch);
            return taken > 0;
        }
        settings.idle().reset();
        received += packets.count();
        batches++;
        batch.owner(settings.portId(), getContext().getSelf());
        if (settings.downstream().isParallel())
        {
            distribute(batch);
        }
        else
        {
            attachSpares(batch);
            settings.downstream().send(batch);
        }
        return true;
    }

    /**
     * Splits a received batch among parallel instances by flow hash, so each flow always meets the same
     * instance. A poll starts only with one pool batch per instance in hand, so this never runs short.
     */
    private void distribute(final HandleBatch received)
    {
        final Downstream downstream = settings.downstream();
        final PacketBatch packets = received.packets();
        final HandleBatch[] parts = this.parts;
        for (int i = 0; i < packets.count(); i++)
        {
            final int hash = settings.flowHash().hash(packets, i);
            packets.hash(i, hash);
            final int instance = downstream.pick(hash);
            HandleBatch part = parts[instance];
            if (null == part)
            {
                part = pool.poll();
                part.owner(settings.portId(), getContext().getSelf());
                part.packets().timestampNanos(packets.timestampNanos());
                parts[instance] = part;
            }
            part.packets().addFrom(packets, i);
        }
        for (int instance = 0; instance < parts.length; instance++)
        {
            if (null != parts[instance])
            {
                attachSpares(parts[instance]);
                downstream.send(instance, parts[instance]);
                parts[instance] = null;
            }
        }
        received.reset();
        pool.push(received);
    }

    /**
     * Gives a batch bound for a segment that copies the spare buffers its copies need, so they travel with the
     * work instead of being asked for after it; the unused ones come back with the batch's returns.
     */
    private void attachSpares(final HandleBatch batch)
    {
        final int n = Math.min(Math.min(batch.spareCapacity(), batch.packets().count() * copiesPerPacket),
            port.freeList().size());
        for (int i = 0; i < n; i++)
        {
            final int bufIdx = port.freeList().pop();
            batch.addSpare(bufIdx, port.region().bufferAddress(bufIdx), port.region().id());
        }
        lent += Math.max(0, n);
    }

    private void schedulePoll()
    {
        if (!polling && receiving)
        {
            polling = true;
            getContext().getSelf().tell(Poll.INSTANCE);
        }
    }

    private Behavior<Command> onReturns(final HandleBatch.Returns returns)
    {
        final HandleBatch batch = returns.batch();
        for (int i = 0; i < batch.returnCount(); i++)
        {
            final int bufIdx = batch.returnBufIdx(i);
            if (port.region().isValidBuffer(bufIdx))
            {
                port.freeList().push(bufIdx);
            }
            else
            {
                // A TX slot's old buffer, as a broken peer left it: never into the free list, where the next
                // swap or copy would write through it.
                malformedReturns++;
            }
            final short disposition = batch.returnDisposition(i);
            if (HandleBatch.TRANSMITTED == disposition)
            {
                transmitted++;
            }
            else if (HandleBatch.UNUSED_SPARE == disposition)
            {
                unusedSpares++;
            }
            else
            {
                dropped[disposition - 1]++;
            }
        }
        if (batch.home() == self)
        {
            batch.reset();
            pool.push(batch);
        }
        else
        {
            batch.home().tell(batch.recycle());
        }
        schedulePoll();
        return this;
    }

    private Behavior<Command> onRecycle(final HandleBatch.Recycle recycle)
    {
        recycle.batch().reset();
        pool.push(recycle.batch());
        schedulePoll();
        return this;
    }

    private Behavior<Command> onLendSpares(final LendSpares lend)
    {
        // Lend what the free list can spare beyond one burst's worth, in as many batches as it takes.
        int left = Math.max(0, Math.min(lend.count(), port.freeList().size() - lowWater));
        do
        {
            final HandleBatch batch = left > 0 ? pool.poll() : null;
            if (null == batch)
            {
                lend.replyTo().tell(new StageActor.Spares(null, settings.portId(), true));
                return this;
            }
            final int count = Math.min(left, batch.packets().capacity());
            for (int i = 0; i < count; i++)
            {
                final int bufIdx = port.freeList().pop();
                batch.packets().add(bufIdx, port.region().bufferAddress(bufIdx), 0, 0, settings.portId(),
                    port.region().id(), settings.portId());
            }
            left -= count;
            lent += count;
            batch.owner(settings.portId(), getContext().getSelf());
            lend.replyTo().tell(new StageActor.Spares(batch, settings.portId(), 0 == left));
        }
        while (left > 0);
        return this;
    }

    private Behavior<Command> onStopReceiving(final StopReceiving stop)
    {
        receiving = false;
        return this;
    }

    private Behavior<Command> onClose(final Close close)
    {
        receiving = false;
        final PortStatus last = status();
        port.close();
        close.replyTo().tell(last);
        return Behaviors.stopped();
    }

    private Behavior<Command> onGetStatus(final GetStatus get)
    {
        get.replyTo().tell(status());
        return this;
    }

    /** @return the port's counters now. */
    PortStatus status()
    {
        final PortStatistics edge = port.statistics();
        return new PortStatus(settings.name(), port.name(), port.backend().configName(), received, burst.bytes(),
            lent - unusedSpares, transmitted, PortStatus.reasons(dropped), burst.multiSlotDropped(),
            burst.malformedSlots() + malformedReturns,
            port.freeList().size(), port.extraBuffersGranted(), stalls, batches, idlePolls, receiving,
            edge.kernelDropped(), edge.oversizeDropped());
    }

    private Behavior<Command> onPostStop()
    {
        getContext().getLog().debug("{}: receiver stopped: {}", settings.name(), status());
        return this;
    }
}
