package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every actor of a pipeline for its counters and answers with one {@link PipelineStatus}: a short-lived
 * child per request, as Akka's aggregator pattern has it. Gives up on answers missing after a timeout.
 */
final class StatusCollector
{
    /** What the collector receives: the answers, adapted, or its timeout. */
    interface Event
    {
    }

    private record FromReceiver(PortStatus status) implements Event
    {
    }

    private record FromTransmitter(TransmitterStatus status) implements Event
    {
    }

    private record FromSegment(SegmentStatus status) implements Event
    {
    }

    private enum Timeout implements Event
    {
        INSTANCE
    }

    private StatusCollector()
    {
    }

    /**
     * The actors to ask are copied here, in the caller's thread: the pipeline goes on changing its own lists (a
     * segment stops, a restart replaces it) while the collector, on another thread, starts up.
     */
    static Behavior<Event> create(
        final String pipeline,
        final List<ActorRef<PortReceiver.Command>> receiversNow,
        final List<ActorRef<PortTransmitter.Command>> transmittersNow,
        final List<ActorRef<StageActor.Command>> segmentsNow,
        final Duration timeout,
        final ActorRef<PipelineStatus> replyTo)
    {
        final List<ActorRef<PortReceiver.Command>> receivers = List.copyOf(receiversNow);
        final List<ActorRef<PortTransmitter.Command>> transmitters = List.copyOf(transmittersNow);
        final List<ActorRef<StageActor.Command>> segments = List.copyOf(segmentsNow);
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        {
            final ActorRef<PortStatus> receiverAdapter = context.messageAdapter(PortStatus.class, FromReceiver::new);
            final ActorRef<TransmitterStatus> transmitterAdapter =
                context.messageAdapter(TransmitterStatus.class, FromTransmitter::new);
            final ActorRef<SegmentStatus> segmentAdapter = context.messageAdapter(SegmentStatus.class, FromSegment::new);
            receivers.forEach(r -> r.tell(new PortReceiver.GetStatus(receiverAdapter)));
            transmitters.forEach(t -> t.tell(new PortTransmitter.GetStatus(transmitterAdapter)));
            segments.forEach(s -> s.tell(new StageActor.GetStatus(segmentAdapter)));
            timers.startSingleTimer(Timeout.INSTANCE, timeout);
            final List<PortStatus> ports = new ArrayList<>();
            final List<TransmitterStatus> txs = new ArrayList<>();
            final List<SegmentStatus> stages = new ArrayList<>();
            final int expected = receivers.size() + transmitters.size() + segments.size();
            if (0 == expected)
            {
                replyTo.tell(new PipelineStatus(pipeline, System.nanoTime(), ports, txs, stages));
                return Behaviors.stopped();
            }
            return Behaviors.receive(Event.class)
                .onMessage(FromReceiver.class, m -> collected(ports, m.status(), expected, ports, txs, stages, pipeline, replyTo))
                .onMessage(FromTransmitter.class, m -> collected(txs, m.status(), expected, ports, txs, stages, pipeline, replyTo))
                .onMessage(FromSegment.class, m -> collected(stages, m.status(), expected, ports, txs, stages, pipeline, replyTo))
                .onMessage(Timeout.class, m ->
                {
                    replyTo.tell(new PipelineStatus(pipeline, System.nanoTime(), ports, txs, stages));
                    return Behaviors.stopped();
                })
                .build();
        }));
    }

    private static <T> Behavior<Event> collected(
        final List<T> into,
        final T status,
        final int expected,
        final List<PortStatus> ports,
        final List<TransmitterStatus> txs,
        final List<SegmentStatus> stages,
        final String pipeline,
        final ActorRef<PipelineStatus> replyTo)
    {
        into.add(status);
        if (ports.size() + txs.size() + stages.size() == expected)
        {
            replyTo.tell(new PipelineStatus(pipeline, System.nanoTime(), ports, txs, stages));
            return Behaviors.stopped();
        }
        return Behaviors.same();
    }
}
