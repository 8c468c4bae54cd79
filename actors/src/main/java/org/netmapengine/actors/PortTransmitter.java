package org.netmapengine.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import org.netmapengine.io.os.CpuAffinity;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.PacketBatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Transmits batches on one netmap port (its TX rings). Runs on a pinned dispatcher: the single owner thread
 * of the TX file descriptor; other actors only send it messages.
 * <p>
 * For each batch ({@link TxBurst}): zero-copy swap into the TX slot when the handle's buffer is in the port's
 * region, copy otherwise; one TX sync per batch. A full ring either waits in {@code poll(POLLOUT)} up to the
 * configured time, then drops what is left ({@code tx-full}), or drops at once; both counted. The batch then
 * goes to its owner with one returned buffer per packet.
 */
public final class PortTransmitter extends AbstractBehavior<PortTransmitter.Command>
{
    /** The transmitter's protocol. */
    public sealed interface Command permits HandleBatch.Work, GetStatus, Close
    {
    }

    /** Ask for the transmitter's counters. */
    public record GetStatus(ActorRef<TransmitterStatus> replyTo) implements Command
    {
    }

    /** Close the port and stop, replying with the final counters. */
    public record Close(ActorRef<TransmitterStatus> replyTo) implements Command
    {
    }

    /** What to do when the TX ring is full. */
    public enum WhenFull
    {
        /** Wait for room, up to the wait timeout, then drop what is left. */
        WAIT,
        /** Drop what does not fit at once. */
        DROP
    }

    /**
     * @param stopping set by the pipeline when it shuts down, so that a wait for room ends early.
     */
    public record Settings(
        String name,
        NetmapPort port,
        WhenFull whenFull,
        Duration waitTimeout,
        int[] cpus,
        AtomicBoolean stopping)
    {
    }

    private static final int WAIT_SLICE_MILLIS = 10;

    private final Settings settings;
    private final NetmapPort port;
    private final TxBurst burst;
    private long txFull;
    private long txErrors;
    private long waits;
    private boolean pinned;

    public static Behavior<Command> create(final Settings settings)
    {
        return Behaviors.setup(context -> new PortTransmitter(context, settings));
    }

    private PortTransmitter(final ActorContext<Command> context, final Settings settings)
    {
        super(context);
        this.settings = settings;
        this.port = settings.port();
        this.burst = new TxBurst(port);
    }

    @Override
    public Receive<Command> createReceive()
    {
        return new DirectReceive<>(this::onMessage, signal -> Behaviors.unhandled());
    }

    private Behavior<Command> onMessage(final Command command)
    {
        if (command instanceof HandleBatch.Work)
        {
            return onWork((HandleBatch.Work)command);
        }
        if (command instanceof GetStatus)
        {
            ((GetStatus)command).replyTo().tell(status());
            return this;
        }
        return onClose((Close)command);
    }

    private Behavior<Command> onWork(final HandleBatch.Work work)
    {
        if (!pinned)
        {
            pinned = true;
            if (settings.cpus().length > 0)
            {
                CpuAffinity.pinCurrentThread(settings.cpus());
            }
        }
        final HandleBatch batch = work.batch();
        final PacketBatch packets = batch.packets();
        final int count = packets.count();
        int next = 0;
        try
        {
            next = burst.transmit(batch, 0);
            final long deadline = System.nanoTime() + settings.waitTimeout().toNanos();
            while (next < count && settings.whenFull() == WhenFull.WAIT && !settings.stopping().get() &&
                System.nanoTime() - deadline < 0)
            {
                waits++;
                port.poll(NetmapPort.POLLOUT, WAIT_SLICE_MILLIS);
                next = burst.transmit(batch, next);
            }
            for (int i = next; i < count; i++)
            {
                batch.returnDropped(packets.bufIdx(i), DropReason.TX_FULL.id());
            }
            txFull += count - next;
        }
        catch (final NetmapException e)
        {
            getContext().getLog().error("{}: transmit failed, {} packets dropped: {}", settings.name(), count - next,
                e.getMessage());
            for (int i = next; i < count; i++)
            {
                batch.returnDropped(packets.bufIdx(i), DropReason.TX_ERROR.id());
            }
            txErrors += count - next;
        }
        batch.sendReturns();
        return this;
    }

    private Behavior<Command> onClose(final Close close)
    {
        final TransmitterStatus last = status();
        port.close();
        close.replyTo().tell(last);
        return Behaviors.stopped();
    }

    TransmitterStatus status()
    {
        return new TransmitterStatus(settings.name(), port.name(), port.backend().configName(),
            burst.zeroCopy() + burst.copied(), burst.bytes(), burst.zeroCopy(), burst.copied(), txFull, txErrors, waits);
    }
}
