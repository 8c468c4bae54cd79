package org.netmapengine.io.pcap;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.RingView;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A capture file opened as a port: one RX ring filled from the file as a NIC would fill it, at the pace the name
 * asks, with the extra buffers asked for.
 */
class PcapBackendTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPresentOneRxRingAndTheExtraBuffersAskedFor() throws IOException
    {
        try (NetmapPort port = new PcapBackend().open(PortSpec.parse("pcap:" + capture(3, 0)), new PortOptions(64, 64)))
        {
            assertEquals(BackendKind.PCAP, port.backend());
            assertEquals(0, port.txRingCount());
            assertEquals(1, port.rxRingCount());
            assertEquals(1024, port.rxRing(0).numSlots());
            assertEquals(64, port.freeList().size());
            assertEquals(2048, port.region().bufferSize());
        }
    }

    @Test
    void shouldReplayEveryPacketInFileOrderAtMaximumSpeed() throws IOException
    {
        try (NetmapPort port = new PcapBackend(64, 2048).open(PortSpec.parse("pcap:" + capture(500, 0)),
            PortOptions.DEFAULT))
        {
            assertEquals(sequence(0, 500), receive(port, 500));
        }
    }

    @Test
    void shouldPlayTheFileAsManyTimesAsAsked() throws IOException
    {
        try (NetmapPort port = new PcapBackend().open(PortSpec.parse("pcap:" + capture(10, 0) + "@replay:loop=3"),
            PortOptions.DEFAULT))
        {
            final List<Integer> expected = new ArrayList<>(sequence(0, 10));
            expected.addAll(sequence(0, 10));
            expected.addAll(sequence(0, 10));

            assertEquals(expected, receive(port, 30));
        }
    }

    @Test
    void shouldFillTheSlotsBuffersTheUserSwappedIn() throws IOException
    {
        try (NetmapPort port = new PcapBackend(8, 2048).open(PortSpec.parse("pcap:" + capture(20, 0)),
            new PortOptions(32, 32)))
        {
            final List<Integer> seen = new ArrayList<>();
            while (seen.size() < 20)
            {
                port.poll(NetmapPort.POLLIN, 100);
                final RingView ring = port.rxRing(0);
                int slot = ring.head();
                while (slot != ring.tailAcquire())
                {
                    final int bufIdx = ring.bufIdx(slot);
                    seen.add(new UnsafeBuffer(ring.bufferAddress(bufIdx), 64).getInt(0, ByteOrder.BIG_ENDIAN));
                    ring.swapBuffer(slot, port.freeList().pop());
                    port.freeList().push(bufIdx);
                    slot = ring.next(slot);
                }
                ring.advanceRelease(slot);
            }

            assertEquals(sequence(0, 20), seen);
        }
    }

    @Test
    void shouldHoldBackPacketsNotYetDueAtAGivenRate() throws IOException
    {
        try (NetmapPort port = new PcapBackend().open(PortSpec.parse("pcap:" + capture(10, 0) + "@replay=1"),
            PortOptions.DEFAULT))
        {
            port.rxSync();

            // One packet a second: the first is due at once, the second a second later.
            assertTrue(port.rxRing(0).space() <= 2, "space=" + port.rxRing(0).space());
        }
    }

    @Test
    void shouldHoldBackPacketsNotYetDueAtTheRecordedTiming() throws IOException
    {
        try (NetmapPort port = new PcapBackend().open(
            PortSpec.parse("pcap:" + capture(10, 60_000_000_000L) + "@replay=recorded"), PortOptions.DEFAULT))
        {
            port.rxSync();

            assertEquals(1, port.rxRing(0).space());
        }
    }

    @Test
    void shouldScaleTheRecordedTimingBySpeed() throws IOException
    {
        try (NetmapPort port = new PcapBackend().open(
            PortSpec.parse("pcap:" + capture(10, 1_000_000L) + "@replay:rate=recorded,speed=1000000"),
            PortOptions.DEFAULT))
        {
            assertEquals(sequence(0, 10), receive(port, 10));
        }
    }

    @Test
    void shouldCutAPacketLongerThanABufferToTheBufferSize() throws IOException
    {
        final Path file = dir.resolve("jumbo.pcap");
        try (PcapFileWriter writer = PcapFileWriter.create(file, 9000))
        {
            writer.write(new UnsafeBuffer(new byte[3000]), 0, 3000, 0);
        }

        try (NetmapPort port = new PcapBackend().open(PortSpec.parse("pcap:" + file), PortOptions.DEFAULT))
        {
            port.rxSync();

            assertEquals(2048, port.rxRing(0).len(port.rxRing(0).head()));
        }
    }

    @Test
    void shouldStayEmptyAfterTheLastPacket() throws IOException
    {
        try (NetmapPort port = new PcapBackend().open(PortSpec.parse("pcap:" + capture(2, 0)), PortOptions.DEFAULT))
        {
            receive(port, 2);

            assertEquals(0, port.poll(NetmapPort.POLLIN, 1));
            assertEquals(0, port.rxRing(0).space());
        }
    }

    @Test
    void shouldSayWhenTheFileIsMissing()
    {
        final NetmapException e = assertThrows(NetmapException.class,
            () -> new PcapBackend().open(PortSpec.parse("pcap:/no/such.pcap"), PortOptions.DEFAULT));

        assertEquals(NetmapException.Reason.UNKNOWN_INTERFACE, e.reason());
        assertEquals("pcap:/no/such.pcap: no capture file /no/such.pcap", e.getMessage());
    }

    @Test
    void shouldSayWhatIsWrongWithAFileThatIsNotACapture() throws IOException
    {
        final Path path = Files.write(dir.resolve("x.pcap"), new byte[3]);

        final NetmapException e = assertThrows(NetmapException.class,
            () -> new PcapBackend().open(PortSpec.parse("pcap:" + path), PortOptions.DEFAULT));

        assertEquals(NetmapException.Reason.INVALID_REQUEST, e.reason());
        assertEquals("pcap:" + path + ": " + path + ": not a pcap file: 3 bytes, shorter than the 24-byte file header",
            e.getMessage());
    }

    @Test
    void shouldRefuseANetmapName()
    {
        final NetmapException e = assertThrows(NetmapException.class,
            () -> new PcapBackend().open(PortSpec.parse("netmap:eth0"), PortOptions.DEFAULT));

        assertEquals("netmap:eth0: the pcap backend opens capture files (pcap:/path/file.pcap), not netmap ports",
            e.getMessage());
    }

    @Test
    void shouldOpenPcapNamesWithThePcapBackendWhateverTheConfiguredOne() throws IOException
    {
        final Path file = capture(1, 0);
        for (final BackendKind kind : List.of(BackendKind.AUTO, BackendKind.KERNEL, BackendKind.EMULATED))
        {
            try (NetmapPort port = Backends.create(kind, EmulatedConfig.DEFAULT.withDirectory(dir))
                .open(PortSpec.parse("pcap:" + file), PortOptions.DEFAULT))
            {
                assertEquals(BackendKind.PCAP, port.backend());
            }
        }
    }

    @Test
    void shouldNotTakePcapAsAConfiguredBackend()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BackendKind.fromConfig("pcap"));

        assertEquals("unknown backend 'pcap': expected auto, kernel or emulated", e.getMessage());
    }

    /** @return a file of {@code count} 60-byte frames numbered in their first 4 bytes, {@code gap} ns apart. */
    private Path capture(final int count, final long gapNanos) throws IOException
    {
        final Path file = dir.resolve("c" + count + "-" + gapNanos + ".pcap");
        try (PcapFileWriter writer = PcapFileWriter.create(file, 65535))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
            for (int i = 0; i < count; i++)
            {
                frame.putInt(0, i, ByteOrder.BIG_ENDIAN);
                writer.write(frame, 0, 60, 1_700_000_000_000_000_000L + i * gapNanos);
            }
        }
        return file;
    }

    /** Receives {@code count} packets, giving each slot back once read, and returns their numbers. */
    private static List<Integer> receive(final NetmapPort port, final int count)
    {
        final List<Integer> seen = new ArrayList<>();
        for (int polls = 0; seen.size() < count && polls < 1000; polls++)
        {
            port.poll(NetmapPort.POLLIN, 100);
            final RingView ring = port.rxRing(0);
            int slot = ring.head();
            while (slot != ring.tailAcquire())
            {
                assertEquals(60, ring.len(slot));
                seen.add(new UnsafeBuffer(ring.slotBufferAddress(slot), 4).getInt(0, ByteOrder.BIG_ENDIAN));
                slot = ring.next(slot);
            }
            ring.advanceRelease(slot);
        }
        return seen;
    }

    private static List<Integer> sequence(final int from, final int to)
    {
        final List<Integer> numbers = new ArrayList<>();
        for (int i = from; i < to; i++)
        {
            numbers.add(i);
        }
        return numbers;
    }
}
