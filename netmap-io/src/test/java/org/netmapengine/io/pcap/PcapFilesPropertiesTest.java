package org.netmapengine.io.pcap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A capture file of anything after a valid header reads to its end without an exception other than the
 * IOException that names what is wrong, and never yields a record longer than the format allows.
 */
class PcapFilesPropertiesTest
{
    @Property(tries = 300)
    void shouldReadAnyBytesAfterAValidHeaderToAnEnd(@ForAll("bodies") final byte[] body) throws IOException
    {
        final Path file = Files.createTempFile("property", ".pcap");
        try
        {
            final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
            Files.write(file, header.array());
            Files.write(file, body, java.nio.file.StandardOpenOption.APPEND);
            try (PcapFileReader reader = PcapFileReader.open(file))
            {
                final UnsafeBuffer to = new UnsafeBuffer(new byte[2048]);
                int records = 0;
                while (reader.next() && records < 10_000)
                {
                    assertTrue(reader.includedLength() >= 0 &&
                        reader.includedLength() <= PcapFileDescriptor.MAX_SNAPLEN);
                    reader.copyTo(to, 0, 2048);
                    records++;
                }
                assertTrue(records < 10_000);
            }
        }
        finally
        {
            Files.delete(file);
        }
    }

    @Property(tries = 200)
    void shouldReadBackEveryPacketWritten(@ForAll("packets") final List<byte[]> packets) throws IOException
    {
        final Path file = Files.createTempFile("property", ".pcap");
        try
        {
            try (PcapFileWriter writer = PcapFileWriter.create(file, 65535, 512))
            {
                long time = 0;
                for (final byte[] packet : packets)
                {
                    writer.write(new UnsafeBuffer(packet), 0, packet.length, time += 1_000_000_007L);
                }
            }
            try (PcapFileReader reader = PcapFileReader.open(file))
            {
                long time = 0;
                for (final byte[] packet : packets)
                {
                    assertTrue(reader.next());
                    assertEquals(time += 1_000_000_007L, reader.timestampNanos());
                    final byte[] read = new byte[reader.includedLength()];
                    reader.copyTo(new UnsafeBuffer(read), 0, read.length);
                    assertEquals(java.util.Arrays.toString(packet), java.util.Arrays.toString(read));
                }
                assertTrue(!reader.next());
            }
        }
        finally
        {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<byte[]> bodies()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<List<byte[]>> packets()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(1600).list().ofMaxSize(20);
    }
}
