package org.netmapengine.io.bench;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 64-byte frames through an emulated pipe, the same work as {@code shared/bench/ring-limit} in C: the sender
 * writes each frame's 14-byte Ethernet header (with a sequence number in the destination MAC, so the cache
 * line is really written), the receiver reads it and folds it into a checksum.
 * <ul>
 *     <li>{@link #singleThread}: one thread sends a batch, then receives it (ring-limit {@code 1t-touch});</li>
 *     <li>{@link #twoThreads}: a sender thread and a receiver thread (ring-limit {@code 2t-touch}).</li>
 * </ul>
 * Both loops spin on the syncs rather than sleep in {@code poll}: this measures the ring, not the wake-up.
 * Allocation is measured per thread over the timed window only (after a warm-up).
 */
public final class PipeBenchmark
{
    /** One measurement. */
    public record Result(String mode, int batch, long packets, double seconds, long allocatedBytes, long checksum)
    {
        public double mpps()
        {
            return packets / seconds / 1e6;
        }

        public double bytesPerPacket()
        {
            return packets == 0 ? 0 : (double)allocatedBytes / packets;
        }

        @Override
        public String toString()
        {
            return String.format("mode=%s batch=%d secs=%.2f packets=%d Mpps=%.2f ns/pkt=%.2f alloc=%.4f B/pkt",
                mode, batch, seconds, packets, mpps(), seconds * 1e9 / Math.max(1, packets), bytesPerPacket());
        }
    }

    private static final int FRAME_LENGTH = 60;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final Path directory;

    /** @param directory where the benchmark's emulated region file lives (a tmpfs for real figures). */
    public PipeBenchmark(final Path directory)
    {
        this.directory = directory;
    }

    /** One thread alternates "send a batch" and "receive it" on the two ends of one pipe. */
    public Result singleThread(final int batch, final double warmupSeconds, final double seconds)
    {
        try (Pair pair = new Pair("bench1t"))
        {
            final Sender sender = new Sender(pair.master);
            final Receiver receiver = new Receiver(pair.slave);
            final long warmupEnd = System.nanoTime() + (long)(warmupSeconds * 1e9);
            while (System.nanoTime() < warmupEnd)
            {
                sender.send(batch);
                receiver.receive(batch);
            }
            final long thread = Thread.currentThread().getId();
            final long packetsBefore = receiver.packets;
            final long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
            final long start = System.nanoTime();
            final long end = start + (long)(seconds * 1e9);
            long now = start;
            for (long i = 0; now < end; i++)
            {
                sender.send(batch);
                receiver.receive(batch);
                if ((i & 1023) == 0)
                {
                    now = System.nanoTime();
                }
            }
            final long elapsed = System.nanoTime() - start;
            final long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
            return new Result("1t-touch", batch, receiver.packets - packetsBefore, elapsed / 1e9, allocated,
                receiver.checksum);
        }
    }

    /** A sender thread and a receiver thread, each spinning on its own end of one pipe. */
    public Result twoThreads(final int batch, final double warmupSeconds, final double seconds) throws InterruptedException
    {
        try (Pair pair = new Pair("bench2t"))
        {
            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicLong senderAllocated = new AtomicLong();
            final Sender sender = new Sender(pair.master);
            final Receiver receiver = new Receiver(pair.slave);
            final long[] window = new long[4];
            final Thread tx = new Thread(() ->
            {
                final long self = Thread.currentThread().getId();
                long mark = Long.MIN_VALUE;
                while (running.get())
                {
                    if (0 == sender.send(batch))
                    {
                        Thread.onSpinWait();
                    }
                    if (mark == Long.MIN_VALUE && window[0] != 0)
                    {
                        mark = THREADS.getThreadAllocatedBytes(self);
                    }
                }
                senderAllocated.set(THREADS.getThreadAllocatedBytes(self) - mark);
            }, "bench-sender");
            final Thread rx = new Thread(() ->
            {
                while (running.get())
                {
                    if (0 == receiver.receive(batch))
                    {
                        Thread.onSpinWait();
                    }
                }
            }, "bench-receiver");
            tx.start();
            rx.start();
            Thread.sleep((long)(warmupSeconds * 1000));
            final long receiverAllocatedBefore = THREADS.getThreadAllocatedBytes(rx.getId());
            final long packetsBefore = receiver.packetsVolatile();
            final long start = System.nanoTime();
            window[0] = start;
            Thread.sleep((long)(seconds * 1000));
            final long packetsAfter = receiver.packetsVolatile();
            final long elapsed = System.nanoTime() - start;
            final long receiverAllocated = THREADS.getThreadAllocatedBytes(rx.getId()) - receiverAllocatedBefore;
            running.set(false);
            tx.join();
            rx.join();
            return new Result("2t-touch", batch, packetsAfter - packetsBefore, elapsed / 1e9,
                receiverAllocated + senderAllocated.get(), receiver.checksum);
        }
    }

    /** The two ends of one pipe in a private region. */
    private final class Pair implements AutoCloseable
    {
        final NetmapPort master;
        final NetmapPort slave;

        Pair(final String name)
        {
            final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(directory));
            final String parent = name + ProcessHandle.current().pid();
            master = backend.open(PortSpec.parse("netmap:" + parent + "{0"), PortOptions.DEFAULT);
            slave = backend.open(PortSpec.parse("netmap:" + parent + "}0"), PortOptions.DEFAULT);
        }

        @Override
        public void close()
        {
            slave.close();
            master.close();
        }
    }

    /** Fills free TX slots with 60-byte frames whose Ethernet header it writes; one sync per batch. */
    private static final class Sender
    {
        private final NetmapPort port;
        private final RingView tx;
        private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
        private int sequence;

        Sender(final NetmapPort port)
        {
            this.port = port;
            this.tx = port.txRing(0);
        }

        int send(final int batch)
        {
            final int n = Math.min(batch, tx.space());
            int head = tx.head();
            for (int i = 0; i < n; i++)
            {
                frame.wrap(tx.slotBufferAddress(head), 64);
                frame.putLong(0, 0x0000_0000_0002L | ((long)sequence++ << 16));
                frame.putInt(8, 0x0000_0100);
                frame.putShort(12, (short)0x0008);
                tx.len(head, FRAME_LENGTH);
                head = tx.next(head);
            }
            tx.advanceRelease(head);
            port.txSync();
            return n;
        }
    }

    /** Reads the Ethernet header of every received frame into a checksum; one sync per batch. */
    private static final class Receiver
    {
        private final NetmapPort port;
        private final RingView rx;
        private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
        private volatile long packetsPublished;
        long packets;
        long checksum;

        Receiver(final NetmapPort port)
        {
            this.port = port;
            this.rx = port.rxRing(0);
        }

        int receive(final int batch)
        {
            port.rxSync();
            final int n = Math.min(batch, rx.space());
            int head = rx.head();
            long acc = checksum;
            for (int i = 0; i < n; i++)
            {
                frame.wrap(rx.slotBufferAddress(head), 64);
                acc += (frame.getLong(0) ^ frame.getInt(8)) + frame.getShort(12) + rx.len(head);
                head = rx.next(head);
            }
            checksum = acc;
            rx.advanceRelease(head);
            packets += n;
            packetsPublished = packets;
            return n;
        }

        long packetsVolatile()
        {
            return packetsPublished;
        }
    }
}
