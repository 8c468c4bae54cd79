package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.pcap.PcapFileReader;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapWriterTest
{
    @TempDir
    Path dir;

    private PcapWriter writer(final String params, final int instance, final int instances)
    {
        final PcapWriter writer = new PcapWriter(Params.of("file = \"" + dir.resolve("cap.pcap") + "\"" + params));
        writer.start(new TestStageContext("capture", writer.outputs()).asInstance(instance, instances));
        return writer;
    }

    private static List<Integer> lengths(final Path file) throws IOException
    {
        final List<Integer> lengths = new ArrayList<>();
        try (PcapFileReader reader = PcapFileReader.open(file))
        {
            while (reader.next())
            {
                lengths.add(reader.originalLength() * 10000 + reader.includedLength());
            }
        }
        return lengths;
    }

    @Test
    void shouldWriteEveryPacketAndPassItOn() throws IOException
    {
        final PcapWriter writer = writer("", 0, 1);
        final RecordingOutputs outputs = new RecordingOutputs(writer.outputs(), 2);

        writer.process(OffHeapBatch.of(new byte[60], new byte[1514]).batch(), outputs);
        writer.stop();

        assertEquals(List.of("out", "out"), outputs.decisions(2));
        assertEquals(List.of(60 * 10000 + 60, 1514 * 10000 + 1514), lengths(dir.resolve("cap.pcap")));
    }

    @Test
    void shouldKeepAtMostTheSnaplen() throws IOException
    {
        final PcapWriter writer = writer(", snaplen = 64", 0, 1);

        writer.process(OffHeapBatch.of(new byte[100]).batch(), new RecordingOutputs(writer.outputs(), 1));
        writer.stop();

        assertEquals(List.of(100 * 10000 + 64), lengths(dir.resolve("cap.pcap")));
    }

    @Test
    void shouldStampPacketsWithTheWallClockTimeOfTheirBatch() throws IOException
    {
        final long before = Instant.now().getEpochSecond();
        final PcapWriter writer = writer("", 0, 1);
        final OffHeapBatch batch = OffHeapBatch.of(new byte[60]);
        batch.batch().timestampNanos(System.nanoTime());

        writer.process(batch.batch(), new RecordingOutputs(writer.outputs(), 1));
        writer.stop();

        try (PcapFileReader reader = PcapFileReader.open(dir.resolve("cap.pcap")))
        {
            assertTrue(reader.next());
            final long seconds = reader.timestampNanos() / 1_000_000_000L;
            assertTrue(seconds >= before && seconds <= Instant.now().getEpochSecond(), "seconds=" + seconds);
        }
    }

    @Test
    void shouldStartTheNextFileWhenTheSizeIsReached() throws IOException
    {
        final PcapWriter writer = writer(", rotate-size = 200", 0, 1);
        for (int i = 0; i < 3; i++)
        {
            writer.process(OffHeapBatch.of(new byte[100], new byte[100]).batch(), new RecordingOutputs(writer.outputs(),
                2));
        }
        writer.stop();

        assertEquals(2, lengths(dir.resolve("cap.pcap")).size());
        assertEquals(2, lengths(dir.resolve("cap-1.pcap")).size());
        assertEquals(2, lengths(dir.resolve("cap-2.pcap")).size());
    }

    @Test
    void shouldStartTheNextFileWhenTheIntervalIsOver() throws IOException
    {
        final PcapWriter writer = writer(", rotate-interval = 1s", 0, 1);
        final OffHeapBatch batch = OffHeapBatch.of(new byte[60]);
        batch.batch().timestampNanos(System.nanoTime() + 2_000_000_000L);

        writer.process(batch.batch(), new RecordingOutputs(writer.outputs(), 1));
        writer.stop();

        assertEquals(List.of(), lengths(dir.resolve("cap.pcap")));
        assertEquals(1, lengths(dir.resolve("cap-1.pcap")).size());
    }

    @Test
    void shouldWriteAFileOfItsOwnPerParallelInstance()
    {
        final PcapWriter writer = writer("", 2, 4);

        assertEquals(dir.resolve("cap-i2.pcap"), writer.currentFile());
        writer.stop();
        assertTrue(Files.exists(dir.resolve("cap-i2.pcap")));
    }

    @Test
    void shouldRejectAFileInADirectoryThatDoesNotExist()
    {
        assertEquals("file: expected a file in an existing, writable directory (/no/such is not one), got string " +
            "\"/no/such/cap.pcap\"", Params.error(PcapWriter::new, "file = \"/no/such/cap.pcap\""));
    }

    @Test
    void shouldRejectABadRotateSize()
    {
        assertEquals("rotate-size: expected a size such as 100M or 1G, got string \"big\"",
            Params.error(PcapWriter::new, "file = \"" + dir.resolve("a.pcap") + "\", rotate-size = big"));
    }

    @Test
    void shouldRejectASnaplenOutOfRange()
    {
        assertEquals("snaplen: expected an integer in [1, 262144], got number 0",
            Params.error(PcapWriter::new, "file = \"" + dir.resolve("a.pcap") + "\", snaplen = 0"));
    }
}
