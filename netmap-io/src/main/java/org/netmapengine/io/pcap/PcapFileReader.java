package org.netmapengine.io.pcap;

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.netmapengine.io.pcap.PcapFileDescriptor.*;

/**
 * Reads the records of a pcap file in order: microsecond or nanosecond timestamps, either byte order, Ethernet
 * only. {@link #next()} moves to a record and exposes its header; {@link #copyTo} copies its bytes. The file is
 * read through one direct buffer, so nothing is allocated per packet.
 * <p>
 * A truncated last record ends the file (as tcpdump treats it); a record longer than {@link
 * PcapFileDescriptor#MAX_SNAPLEN} is corruption and ends it too, counted in {@link #corrupt()}.
 * <p>
 * Not thread-safe.
 */
public final class PcapFileReader implements AutoCloseable
{
    private static final int READ_BUFFER = 1 << 20;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer bytes;
    private final UnsafeBuffer buffer;
    private final ByteOrder order;
    private final long fractionNanos;
    private final int snaplen;
    private int position;
    private int limit;
    private boolean endOfFile;
    private long timestampNanos;
    private int includedLength;
    private int originalLength;
    private int recordOffset;
    private long records;
    private long corrupt;

    private PcapFileReader(final Path path, final FileChannel channel, final ByteBuffer bytes, final ByteOrder order,
        final long fractionNanos, final int snaplen)
    {
        this.path = path;
        this.channel = channel;
        this.bytes = bytes;
        this.buffer = new UnsafeBuffer(bytes);
        this.order = order;
        this.fractionNanos = fractionNanos;
        this.snaplen = snaplen;
    }

    /**
     * Opens {@code path} and checks its file header.
     *
     * @throws IOException when the file cannot be read, or with a message saying what is wrong with its header.
     */
    public static PcapFileReader open(final Path path) throws IOException
    {
        final FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try
        {
            final ByteBuffer bytes = BufferUtil.allocateDirectAligned(READ_BUFFER, 64);
            while (bytes.position() < FILE_HEADER_LENGTH && channel.read(bytes) >= 0)
            {
                // until the header is in or the file ends
            }
            if (bytes.position() < FILE_HEADER_LENGTH)
            {
                throw new IOException(path + ": not a pcap file: " + bytes.position() + " bytes, shorter than the " +
                    FILE_HEADER_LENGTH + "-byte file header");
            }
            final UnsafeBuffer header = new UnsafeBuffer(bytes);
            final int magic = header.getInt(MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN);
            final ByteOrder order;
            final long fraction;
            if (MAGIC_MICROSECONDS == magic || MAGIC_NANOSECONDS == magic)
            {
                order = ByteOrder.LITTLE_ENDIAN;
                fraction = MAGIC_NANOSECONDS == magic ? 1 : NANOS_PER_MICRO;
            }
            else if (MAGIC_MICROSECONDS == Integer.reverseBytes(magic) || MAGIC_NANOSECONDS == Integer.reverseBytes(magic))
            {
                order = ByteOrder.BIG_ENDIAN;
                fraction = MAGIC_NANOSECONDS == Integer.reverseBytes(magic) ? 1 : NANOS_PER_MICRO;
            }
            else
            {
                throw new IOException(path + ": not a pcap file: magic 0x" + Integer.toHexString(magic) +
                    ", expected 0xa1b2c3d4 or 0xa1b23c4d in either byte order (pcapng is not read: convert it with " +
                    "editcap -F pcap)");
            }
            final int network = header.getInt(NETWORK_OFFSET, order) & 0x0FFF_FFFF;
            if (LINKTYPE_ETHERNET != network)
            {
                throw new IOException(path + ": link type " + network + " is not Ethernet (" + LINKTYPE_ETHERNET +
                    "): the engine replays Ethernet frames only");
            }
            final int snaplen = header.getInt(SNAPLEN_OFFSET, order);
            final PcapFileReader reader = new PcapFileReader(path, channel, bytes, order, fraction, snaplen);
            reader.position = FILE_HEADER_LENGTH;
            reader.limit = bytes.position();
            return reader;
        }
        catch (final IOException | RuntimeException e)
        {
            channel.close();
            throw e;
        }
    }

    public Path path()
    {
        return path;
    }

    /** @return the snaplen the file header gives. */
    public int snaplen()
    {
        return snaplen;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the file (or at a truncated or corrupt record, which ends it).
     */
    public boolean next() throws IOException
    {
        if (endOfFile)
        {
            return false;
        }
        if (!available(RECORD_HEADER_LENGTH))
        {
            return end();
        }
        final long seconds = buffer.getInt(position + TS_SECONDS_OFFSET, order) & 0xFFFF_FFFFL;
        final long fraction = buffer.getInt(position + TS_FRACTION_OFFSET, order) & 0xFFFF_FFFFL;
        final int included = buffer.getInt(position + INCLUDED_LENGTH_OFFSET, order);
        final int original = buffer.getInt(position + ORIGINAL_LENGTH_OFFSET, order);
        if (included < 0 || included > MAX_SNAPLEN)
        {
            corrupt++;
            return end();
        }
        if (!available(RECORD_HEADER_LENGTH + included))
        {
            return end();
        }
        timestampNanos = seconds * NANOS_PER_SECOND + fraction * fractionNanos;
        includedLength = included;
        originalLength = original;
        recordOffset = position + RECORD_HEADER_LENGTH;
        position = recordOffset + included;
        records++;
        return true;
    }

    /** @return the current record's timestamp in nanoseconds since the epoch. */
    public long timestampNanos()
    {
        return timestampNanos;
    }

    /** @return bytes captured of the current record. */
    public int includedLength()
    {
        return includedLength;
    }

    /** @return the current record's length on the wire. */
    public int originalLength()
    {
        return originalLength;
    }

    /**
     * Copies at most {@code capacity} bytes of the current record to {@code offset} of {@code to}.
     *
     * @return bytes copied.
     */
    public int copyTo(final MutableDirectBuffer to, final int offset, final int capacity)
    {
        final int length = Math.min(includedLength, capacity);
        to.putBytes(offset, buffer, recordOffset, length);
        return length;
    }

    /** @return records read so far. */
    public long records()
    {
        return records;
    }

    /** @return records found corrupt (an impossible length), which end the file. */
    public long corrupt()
    {
        return corrupt;
    }

    /** Goes back to the first record. */
    public void rewind() throws IOException
    {
        channel.position(FILE_HEADER_LENGTH);
        position = 0;
        limit = 0;
        endOfFile = false;
    }

    @Override
    public void close() throws IOException
    {
        channel.close();
    }

    private boolean end()
    {
        endOfFile = true;
        return false;
    }

    /** @return whether {@code count} bytes from {@link #position} are in the buffer, reading more when needed. */
    private boolean available(final int count) throws IOException
    {
        if (limit - position >= count)
        {
            return true;
        }
        // Move what is left to the front, then fill the rest from the file.
        final int left = limit - position;
        buffer.putBytes(0, buffer, position, left);
        position = 0;
        limit = left;
        bytes.limit(bytes.capacity()).position(limit);
        while (limit < count)
        {
            final int read = channel.read(bytes);
            if (read < 0)
            {
                return false;
            }
            limit += read;
        }
        return true;
    }
}
