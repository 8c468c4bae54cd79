package org.netmapengine.io.pcap;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pcap file format, written and read: headers byte for byte, snaplen, timestamps, byte orders, and the
 * files the reader refuses.
 */
class PcapFilesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteANanosecondLittleEndianEthernetHeader() throws IOException
    {
        final Path file = dir.resolve("a.pcap");
        PcapFileWriter.create(file, 1500).close();

        assertArrayEquals(new byte[]{
            0x4D, 0x3C, (byte)0xB2, (byte)0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            (byte)0xDC, 0x05, 0, 0, 1, 0, 0, 0 }, Files.readAllBytes(file));
    }

    @Test
    void shouldWriteARecordHeaderAndTheBytesKept() throws IOException
    {
        final Path file = dir.resolve("a.pcap");
        try (PcapFileWriter writer = PcapFileWriter.create(file, 4))
        {
            writer.write(new UnsafeBuffer(new byte[]{ 1, 2, 3, 4, 5, 6 }), 0, 6, 3_000_000_007L);
        }

        final byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[]{ 3, 0, 0, 0, 7, 0, 0, 0, 4, 0, 0, 0, 6, 0, 0, 0, 1, 2, 3, 4 },
            Arrays.copyOfRange(bytes, 24, bytes.length));
    }

    @Test
    void shouldCountTheFileSizeWithWhatIsBuffered() throws IOException
    {
        try (PcapFileWriter writer = PcapFileWriter.create(dir.resolve("a.pcap"), 100, 64))
        {
            for (int i = 0; i < 10; i++)
            {
                writer.write(new UnsafeBuffer(new byte[60]), 0, 60, i);
            }

            assertEquals(24 + 10 * 76, writer.size());
            assertEquals(10, writer.records());
        }
    }

    @Test
    void shouldReadBackWhatWasWritten() throws IOException
    {
        final Path file = dir.resolve("a.pcap");
        try (PcapFileWriter writer = PcapFileWriter.create(file, 65535, 100))
        {
            for (int i = 0; i < 50; i++)
            {
                final byte[] packet = new byte[60 + i];
                packet[0] = (byte)i;
                writer.write(new UnsafeBuffer(packet), 0, packet.length, 1_000_000_000L * i + i);
            }
        }

        try (PcapFileReader reader = PcapFileReader.open(file))
        {
            final UnsafeBuffer to = new UnsafeBuffer(new byte[2048]);
            for (int i = 0; i < 50; i++)
            {
                assertTrue(reader.next());
                assertEquals(1_000_000_000L * i + i, reader.timestampNanos());
                assertEquals(60 + i, reader.includedLength());
                assertEquals(60 + i, reader.copyTo(to, 0, 2048));
                assertEquals(i, to.getByte(0));
            }
            assertFalse(reader.next());
            assertEquals(50, reader.records());
        }
    }

    @Test
    void shouldReadABigEndianMicrosecondFile() throws IOException
    {
        final ByteBuffer file = ByteBuffer.allocate(24 + 16 + 3).order(ByteOrder.BIG_ENDIAN);
        file.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        file.putInt(5).putInt(250_000).putInt(3).putInt(60).put(new byte[]{ 9, 8, 7 });
        final Path path = Files.write(dir.resolve("be.pcap"), file.array());

        try (PcapFileReader reader = PcapFileReader.open(path))
        {
            assertTrue(reader.next());
            assertEquals(5_250_000_000L, reader.timestampNanos());
            assertEquals(3, reader.includedLength());
            assertEquals(60, reader.originalLength());
            assertEquals(65535, reader.snaplen());
        }
    }

    @Test
    void shouldEndTheFileAtATruncatedRecord() throws IOException
    {
        final Path file = dir.resolve("a.pcap");
        try (PcapFileWriter writer = PcapFileWriter.create(file, 100))
        {
            writer.write(new UnsafeBuffer(new byte[60]), 0, 60, 1);
            writer.write(new UnsafeBuffer(new byte[60]), 0, 60, 2);
        }
        final byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

        try (PcapFileReader reader = PcapFileReader.open(file))
        {
            assertTrue(reader.next());
            assertFalse(reader.next());
        }
    }

    @Test
    void shouldEndTheFileAtAnImpossibleRecordLength() throws IOException
    {
        final Path file = dir.resolve("a.pcap");
        PcapFileWriter.create(file, 100).close();
        final ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(0)
            .putInt(PcapFileDescriptor.MAX_SNAPLEN + 1).putInt(60);
        Files.write(file, record.array(), java.nio.file.StandardOpenOption.APPEND);

        try (PcapFileReader reader = PcapFileReader.open(file))
        {
            assertFalse(reader.next());
            assertEquals(1, reader.corrupt());
        }
    }

    @Test
    void shouldReadTheFileAgainAfterARewind() throws IOException
    {
        final Path file = dir.resolve("a.pcap");
        try (PcapFileWriter writer = PcapFileWriter.create(file, 100))
        {
            writer.write(new UnsafeBuffer(new byte[60]), 0, 60, 1);
        }

        try (PcapFileReader reader = PcapFileReader.open(file))
        {
            assertTrue(reader.next());
            assertFalse(reader.next());
            reader.rewind();
            assertTrue(reader.next());
            assertEquals(1, reader.timestampNanos());
        }
    }

    @Test
    void shouldRefuseAFileShorterThanItsHeader() throws IOException
    {
        final Path path = Files.write(dir.resolve("short.pcap"), new byte[10]);

        final IOException e = assertThrows(IOException.class, () -> PcapFileReader.open(path));

        assertEquals(path + ": not a pcap file: 10 bytes, shorter than the 24-byte file header", e.getMessage());
    }

    @Test
    void shouldRefuseAPcapngFile() throws IOException
    {
        final byte[] header = new byte[28];
        header[0] = 0x0A;
        header[1] = 0x0D;
        header[2] = 0x0D;
        header[3] = 0x0A;
        final Path path = Files.write(dir.resolve("a.pcapng"), header);

        final IOException e = assertThrows(IOException.class, () -> PcapFileReader.open(path));

        assertEquals(path + ": not a pcap file: magic 0xa0d0d0a, expected 0xa1b2c3d4 or 0xa1b23c4d in either byte " +
            "order (pcapng is not read: convert it with editcap -F pcap)", e.getMessage());
    }

    @Test
    void shouldRefuseALinkTypeOtherThanEthernet() throws IOException
    {
        final ByteBuffer file = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(113);
        final Path path = Files.write(dir.resolve("sll.pcap"), file.array());

        final IOException e = assertThrows(IOException.class, () -> PcapFileReader.open(path));

        assertEquals(path + ": link type 113 is not Ethernet (1): the engine replays Ethernet frames only",
            e.getMessage());
    }

    @Test
    void shouldRefuseASnaplenOutOfRange()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PcapFileWriter.create(dir.resolve("a.pcap"), 0));

        assertEquals("snaplen must be in [1, 262144]: snaplen=0", e.getMessage());
    }
}
