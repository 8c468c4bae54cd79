package org.netmapengine.io.pcap;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.netmapengine.io.pcap.PcapFileDescriptor.*;

/**
 * Writes a pcap file with nanosecond timestamps (magic 0xa1b23c4d), little-endian, link type Ethernet. Records
 * go into a direct buffer and reach the file when it is full, on {@link #flush()} and on {@link #close()}: one
 * system call per buffer, none per packet, and nothing allocated per packet.
 * <p>
 * Not thread-safe.
 */
public final class PcapFileWriter implements AutoCloseable
{
    /** Bytes buffered before a write to the file. */
    public static final int DEFAULT_BUFFER = 1 << 20;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Path path;
    private final FileChannel channel;
    private final int snaplen;
    private final ByteBuffer bytes;
    private final UnsafeBuffer buffer;
    private int position;
    private long fileBytes;
    private long records;

    private PcapFileWriter(final Path path, final FileChannel channel, final int snaplen, final int bufferSize)
    {
        this.path = path;
        this.channel = channel;
        this.snaplen = snaplen;
        this.bytes = BufferUtil.allocateDirectAligned(Math.max(bufferSize, snaplen + RECORD_HEADER_LENGTH), 64);
        this.buffer = new UnsafeBuffer(bytes);
    }

    /**
     * Creates (or truncates) {@code path} and writes the file header.
     *
     * @param snaplen the most bytes kept of each packet, 1 to {@link PcapFileDescriptor#MAX_SNAPLEN}.
     */
    public static PcapFileWriter create(final Path path, final int snaplen) throws IOException
    {
        return create(path, snaplen, DEFAULT_BUFFER);
    }

    public static PcapFileWriter create(final Path path, final int snaplen, final int bufferSize) throws IOException
    {
        if (snaplen < 1 || snaplen > MAX_SNAPLEN)
        {
            throw new IllegalArgumentException("snaplen must be in [1, " + MAX_SNAPLEN + "]: snaplen=" + snaplen);
        }
        final FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        final PcapFileWriter writer = new PcapFileWriter(path, channel, snaplen, bufferSize);
        writer.writeFileHeader();
        return writer;
    }

    public Path path()
    {
        return path;
    }

    /** @return bytes of the file so far, buffered ones included. */
    public long size()
    {
        return fileBytes + position;
    }

    /** @return packets written so far. */
    public long records()
    {
        return records;
    }

    /**
     * Appends one packet: at most {@code snaplen} of its {@code length} bytes at {@code offset} of {@code packet}.
     *
     * @param epochNanos when it was seen, in nanoseconds since the epoch.
     */
    public void write(final DirectBuffer packet, final int offset, final int length, final long epochNanos)
        throws IOException
    {
        final int included = Math.min(length, snaplen);
        if (position + RECORD_HEADER_LENGTH + included > buffer.capacity())
        {
            flush();
        }
        final int at = position;
        buffer.putInt(at + TS_SECONDS_OFFSET, (int)(epochNanos / NANOS_PER_SECOND), ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(at + TS_FRACTION_OFFSET, (int)(epochNanos % NANOS_PER_SECOND), ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(at + INCLUDED_LENGTH_OFFSET, included, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(at + ORIGINAL_LENGTH_OFFSET, length, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(at + RECORD_HEADER_LENGTH, packet, offset, included);
        position = at + RECORD_HEADER_LENGTH + included;
        records++;
    }

    /** Writes what is buffered to the file. */
    public void flush() throws IOException
    {
        bytes.limit(position).position(0);
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
        bytes.clear();
        fileBytes += position;
        position = 0;
    }

    /** Flushes and closes the file. */
    @Override
    public void close() throws IOException
    {
        try
        {
            flush();
        }
        finally
        {
            channel.close();
        }
    }

    private void writeFileHeader()
    {
        buffer.putInt(MAGIC_OFFSET, MAGIC_NANOSECONDS, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(VERSION_MAJOR_OFFSET, (short)VERSION_MAJOR, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(VERSION_MINOR_OFFSET, (short)VERSION_MINOR, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(THISZONE_OFFSET, 0, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SIGFIGS_OFFSET, 0, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SNAPLEN_OFFSET, snaplen, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(NETWORK_OFFSET, LINKTYPE_ETHERNET, ByteOrder.LITTLE_ENDIAN);
        position = FILE_HEADER_LENGTH;
    }
}
