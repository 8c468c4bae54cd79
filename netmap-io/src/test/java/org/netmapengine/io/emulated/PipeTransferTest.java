package org.netmapengine.io.emulated;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Packets cross an emulated pipe from a sender thread to a receiver thread, in order, each exactly once.
 */
class PipeTransferTest
{
    private static final long PACKETS = 50_000_000L;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldMoveFiftyMillionPacketsBetweenTwoThreadsWithoutLossDuplicationOrReordering() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort master = backend.open(PortSpec.parse("netmap:xfer{0"), PortOptions.DEFAULT);
             NetmapPort slave = backend.open(PortSpec.parse("netmap:xfer}0"), PortOptions.DEFAULT))
        {
            final CompletableFuture<SequencedTraffic.Received> receiver =
                CompletableFuture.supplyAsync(() -> SequencedTraffic.receive(slave, PACKETS));
            SequencedTraffic.send(master, PACKETS, 256);
            final SequencedTraffic.Received received = receiver.get(240, TimeUnit.SECONDS);

            assertEquals(PACKETS, received.packets(), "received");
            assertEquals(0, received.outOfOrder(), "lost, duplicated or reordered (first bad: " + received.firstBad() + ")");
            assertEquals(PACKETS - 1, received.lastSequence());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCarryTrafficBothWaysWithRxAndTxOnSeparatePortsOfEachEnd() throws Exception
    {
        final EmulatedBackend backend = new EmulatedBackend(EmulatedConfig.DEFAULT.withDirectory(dir));
        try (NetmapPort masterTx = backend.open(PortSpec.parse("netmap:both{0/T"), PortOptions.DEFAULT);
             NetmapPort masterRx = backend.open(PortSpec.parse("netmap:both{0/R"), PortOptions.DEFAULT);
             NetmapPort slaveTx = backend.open(PortSpec.parse("netmap:both}0/T"), PortOptions.DEFAULT);
             NetmapPort slaveRx = backend.open(PortSpec.parse("netmap:both}0/R"), PortOptions.DEFAULT))
        {
            final long packets = 2_000_000L;
            final CompletableFuture<Void> toSlave = CompletableFuture.runAsync(() -> SequencedTraffic.send(masterTx, packets, 64));
            final CompletableFuture<Void> toMaster = CompletableFuture.runAsync(() -> SequencedTraffic.send(slaveTx, packets, 64));
            final CompletableFuture<SequencedTraffic.Received> atSlave =
                CompletableFuture.supplyAsync(() -> SequencedTraffic.receive(slaveRx, packets));
            final SequencedTraffic.Received atMaster = SequencedTraffic.receive(masterRx, packets);
            toSlave.get(30, TimeUnit.SECONDS);
            toMaster.get(30, TimeUnit.SECONDS);

            assertEquals(packets, atMaster.packets());
            assertEquals(0, atMaster.outOfOrder());
            assertEquals(packets, atSlave.get(30, TimeUnit.SECONDS).packets());
            assertEquals(0, atSlave.get().outOfOrder());
        }
    }
}
