package org.netmapengine.actors;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.FlowHash;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.slf4j.Logger;

import java.util.List;

/**
 * Runs one batch through a segment's fused stages: the entry stage on the arriving batch, then every member
 * stage that received packets, in topological order, each on its own reused input batch. Decisions become
 * appends to another member's input (no thread hop), to an outgoing batch per exit and instance, or buffer
 * returns. Copies take a spare buffer lent by the packet's owner.
 * <p>
 * Exceptions: when {@code process} throws, the packets it had not decided are offered to it again one at a
 * time, so only the packet that makes it throw is dropped ({@code error}). A packet a stage leaves undecided
 * is a stage bug: the runner counts it as leaked by that stage and gives its buffer back ({@code unrouted}),
 * so the bug is reported without starving the port.
 * <p>
 * Not thread-safe: the stage actor's own.
 */
final class SegmentRunner
{
    /** What the runner needs from its actor: batches, sending, spares. */
    interface Plumbing
    {
        /** @return a batch from the actor's pool (the actor checked there are enough before the run). */
        HandleBatch take();

        void sendToExit(int exit, int instance, HandleBatch batch);

        /** @return the spare buffers lent by port {@code owner}, asking its receiver for more when they run low. */
        SpareBuffers spares(int owner, akka.actor.typed.ActorRef<PortReceiver.Command> receiver);

        /** Puts a batch the run did not need back into the actor's pool. */
        void free(HandleBatch batch);

        /** @return the spare buffers lent by port {@code owner}, or null; asks for nothing. */
        SpareBuffers sparesIfAny(int owner);
    }

    private static final long ERROR_LOG_INTERVAL_NANOS = 1_000_000_000L;
    private static final sun.misc.Unsafe UNSAFE = org.agrona.UnsafeAccess.UNSAFE;

    private final SegmentPlan plan;
    private final Plumbing plumbing;
    private final FlowHash flowHash;
    private final Logger log;
    private final Member[] members;
    private final HandleBatch[][] outgoing;
    private final UnsafeBuffer copyFrom = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer copyTo = new UnsafeBuffer(0, 0);
    private final PacketBatch single = new PacketBatch(1);
    private final PacketBatch copied = new PacketBatch(1);
    private HandleBatch current;
    /** The member running now, for {@link #salvage}: null between runs. */
    private Member running;
    private HandleBatch overflow;
    private int owner;
    private akka.actor.typed.ActorRef<PortReceiver.Command> ownerRef;
    private long lastErrorLog;
    /** Keeps the header reads of {@link #touchHeaders} from being optimised away. */
    private long touched;

    SegmentRunner(
        final SegmentPlan plan,
        final int instance,
        final int instances,
        final StageCounters[] counters,
        final Plumbing plumbing,
        final FlowHash flowHash,
        final Logger log)
    {
        this.plan = plan;
        this.plumbing = plumbing;
        this.flowHash = flowHash;
        this.log = log;
        final int capacity = plan.batch() * maxFanout(plan);
        this.members = new Member[plan.stages().size()];
        for (int k = 0; k < members.length; k++)
        {
            members[k] = new Member(plan.stages().get(k), counters[k], capacity, instance, instances);
        }
        this.outgoing = new HandleBatch[plan.exits().size()][];
        for (int e = 0; e < outgoing.length; e++)
        {
            outgoing[e] = new HandleBatch[plan.exits().get(e).instances()];
        }
    }

    /** @return an upper bound of packets one arriving batch can become inside the segment (copies). */
    static int maxFanout(final SegmentPlan plan)
    {
        return Math.max(1, plan.maxFanout());
    }

    /** @return pool batches one run may need: every exit instance, plus overflow for returns. */
    static int batchesPerRun(final SegmentPlan plan)
    {
        int exits = 0;
        for (final Downstream exit : plan.exits())
        {
            exits += exit.instances();
        }
        return exits * maxFanout(plan) + 2;
    }

    void start()
    {
        for (final Member member : members)
        {
            member.stage.start(member);
        }
    }

