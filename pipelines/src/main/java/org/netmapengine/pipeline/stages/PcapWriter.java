package org.netmapengine.pipeline.stages;

import org.netmapengine.io.pcap.PcapFileDescriptor;
import org.netmapengine.io.pcap.PcapFileWriter;
import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.MetricsSource;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code pcap-writer}: writes every packet to a pcap file (nanosecond timestamps, magic 0xa1b23c4d) and passes it
 * on; wire {@code out} to {@code drop} to make it a sink.
 * <pre>
 *             +-------------+
 *   frames --&gt;| pcap-writer | --&gt; out      every packet, unchanged
 *             +-------------+ ==&gt; file     capture.pcap, capture-1.pcap, capture-2.pcap, ...
 * </pre>
 * Parameters: {@code file = "/var/tmp/capture.pcap"} (required; its directory must exist); {@code snaplen = 65535}
 * (bytes kept of each packet, 1 to 262144); {@code rotate-size = 100M} and {@code rotate-interval = 1h} (optional:
 * start the next file when the current one reaches that size or age; the n-th next file has {@code -n} before the
 * extension); {@code flush-interval = 1s} (how long written packets may wait in memory).
 * <p>
 * Timestamps are when the receiver took the packet's batch, on the wall clock. With {@code parallelism = N} each
 * instance writes files of its own, {@code capture-i0.pcap}, {@code capture-i1.pcap}, ... Write errors do not stop
 * the traffic: they are counted ({@code write-errors}) and logged once a second at most.
 */
public final class PcapWriter implements Stage, MetricsSource
{
    public static final String TYPE = "pcap-writer";
    public static final List<String> PARAMETERS =
        List.of("file", "flush-interval", "rotate-interval", "rotate-size", "snaplen");

    private static final Logger LOG = LoggerFactory.getLogger(PcapWriter.class);
    private static final long SECOND = 1_000_000_000L;

    private final PacketView frame = new PacketView();
    private final Path file;
    private final int snaplen;
    private final long rotateSize;
    private final long rotateNanos;
    private final long flushNanos;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong writeErrors = new AtomicLong();
    private Path base;
    private PcapFileWriter writer;
    private long epochAtStart;
    private long nanoAtStart;
    private long openedAt;
    private long flushedAt;
    private long lastErrorLog = Long.MIN_VALUE;
    private long written;
    private long errors;
    private int rotations;
    private int out;

    public PcapWriter(final StageParameters parameters)
    {
        file = Path.of(parameters.getString("file")).toAbsolutePath();
        if (!Files.isDirectory(file.getParent()) || !Files.isWritable(file.getParent()))
        {
            throw parameters.error("file", "expected a file in an existing, writable directory (" + file.getParent() +
                " is not one)");
        }
        snaplen = parameters.getInt("snaplen", 65535, 1, PcapFileDescriptor.MAX_SNAPLEN);
        rotateSize = parameters.has("rotate-size") ? bytes(parameters) : Long.MAX_VALUE;
        rotateNanos = parameters.has("rotate-interval") ? positive(parameters, "rotate-interval") : Long.MAX_VALUE;
        flushNanos = parameters.has("flush-interval") ? positive(parameters, "flush-interval") : SECOND;
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
        base = context.instances() > 1 ? numbered(file, "-i" + context.instance()) : file;
        final Instant now = Instant.now();
        nanoAtStart = System.nanoTime();
        epochAtStart = now.getEpochSecond() * SECOND + now.getNano();
        open(base, nanoAtStart);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final long now = BatchClock.nanos(batch);
        if (null != writer && (writer.size() >= rotateSize || now - openedAt >= rotateNanos))
        {
            rotate(now);
        }
        final long epochNanos = epochAtStart + (now - nanoAtStart);
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            if (null != writer)
            {
                frame.wrap(batch, i);
                try
                {
                    writer.write(frame.buffer(), 0, frame.length(), epochNanos);
                    written++;
                }
                catch (final IOException e)
                {
                    failed(e, now);
                }
            }
            outputs.send(i, out);
        }
        if (null != writer && now - flushedAt >= flushNanos)
        {
            flush(now);
        }
        packets.setRelease(written);
        writeErrors.setRelease(errors);
    }

    @Override
    public void stop()
    {
        close();
    }

    @Override
    public void report(final MetricsSink sink)
    {
        sink.counter("packets", packets.getAcquire());
        sink.counter("files", files.getAcquire());
        sink.counter("write-errors", writeErrors.getAcquire());
    }

    /** @return the file being written now, or null when it could not be opened. */
    public Path currentFile()
    {
        return null == writer ? null : writer.path();
    }

    private void rotate(final long now)
    {
        close();
        rotations++;
        open(numbered(base, "-" + rotations), now);
    }

    private void open(final Path path, final long now)
    {
        try
        {
            writer = PcapFileWriter.create(path, snaplen);
            files.setRelease(files.getPlain() + 1);
        }
        catch (final IOException e)
        {
            writer = null;
            failed(e, now);
        }
        openedAt = now;
        flushedAt = now;
    }

    private void flush(final long now)
    {
        try
        {
            writer.flush();
        }
        catch (final IOException e)
        {
            failed(e, now);
        }
        flushedAt = now;
    }

    private void close()
    {
        if (null == writer)
        {
            return;
        }
        try
        {
            writer.close();
        }
        catch (final IOException e)
        {
            failed(e, System.nanoTime());
        }
        writer = null;
    }

    private void failed(final IOException e, final long now)
    {
        errors++;
        if (now - lastErrorLog >= SECOND || Long.MIN_VALUE == lastErrorLog)
        {
            lastErrorLog = now;
            LOG.warn("{}: writing the capture failed ({} errors so far): {}", base, errors, e.toString());
        }
    }

    /** @return {@code capture.pcap} with {@code suffix} before the extension: {@code capture-1.pcap}. */
    static Path numbered(final Path path, final String suffix)
    {
        final String name = path.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String numbered = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return path.resolveSibling(numbered);
    }

    private static long bytes(final StageParameters parameters)
    {
        try
        {
            final long size = parameters.config().getBytes("rotate-size");
            if (size >= PcapFileDescriptor.FILE_HEADER_LENGTH + 1)
            {
                return size;
            }
        }
        catch (final com.typesafe.config.ConfigException e)
        {
            // reported below
        }
        throw parameters.error("rotate-size", "expected a size such as 100M or 1G");
    }

    private static long positive(final StageParameters parameters, final String key)
    {
        final Duration duration = parameters.getDuration(key, Duration.ZERO);
        if (duration.toMillis() < 1)
        {
            throw parameters.error(key, "expected a duration of at least 1ms, such as 1s");
        }
        return duration.toNanos();
    }
}
