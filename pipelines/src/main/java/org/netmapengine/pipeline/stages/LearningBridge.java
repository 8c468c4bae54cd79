package org.netmapengine.pipeline.stages;

import org.agrona.collections.Long2LongHashMap;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.MetricsSink;
import org.netmapengine.pipeline.MetricsSource;
import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.EthernetDescriptor;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code learning-bridge}: a MAC-learning switch over pipeline ports, as VALE is over its ports: it learns which
 * port each source address is behind, sends frames for a known address to that port only, and floods the others.
 * <pre>
 *   port a --&gt;+-----------------+ --&gt; a    outputs are named after the bridge's ports; wire each to its
 *   port b --&gt;| learning-bridge | --&gt; b    port (or its transmit stage)
 *   port c --&gt;+-----------------+ --&gt; c
 *                                 --x same-port, not-a-bridge-port, truncated-ethernet
 * </pre>
 * Parameters: {@code ports = [a, b, c]}, the names of the pipeline ports the bridge joins (at least two; frames
 * arrive from them, {@link StageContext#portName}); {@code max-age = 300s}, after which an address not seen again is
 * forgotten; {@code mac-table-size = 4096}, the most addresses remembered (when it is full an address is learned
 * only after an old one ages out).
 * <p>
 * A frame to a broadcast, multicast or unknown address is flooded to every port but the one it came from: copies to
 * all of them but the last, the frame itself to the last ({@link Outputs#copy}, from spare buffers). A frame to an
 * address behind its own arrival port is dropped ({@code same-port}), as is one from a port not in {@code ports}.
 */
public final class LearningBridge implements Stage, MetricsSource
{
    public static final String TYPE = "learning-bridge";
    public static final List<String> PARAMETERS = List.of("mac-table-size", "max-age", "ports");
    public static final DropReason SAME_PORT = DropReason.of("same-port");
    public static final DropReason NOT_A_BRIDGE_PORT = DropReason.of("not-a-bridge-port");
    public static final DropReason TRUNCATED_ETHERNET = DropReason.of("truncated-ethernet");

    /** Never an entry: a port index is below 1024, so no entry has all 16 low bits set. */
    private static final long MISSING = -1;
    private static final int PORT_BITS = 16;
    private static final long PORT_MASK = (1L << PORT_BITS) - 1;
    private static final int UNRESOLVED = -2;
    private static final int NOT_OURS = -1;
    private static final long GROUP_BIT = 0x0100_0000_0000L;

    private final PacketView frame = new PacketView();
    private final List<String> ports;
    private final long maxAgeMillis;
    private final int tableSize;
    private final Long2LongHashMap table;
    private final AtomicLong macs = new AtomicLong();
    private final AtomicLong flooded = new AtomicLong();
    private final AtomicLong tableFull = new AtomicLong();
    private StageContext context;
    private int[] outputIds;
    /** Bridge port index by runtime port id, resolved on first sight. */
    private int[] bridgePortOf = new int[0];
    private long floods;
    private long fullMisses;

    public LearningBridge(final StageParameters parameters)
    {
        ports = List.copyOf(parameters.getStringList("ports"));
        for (int i = 0; i < ports.size(); i++)
        {
            final String port = ports.get(i);
            if (!Names.isValid(port) || ports.subList(0, i).contains(port))
            {
                throw parameters.error("ports", "expected distinct port names, each " + Names.EXPECTED + " ('" + port +
                    "' is not)");
            }
        }
        if (ports.size() < 2 || ports.size() > 1024)
        {
            throw parameters.error("ports", "expected 2 to 1024 ports to bridge");
        }
        final Duration maxAge = parameters.getDuration("max-age", Duration.ofSeconds(300));
        if (maxAge.toMillis() < 1 || maxAge.toDays() > 365)
        {
            throw parameters.error("max-age", "expected a duration from 1ms to 365d such as 300s");
        }
        maxAgeMillis = maxAge.toMillis();
        tableSize = parameters.getInt("mac-table-size", 4096, 1, 1 << 24);
        // Sized so it never grows: no allocation once running.
        table = new Long2LongHashMap(Math.max(16, tableSize * 2), 0.65f, MISSING);
    }

    @Override
    public List<String> outputs()
    {
        return ports;
    }

    @Override
    public int copiesPerPacket()
    {
        return ports.size() - 2;
    }

    @Override
    public void start(final StageContext context)
    {
        this.context = context;
        outputIds = OutputList.ids(context, ports);
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        // Milliseconds: entries keep the time beside the port in one long.
        final long now = Math.floorDiv(BatchClock.nanos(batch), 1_000_000L);
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            frame.wrap(batch, i);
            if (frame.length() < EthernetDescriptor.HEADER_LENGTH)
            {
                outputs.drop(i, TRUNCATED_ETHERNET);
                continue;
            }
            final int from = bridgePort(batch.inPort(i));
            if (from < 0)
            {
                outputs.drop(i, NOT_A_BRIDGE_PORT);
                continue;
            }
            final long source = frame.u48(EthernetDescriptor.SOURCE_OFFSET);
            if (0 == (source & GROUP_BIT))
            {
                learn(source, from, now);
            }
            final int to = lookup(frame.u48(EthernetDescriptor.DESTINATION_OFFSET), now);
            if (to < 0)
            {
                flood(i, from, outputs);
            }
            else if (to == from)
            {
                outputs.drop(i, SAME_PORT);
            }
            else
            {
                outputs.send(i, outputIds[to]);
            }
        }
        macs.setRelease(table.size());
        flooded.setRelease(floods);
        tableFull.setRelease(fullMisses);
    }

    @Override
    public void report(final MetricsSink sink)
    {
        sink.gauge("macs", macs.getAcquire());
        sink.counter("flooded", flooded.getAcquire());
        sink.counter("table-full", tableFull.getAcquire());
    }

    private void flood(final int i, final int from, final Outputs outputs)
    {
        floods++;
        final int last = from == outputIds.length - 1 ? outputIds.length - 2 : outputIds.length - 1;
        for (int p = 0; p < last; p++)
        {
            if (p != from)
            {
                outputs.copy(i, outputIds[p]);
            }
        }
        outputs.send(i, outputIds[last]);
    }

    /** @return the bridge port behind {@code mac}, or -1 when unknown, aged out, or a group address. */
    private int lookup(final long mac, final long now)
    {
        if (0 != (mac & GROUP_BIT))
        {
            return -1;
        }
        final long entry = table.get(mac);
        if (MISSING == entry || now - (entry >> PORT_BITS) > maxAgeMillis)
        {
            return -1;
        }
        return (int)(entry & PORT_MASK);
    }

    private void learn(final long mac, final int port, final long now)
    {
        final long entry = (now << PORT_BITS) | port;
        if (table.size() >= tableSize && MISSING == table.get(mac))
        {
            forgetAged(now);
            if (table.size() >= tableSize)
            {
                fullMisses++;
                return;
            }
        }
        table.put(mac, entry);
    }

    /** Removes every address older than the maximum age: once per learning attempt on a full table. */
    private void forgetAged(final long now)
    {
        final Long2LongHashMap.EntryIterator entries = table.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            if (now - (entries.getLongValue() >> PORT_BITS) > maxAgeMillis)
            {
                entries.remove();
            }
        }
    }

    private int bridgePort(final int portId)
    {
        if (portId < 0)
        {
            return NOT_OURS;
        }
        if (portId >= bridgePortOf.length)
        {
            final int old = bridgePortOf.length;
            bridgePortOf = Arrays.copyOf(bridgePortOf, Math.max(8, portId * 2));
            Arrays.fill(bridgePortOf, old, bridgePortOf.length, UNRESOLVED);
        }
        int port = bridgePortOf[portId];
        if (UNRESOLVED == port)
        {
            final String name = context.portName(portId);
            port = null == name ? NOT_OURS : ports.indexOf(name);
            bridgePortOf[portId] = port < 0 ? NOT_OURS : port;
        }
        return port;
    }
}