    void stop()
    {
        for (final Member member : members)
        {
            try
            {
                member.stage.stop();
            }
            catch (final RuntimeException e)
            {
                log.warn("{}: stop failed: {}", member.plan.name(), e.toString());
            }
        }
    }

    /** Runs every stage of the segment over one arriving batch, then sends what it produced on its way. */
    void run(final HandleBatch batch)
    {
        touchHeaders(batch.packets());
        current = batch;
        owner = batch.owner();
        ownerRef = batch.ownerRef();
        if (batch.spareCount() > 0)
        {
            final SpareBuffers spares = plumbing.spares(owner, ownerRef);
            spares.lender(ownerRef);
            for (int i = 0; i < batch.spareCount(); i++)
            {
                spares.push(batch.spareBufIdx(i), batch.spareAddress(i), batch.spareRegion());
            }
            batch.clearSpares();
        }
        members[0].run(batch.packets());
        for (int k = 1; k < members.length; k++)
        {
            final Member member = members[k];
            if (null != member.alias)
            {
                final PacketBatch in = member.alias;
                member.alias = null;
                member.run(in);
            }
            else if (!member.input.isEmpty())
            {
                member.run(member.input);
            }
        }
        // Only now: a member's input may be what a later member ran on (aliased).
        for (int k = 1; k < members.length; k++)
        {
            members[k].input.clear();
        }
        running = null;
        keepSpares(plan.spares());
        flush();
    }

    /** Gives back, with this run's returns, the owner's spares beyond what the segment keeps in reserve. */
    private void keepSpares(final int keep)
    {
        final SpareBuffers spares = plumbing.sparesIfAny(owner);
        while (null != spares && spares.count() > keep)
        {
            returnBuffer(spares.bufIdx(spares.top()), HandleBatch.UNUSED_SPARE);
            spares.pop();
        }
    }

    /**
     * Reads the first byte of every packet before any stage looks at one. The packets were last written on
     * another core, so each header is a cache miss; issued back to back the misses overlap (the loads do not
     * depend on each other), instead of one stall per packet inside the stages. Measured on classify-port over
     * buffers spread like a receiver's: 67 ns per packet without, 38 with.
     */
    private void touchHeaders(final PacketBatch packets)
    {
        long sum = 0;
        for (int i = 0; i < packets.count(); i++)
        {
            sum += UNSAFE.getByte(packets.packetAddress(i));
        }
        touched = sum;
    }

    /**
     * Gives back, as {@code reason}, everything a failed or stopping run still holds: the arriving batch's
     * undecided packets, member inputs and outgoing batches not yet sent. Used before a restart.
     */
    void salvage(final DropReason reason)
    {
        if (null == running)
        {
            return;
        }
        // The member that failed: what it had not passed on yet (undecided, or decided and not yet routed).
        final Member failed = running;
        final PacketBatch batch = failed.batch;
        for (int i = failed.routed; i < batch.count() && i < failed.decided.length; i++)
        {
            if (!failed.decided[i] || failed.choice[i] >= 0)
            {
                returnBuffer(batch.bufIdx(i), reason);
            }
        }
        // Members that had not run yet: all their input.
        boolean after = false;
        for (final Member member : members)
        {
            if (after)
            {
                final PacketBatch input = null != member.alias ? member.alias : member.input;
                for (int i = 0; i < input.count(); i++)
                {
                    returnBuffer(input.bufIdx(i), reason);
                }
                member.alias = null;
            }
            after |= member == failed;
        }
        for (int k = 1; k < members.length; k++)
        {
            members[k].input.clear();
        }
        running = null;
        for (final HandleBatch[] byInstance : outgoing)
        {
            for (int i = 0; i < byInstance.length; i++)
            {
                final HandleBatch out = byInstance[i];
                if (null != out)
                {
                    for (int p = 0; p < out.packets().count(); p++)
                    {
                        returnBuffer(out.packets().bufIdx(p), reason);
                    }
                    out.packets().clear();
                    out.reset();
                    out.home().tell(out.recycle());
                    byInstance[i] = null;
                }
            }
        }
        flush();
    }

