package org.netmapengine.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.agrona.BufferUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.emulated.EmulatedBackend;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.PacketBatch;

/** What a transmitter does with packets that cannot go into a TX slot as they are. */
class TxBurstTest
{
    /** A region id no port has: the packets below are copied, not swapped. */
    private static final int OTHER_REGION = 999;

    @TempDir
    Path dir;

    private final ByteBuffer elsewhere = ByteBuffer.allocateDirect(4096);

    @Test
    void shouldDropAPacketLongerThanATxBufferAsTooLong() throws Exception
    {
        try (Pipe pipe = new Pipe(dir))
        {
            final int bufferSize = pipe.tx().bufferSize();
            final HandleBatch batch = batchOf(bufferSize + 1, 60);

            assertEquals(2, new TxBurst(pipe.port).transmit(batch, 0));

            assertEquals(2, batch.returnCount());
            assertEquals(1 + DropReason.TOO_LONG.id(), batch.returnDisposition(0));
            assertEquals(HandleBatch.TRANSMITTED, batch.returnDisposition(1));
        }
    }

    @Test
    void shouldNeverCopyIntoATxSlotWhoseBufferIndexIsOutsideTheRegion() throws Exception
    {
        try (Pipe pipe = new Pipe(dir))
        {
            final RingView tx = pipe.tx();
            tx.bufIdx(tx.head(), pipe.port.region().bufferCount() + 5);
            final HandleBatch batch = batchOf(60);

            new TxBurst(pipe.port).transmit(batch, 0);

            assertEquals(1 + DropReason.TX_ERROR.id(), batch.returnDisposition(0));
            assertEquals(pipe.port.region().bufferCount() + 5, tx.bufIdx(tx.head()), "the slot is left alone");
        }
    }

    private HandleBatch batchOf(final int... lengths)
    {
        final HandleBatch batch = new HandleBatch(lengths.length, null);
        final PacketBatch packets = batch.packets();
        for (int i = 0; i < lengths.length; i++)
        {
            packets.add(100 + i, BufferUtil.address(elsewhere), 0, lengths[i], 0, OTHER_REGION, 0);
        }
        return batch;
    }

    /** The master end of an emulated pipe, transmitting; the slave end open so its syncs go somewhere. */
    private static final class Pipe implements AutoCloseable
    {
        final NetmapPort port;
        final NetmapPort peer;

        Pipe(final Path dir)
        {
            final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
            this.port = backend.open(PortSpec.parse("netmap:tx{0"), PortOptions.DEFAULT);
            this.peer = backend.open(PortSpec.parse("netmap:tx}0"), PortOptions.DEFAULT);
        }

        RingView tx()
        {
            return port.txRing(0);
        }

        @Override
        public void close()
        {
            peer.close();
            port.close();
        }
    }
}
