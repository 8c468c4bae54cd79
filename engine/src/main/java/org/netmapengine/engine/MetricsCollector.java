package org.netmapengine.engine;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import org.netmapengine.actors.PipelineRuntime;
import org.netmapengine.actors.PipelineStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers every pipeline's status for one metrics request: a short-lived child per request, answering with what
 * came in when all answered or the timeout passed.
 */
final class MetricsCollector
{
    private enum Timeout
    {
        INSTANCE
    }

    private MetricsCollector()
    {
    }

    static Behavior<Object> create(
        final List<ActorRef<PipelineRuntime.Command>> pipelines,
        final Duration timeout,
        final ActorRef<EngineMetrics> replyTo)
    {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        {
            final List<PipelineStatus> statuses = new ArrayList<>();
            if (pipelines.isEmpty())
            {
                replyTo.tell(new EngineMetrics(System.nanoTime(), List.of()));
                return Behaviors.stopped();
            }
            final ActorRef<PipelineStatus> self = context.getSelf().narrow();
            pipelines.forEach(p -> p.tell(new PipelineRuntime.GetStatus(self)));
            timers.startSingleTimer(Timeout.INSTANCE, timeout.plusMillis(100));
            return Behaviors.receive(Object.class)
                .onMessage(PipelineStatus.class, status ->
                {
                    statuses.add(status);
                    if (statuses.size() == pipelines.size())
                    {
                        replyTo.tell(new EngineMetrics(System.nanoTime(), List.copyOf(statuses)));
                        return Behaviors.stopped();
                    }
                    return Behaviors.same();
                })
                .onMessage(Timeout.class, t ->
                {
                    replyTo.tell(new EngineMetrics(System.nanoTime(), List.copyOf(statuses)));
                    return Behaviors.stopped();
                })
                .build();
        }));
    }
}