    private void flush()
    {
        for (int e = 0; e < outgoing.length; e++)
        {
            final HandleBatch[] byInstance = outgoing[e];
            for (int i = 0; i < byInstance.length; i++)
            {
                final HandleBatch out = byInstance[i];
                if (null == out)
                {
                    continue;
                }
                byInstance[i] = null;
                if (null != current && 0 == current.returnCount() && current.packets().capacity() ==
                    out.packets().capacity())
                {
                    // Pass-through: the arriving batch, which has nothing to give back, carries these packets on
                    // itself; it goes home from the end of the pipeline and our own batch is free again at once.
                    current.packets().swapContents(out.packets());
                    plumbing.sendToExit(e, i, current);
                    current = null;
                    out.reset();
                    plumbing.free(out);
                }
                else
                {
                    plumbing.sendToExit(e, i, out);
                }
            }
        }
        if (null != overflow)
        {
            overflow.sendReturns();
            overflow = null;
        }
        if (null != current)
        {
            if (current.returnCount() > 0)
            {
                current.sendReturns();
            }
            else
            {
                current.reset();
                current.home().tell(current.recycle());
            }
            current = null;
        }
    }

    private void route(final PacketBatch batch, final int i, final SegmentPlan.Route route, final Member from)
    {
        if (route instanceof SegmentPlan.ToStage)
        {
            final Member target = members[((SegmentPlan.ToStage)route).stage()];
            if (null != target.alias)
            {
                // It was to run on a whole batch from another member; now it gets more: copy that batch in.
                final PacketBatch whole = target.alias;
                target.alias = null;
                for (int p = 0; p < whole.count(); p++)
                {
                    target.input.addFrom(whole, p);
                }
            }
            target.input.addFrom(batch, i);
        }
        else if (route instanceof SegmentPlan.ToExit)
        {
            final int exit = ((SegmentPlan.ToExit)route).exit();
            final Downstream downstream = plan.exits().get(exit);
            int instance = 0;
            if (downstream.isParallel())
            {
                int hash = batch.hash(i);
                if (0 == hash)
                {
                    hash = flowHash.hash(batch, i);
                    batch.hash(i, hash);
                }
                instance = downstream.pick(hash);
            }
            HandleBatch out = outgoing[exit][instance];
            if (null == out)
            {
                out = plumbing.take();
                out.owner(owner, ownerRef);
                outgoing[exit][instance] = out;
            }
            out.packets().addFrom(batch, i);
            if (out.packets().isFull())
            {
                plumbing.sendToExit(exit, instance, out);
                outgoing[exit][instance] = null;
            }
        }
        else
        {
            final DropReason reason = ((SegmentPlan.ToDrop)route).reason();
            returnBuffer(batch.bufIdx(i), reason);
            from.counters.dropped[reason.id()]++;
        }
    }

    private void returnBuffer(final int bufIdx, final DropReason reason)
    {
        returnBuffer(bufIdx, (short)(1 + reason.id()));
    }

    private void returnBuffer(final int bufIdx, final short disposition)
    {
        HandleBatch carrier = current;
        if (null == carrier || carrier.isReturnFull())
        {
            if (null != overflow && overflow.isReturnFull())
            {
                overflow.sendReturns();
                overflow = null;
            }
            if (null == overflow)
            {
                overflow = plumbing.take();
                overflow.owner(owner, ownerRef);
            }
            carrier = overflow;
        }
        carrier.addReturn(bufIdx, disposition);
    }

    /** One member stage: its instance, input batch, decisions and counters; also its Outputs and context. */
    private final class Member implements Outputs, StageContext
    {
        final SegmentPlan.StagePlan plan;
        final Stage stage;
        final StageCounters counters;
        final PacketBatch input;
        /** Set instead of {@link #input} when a whole batch comes from one member in order: no copy. */
        PacketBatch alias;
        final boolean[] decided;
        /** The output each packet was sent to, -1 when dropped; routed once {@code process} returns. */
        final int[] choice;
        final SegmentPlan.Route[] routes;
        /** For each output, the first output with the same route. */
        final int[] sameRoute;
        final int instance;
        final int instances;
        PacketBatch batch;
        int mapped = -1;
        /** Packets of {@link #batch} passed on so far: what a salvage need not give back. */
        int routed;

