package org.netmapengine.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;
import org.netmapengine.pipeline.PacketBatch;

/** What a receiver takes from a pipe whose other end writes slots no kernel would. */
class RxBurstTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLeaveSlotsWithAnImpossibleBufferOrLengthInTheRingAndCountThem() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort peer = backend.open(PortSpec.parse("netmap:broken{0"), PortOptions.DEFAULT);
             NetmapPort port = backend.open(PortSpec.parse("netmap:broken}0"), PortOptions.withExtraBuffers(64)))
        {
            final RingView tx = peer.txRing(0);
            final int bufferSize = tx.bufferSize();
            final int good = tx.bufIdx(tx.head());
            int slot = tx.head();
            tx.slotHead(slot, good, 60, 0);
            slot = tx.next(slot);
            tx.slotHead(slot, 1, 60, 0);                                      // below the first valid buffer
            slot = tx.next(slot);
            tx.slotHead(slot, peer.region().bufferCount(), 60, 0);            // past the last buffer
            slot = tx.next(slot);
            tx.slotHead(slot, tx.bufIdx(slot), bufferSize + 1, 0);            // a frame longer than its buffer
            slot = tx.next(slot);
            tx.slotHead(slot, tx.bufIdx(slot), bufferSize, 0);                // exactly a buffer: fine
            slot = tx.next(slot);
            tx.advanceRelease(slot);
            peer.txSync();

            final RxBurst burst = new RxBurst(port, 0);
            final PacketBatch batch = new PacketBatch(16);
            assertEquals(5, burst.receive(batch), "every slot is consumed");

            assertEquals(2, batch.count(), "only the possible slots become handles");
            assertEquals(good, batch.bufIdx(0));
            assertEquals(60, batch.length(0));
            assertEquals(bufferSize, batch.length(1));
            assertEquals(3, burst.malformedSlots());
            assertEquals(64 - 2, port.freeList().size(), "no free buffer was swapped into a malformed slot");
        }
    }
}
