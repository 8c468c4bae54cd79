package org.netmapengine.io.emulated;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

import java.nio.file.Path;

/**
 * The other process of the two-process pipe tests: opens one end of a pipe and sends, receives or just
 * holds it until killed. Prints {@code OPEN} once the end is open.
 * <p>
 * Usage: {@code PipePeer DIR PORT send COUNT | receive COUNT | hold}
 */
public final class PipePeer
{
    private PipePeer()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(Path.of(args[0])));
        try (NetmapPort port = backend.open(PortSpec.parse(args[1]), PortOptions.withExtraBuffers(64)))
        {
            System.out.println("OPEN");
            System.out.flush();
            switch (args[2])
            {
                case "send":
                    SequencedTraffic.send(port, Long.parseLong(args[3]), 256);
                    System.out.println("SENT");
                    break;
                case "receive":
                    final SequencedTraffic.Received received = SequencedTraffic.receive(port, Long.parseLong(args[3]));
                    System.out.println("RECEIVED " + received.packets() + " " + received.outOfOrder());
                    break;
                default:
                    Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