        Member(final SegmentPlan.StagePlan plan, final StageCounters counters, final int capacity, final int instance,
            final int instances)
        {
            this.plan = plan;
            this.stage = plan.factory().get();
            this.counters = counters;
            this.input = new PacketBatch(capacity);
            this.decided = new boolean[capacity];
            this.choice = new int[capacity];
            this.routes = plan.routes().toArray(new SegmentPlan.Route[0]);
            // Outputs wired to the same place are one route: a batch split over them still moves whole.
            this.sameRoute = new int[routes.length];
            for (int o = 0; o < routes.length; o++)
            {
                sameRoute[o] = o;
                for (int earlier = 0; earlier < o; earlier++)
                {
                    if (routes[earlier].equals(routes[o]))
                    {
                        sameRoute[o] = earlier;
                        break;
                    }
                }
            }
            this.instance = instance;
            this.instances = instances;
        }

        void run(final PacketBatch packets)
        {
            running = this;
            routed = 0;
            counters.in += packets.count();
            batch = packets;
            java.util.Arrays.fill(decided, 0, packets.count(), false);
            try
            {
                stage.process(packets, this);
            }
            catch (final RuntimeException e)
            {
                counters.errors++;
                logError(e);
                retryOneByOne(packets);
            }
            batch = packets;
            dispatch(packets);
        }

        /**
         * Routes what the stage decided. When every packet went to the same output, in order (a linear chain's
         * usual case), the batch itself moves on: it becomes the next member's input, or, at an exit, the arriving
         * batch is forwarded whole. Otherwise each packet's handle is copied to where it goes.
         */
        private void dispatch(final PacketBatch packets)
        {
            final int count = packets.count();
            final int first = count > 0 && decided[0] && choice[0] >= 0 ? sameRoute[choice[0]] : -1;
            boolean uniform = first >= 0;
            for (int i = 1; uniform && i < count; i++)
            {
                uniform = decided[i] && choice[i] >= 0 && sameRoute[choice[i]] == first;
            }
            if (uniform && forwardWhole(packets, routes[first]))
            {
                routed = count;
                return;
            }
            for (int i = 0; i < count; i++)
            {
                if (!decided[i])
                {
                    counters.leaked++;
                    counters.dropped[DropReason.UNROUTED.id()]++;
                    returnBuffer(packets.bufIdx(i), DropReason.UNROUTED);
                }
                else if (choice[i] >= 0)
                {
                    route(packets, i, routes[choice[i]], this);
                }
                routed = i + 1;
            }
        }

        /** @return true when the whole batch went on as it is. */
        private boolean forwardWhole(final PacketBatch packets, final SegmentPlan.Route route)
        {
            if (route instanceof SegmentPlan.ToStage)
            {
                final Member next = members[((SegmentPlan.ToStage)route).stage()];
                if (null == next.alias && next.input.isEmpty())
                {
                    next.alias = packets;
                    return true;
                }
                return false;
            }
            if (route instanceof SegmentPlan.ToExit && null != current && packets == current.packets() &&
                0 == current.returnCount())
            {
                final int exit = ((SegmentPlan.ToExit)route).exit();
                if (!SegmentRunner.this.plan.exits().get(exit).isParallel() && null == outgoing[exit][0])
                {
                    plumbing.sendToExit(exit, 0, current);
                    current = null;
                    return true;
                }
            }
            return false;
        }

