package org.netmapengine.actors;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusCollectorTest
{
    private static ActorTestKit testKit;

    @BeforeAll
    static void start()
    {
        testKit = ActorTestKit.create();
    }

    @AfterAll
    static void stop()
    {
        testKit.shutdownTestKit();
    }

    @Test
    void shouldAskTheActorsThePipelineHadWhenAskedEvenIfItsListsChangeWhileTheCollectorStarts()
    {
        final TestProbe<PortReceiver.Command> receiver = testKit.createTestProbe();
        final TestProbe<StageActor.Command> segment = testKit.createTestProbe();
        final TestProbe<PipelineStatus> replyTo = testKit.createTestProbe();
        final List<ActorRef<PortReceiver.Command>> receivers = new ArrayList<>(List.of(receiver.getRef()));
        final List<ActorRef<StageActor.Command>> segments = new ArrayList<>(List.of(segment.getRef()));

        final var collector = StatusCollector.create("p", receivers, List.of(), segments, Duration.ofMillis(300),
            replyTo.getRef());
        // The pipeline's own lists change (a segment stopped) before the collector has started.
        segments.clear();
        receivers.add(testKit.createTestProbe(PortReceiver.Command.class).getRef());
        testKit.spawn(collector);

        assertTrue(receiver.receiveMessage() instanceof PortReceiver.GetStatus);
        assertTrue(segment.receiveMessage() instanceof StageActor.GetStatus);
        final PipelineStatus status = replyTo.receiveMessage(Duration.ofSeconds(3));
        assertEquals("p", status.pipeline());
        assertEquals(0, status.receivers().size(), "nobody answered, so the timeout answered with nothing");
    }
}
