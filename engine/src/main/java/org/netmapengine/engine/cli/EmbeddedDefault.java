package org.netmapengine.engine.cli;

import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.PacketGenerator;
import org.netmapengine.io.pktgen.PacketReceiver;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.io.pktgen.TrafficReporter;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * What {@code netmap-engine} runs with no command, on any Linux machine: pkt-gen into an emulated pipe
 * ({@code netmap:default{0}) and a receiver at its other end ({@code netmap:default}0}), one line per second
 * from each, then both summaries.
 */
final class EmbeddedDefault
{
    private EmbeddedDefault()
    {
    }

    static int run(final PrintWriter out, final double seconds, final EmulatedConfig emulated)
        throws InterruptedException
    {
        final Backend backend = Backends.create(BackendKind.AUTO, emulated);
        try (NetmapPort rx = backend.open(PortSpec.parse("netmap:default}0"), PortOptions.DEFAULT);
             NetmapPort tx = backend.open(PortSpec.parse("netmap:default{0"), PortOptions.DEFAULT))
        {
            out.println("embedded default: pkt-gen -> " + tx.describe());
            out.println("                  receiver <- " + rx.describe());
            final RunLimits limits = RunLimits.DEFAULT.withDuration((long)(seconds * 1e9), TimeUnit.NANOSECONDS);
            final PacketReceiver receiver = new PacketReceiver(rx, RunLimits.DEFAULT, true);
            final PacketGenerator generator = new PacketGenerator(tx, FrameSpec.DEFAULT, limits);
            final Thread rxThread = new Thread(receiver, "receiver");
            final Thread txThread = new Thread(generator, "pkt-gen");
            final long start = System.nanoTime();
            final TrafficReporter sent = new TrafficReporter(out, generator.counters(), null, start);
            final TrafficReporter received = new TrafficReporter(out, receiver.counters(), receiver.checks(), start);
            final Thread hook = new Thread(generator::stop);
            Runtime.getRuntime().addShutdownHook(hook);
            rxThread.start();
            txThread.start();
            while (txThread.isAlive())
            {
                txThread.join(1000);
                out.print("tx ");
                sent.report(System.nanoTime());
                out.print("rx ");
                received.report(System.nanoTime());
                out.flush();
            }
            // Let the receiver drain what is still in the pipe, then stop it.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (receiver.counters().packets() < generator.counters().packets() && System.nanoTime() < deadline)
            {
                Thread.sleep(10);
            }
            receiver.stop();
            rxThread.join();
            sent.summary("Sent", System.nanoTime());
            received.summary("Received", System.nanoTime());
            out.flush();
            Runtime.getRuntime().removeShutdownHook(hook);
            return receiver.counters().packets() == generator.counters().packets() ? ExitCodes.OK : ExitCodes.PORT;
        }
    }
}