        /** Offers each undecided packet alone, so only the ones that make the stage throw are dropped. */
        private void retryOneByOne(final PacketBatch packets)
        {
            for (int i = 0; i < packets.count(); i++)
            {
                if (decided[i])
                {
                    continue;
                }
                single.clear();
                single.addFrom(packets, i);
                batch = single;
                mapped = i;
                try
                {
                    stage.process(single, this);
                }
                catch (final RuntimeException e)
                {
                    counters.errors++;
                    if (!decided[i])
                    {
                        decide(0);
                        choice[i] = -1;
                        returnBuffer(packets.bufIdx(i), DropReason.ERROR);
                        counters.dropped[DropReason.ERROR.id()]++;
                    }
                }
                finally
                {
                    mapped = -1;
                    batch = packets;
                }
            }
        }

        private boolean decide(final int packet)
        {
            final int i = mapped >= 0 ? mapped : packet;
            if (decided[i])
            {
                counters.doubleDecisions++;
                return false;
            }
            decided[i] = true;
            return true;
        }

        @Override
        public void send(final int packet, final int output)
        {
            if (decide(packet))
            {
                if (!(routes[output] instanceof SegmentPlan.ToDrop))
                {
                    counters.out++;
                }
                choice[mapped >= 0 ? mapped : packet] = output;
            }
        }

        @Override
        public void drop(final int packet, final DropReason reason)
        {
            if (decide(packet))
            {
                choice[mapped >= 0 ? mapped : packet] = -1;
                returnBuffer(batch.bufIdx(packet), reason);
                counters.dropped[reason.id()]++;
            }
        }

        @Override
        public void copy(final int packet, final int output)
        {
            final SpareBuffers spares = plumbing.spares(owner, ownerRef);
            final int length = batch.length(packet);
            if (0 == spares.count())
            {
                counters.copyFailures++;
                counters.dropped[DropReason.NO_BUFFER.id()]++;
                return;
            }
            final int top = spares.top();
            copyFrom.wrap(batch.packetAddress(packet), length);
            copyTo.wrap(spares.address(top), length);
            copyTo.putBytes(0, copyFrom, 0, length);
            copied.clear();
            copied.add(spares.bufIdx(top), spares.address(top), 0, length, owner, spares.region(), batch.inPort(packet));
            copied.hash(0, batch.hash(packet));
            spares.pop();
            counters.copies++;
            route(copied, 0, routes[output], this);
        }

        @Override
        public String name()
        {
            return plan.name();
        }

        @Override
        public int output(final String name)
        {
            final int id = plan.outputs().indexOf(name);
            if (id < 0)
            {
                throw new IllegalArgumentException("stage " + plan.name() + " has no output '" + name + "' (it has " +
                    plan.outputs() + ")");
            }
            return id;
        }

        @Override
        public int instance()
        {
            return instance;
        }

        @Override
        public int instances()
        {
            return instances;
        }

        @Override
        public int bufferSize()
        {
            return SegmentRunner.this.plan.bufferSize();
        }

        @Override
        public String portName(final int portId)
        {
            final List<String> names = SegmentRunner.this.plan.portNames();
            return portId >= 0 && portId < names.size() ? names.get(portId) : null;
        }

        private void logError(final RuntimeException e)
        {
            final long now = System.nanoTime();
            if (now - lastErrorLog > ERROR_LOG_INTERVAL_NANOS)
            {
                lastErrorLog = now;
                log.warn("{}: stage threw on a batch ({} errors so far); the packets that throw are dropped with " +
                    "reason 'error'", plan.name(), counters.errors, e);
            }
        }
    }

    /** Asks every member stage that reports metrics for them, into its counters. */
    void collectMetrics()
    {
        for (final Member member : members)
        {
            if (member.stage instanceof org.netmapengine.pipeline.MetricsSource)
            {
                final java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
                ((org.netmapengine.pipeline.MetricsSource)member.stage).report(new org.netmapengine.pipeline.MetricsSink()
                {
                    @Override
                    public void counter(final String name, final long value)
                    {
                        values.put(name, value);
                    }

                    @Override
                    public void gauge(final String name, final long value)
                    {
                        values.put(name, value);
                    }
                });
                member.counters.metrics = java.util.Map.copyOf(values);
            }
        }
    }

    List<String> memberNames()
    {
        return java.util.Arrays.stream(members).map(m -> m.plan.name()).toList();
    }
}
