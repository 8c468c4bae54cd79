package org.netmapengine.io.emulated;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PipeSmokeTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMoveOnePacket()
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir).withBuffers(4096));
        try (NetmapPort master = backend.open(PortSpec.parse("netmap:smoke{1"), PortOptions.withExtraBuffers(8));
             NetmapPort slave = backend.open(PortSpec.parse("netmap:smoke}1"), PortOptions.DEFAULT))
        {
            System.out.println(master.describe());
            System.out.println(slave.describe());
            final RingView tx = master.txRing(0);
            final int head = tx.head();
            tx.len(head, 60);
            tx.advanceRelease(tx.next(head));
            master.txSync();
            slave.rxSync();
            final RingView rx = slave.rxRing(0);
            assertEquals(1, rx.space());
            assertEquals(60, rx.len(rx.head()));
            assertEquals(tx.bufIdx(head), rx.bufIdx(rx.head()));
        }
    }
}
