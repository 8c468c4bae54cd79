package org.netmapengine.pipeline.compiler;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.netmapengine.io.name.PortNameException;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.ConfigLocation;
import org.netmapengine.pipeline.graph.TxSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code ports} block: one {@link PortDraft} per entry, every setting checked on its own.
 */
final class PortReader
{
    static final String KEY = "ports";
    static final List<String> KEYS =
        List.of("backend", "batch", "cpu", "extra-buffers", "idle", "port", "rings", "to", "tx");
    static final List<String> TX_KEYS = List.of("wait-timeout", "when-full");
    static final int DEFAULT_BATCH = 256;
    static final int MAX_BATCH = 4096;
    static final int DEFAULT_EXTRA_BUFFERS = 4096;
    static final int MAX_EXTRA_BUFFERS = 1 << 20;

    private static final String EXPECTED_PORT = "expected a netmap port name such as \"netmap:eth0\"";

    private PortReader()
    {
    }

    /** @return the ports that have a valid name, in written order. */
    static List<PortDraft> read(final StageParameters pipeline, final Problems problems)
    {
        final List<PortDraft> drafts = new ArrayList<>();
        final StageParameters ports;
        try
        {
            ports = pipeline.child(KEY);
        }
        catch (final PipelineConfigException e)
        {
            problems.error(pipeline.error(KEY, "expected a block of ports, such as " +
                "ports { in { port = \"netmap:eth0\", to = first-stage } }"));
            return drafts;
        }
        if (ports.keys().isEmpty())
        {
            problems.error(ports.origin(), ports.path(), "expected at least one port, such as " +
                "in { port = \"netmap:eth0\", to = first-stage }");
        }

        for (final String name : ports.keys())
        {
            final ConfigValue value = ports.config().root().get(name);
            final ConfigLocation location = Problems.at(value.origin(), ports.path() + "." + name);
            if (!Names.isValid(name))
            {
                problems.error(location, "expected a port name: " + Names.EXPECTED);
            }
            else if (PipelineCompiler.DROP.equals(name))
            {
                problems.error(location, "'drop' is reserved for dropping packets: expected another port name");
            }
            else
            {
                drafts.add(readPort(ports, name, location, problems));
            }
        }
        return drafts;
    }

    private static PortDraft readPort(
        final StageParameters ports, final String name, final ConfigLocation location, final Problems problems)
    {
        final PortDraft draft = new PortDraft(name, location);
        final ConfigValue value = ports.config().root().get(name);
        if (ConfigValueType.STRING == value.valueType())
        {
            problems.capture(() -> draft.spec = spec(ports, name));
        }
        else if (ConfigValueType.OBJECT == value.valueType())
        {
            readBlock(ports.child(name), draft, problems);
        }
        else
        {
            problems.error(ports.error(name, "expected a port: a block { port = \"netmap:eth0\", ... } or just " +
                "its name \"netmap:eth0\""));
        }
        return draft;
    }

    private static void readBlock(final StageParameters port, final PortDraft draft, final Problems problems)
    {
        problems.errors(port.unknownKeys(KEYS));
        problems.capture(() -> draft.spec = spec(port, "port"));
        if (port.has("port"))
        {
            draft.specLocation = Problems.at(port.value("port").origin(), port.path() + ".port");
        }
        problems.capture(() -> draft.batch = port.getInt("batch", DEFAULT_BATCH, 1, MAX_BATCH));
        if (port.has("extra-buffers"))
        {
            problems.capture(() -> draft.extraBuffers = port.getInt("extra-buffers", 0, 0, MAX_EXTRA_BUFFERS));
            draft.extraBuffersLocation = Problems.at(port.value("extra-buffers").origin(),
                port.path() + ".extra-buffers");
        }
        problems.capture(() -> draft.idle = IdleReader.read(port, problems));
        problems.capture(() -> draft.cpus = cpus(port));
        problems.capture(() -> draft.perRing = perRing(port));
        problems.capture(() -> draft.tx = tx(port, problems));
        problems.capture(() -> draft.backend = backend(port));
        problems.capture(() ->
        {
            if (port.has("to"))
            {
                draft.toName = port.getString("to");
                draft.toLocation = Problems.at(port.value("to").origin(), port.path() + ".to");
            }
        });
    }

    /**
     * Fills in what depends on the wiring: the default number of extra buffers, and checks that a receiver has
     * enough of them to swap a whole batch.
     */
    static void finish(final PortDraft draft, final Problems problems)
    {
        if (null != draft.spec && draft.spec.isPcap())
        {
            if (draft.transmits)
            {
                problems.error(draft.specLocation, "a pcap port replays a capture file and cannot be transmitted " +
                    "to: expected only to = a stage (to capture packets, send them to a pcap-writer stage)");
            }
            if (null != draft.backend)
            {
                problems.error(draft.specLocation, "a pcap port is always opened by the pcap backend: expected no " +
                    "backend key");
            }
        }
        if (draft.extraBuffers < 0)
        {
            draft.extraBuffers = draft.receives() ? DEFAULT_EXTRA_BUFFERS : 0;
        }
        else if (draft.receives() && draft.extraBuffers < draft.batch)
        {
            problems.error(draft.extraBuffersLocation, "a receiving port swaps every received slot with a free " +
                "buffer: expected at least batch (" + draft.batch + ") extra buffers, got " + draft.extraBuffers);
        }
    }

    private static PortSpec spec(final StageParameters block, final String key)
    {
        if (!block.has(key) || ConfigValueType.STRING != block.value(key).valueType())
        {
            throw block.error(key, EXPECTED_PORT);
        }
        try
        {
            return PortSpec.parse(block.getString(key));
        }
        catch (final PortNameException e)
        {
            final ConfigValue value = block.value(key);
            throw new PipelineConfigException(StageParameters.fileOf(value.origin()),
                StageParameters.lineOf(value.origin()), block.path() + "." + key, e.getMessage());
        }
    }

    private static int[] cpus(final StageParameters port)
    {
        final String key = "cpu";
        final String expected = "expected a CPU number or a list of them, such as 2 or [2, 3]";
        if (!port.has(key))
        {
            return new int[0];
        }
        final ConfigValueType type = port.value(key).valueType();
        final List<Integer> cpus;
        try
        {
            cpus = ConfigValueType.NUMBER == type ? List.of(port.config().getInt(key)) :
                port.config().getIntList(key);
        }
        catch (final ConfigException e)
        {
            throw port.error(key, expected);
        }
        final int[] result = new int[cpus.size()];
        for (int i = 0; i < result.length; i++)
        {
            result[i] = cpus.get(i);
            if (result[i] < 0)
            {
                throw port.error(key, expected);
            }
        }
        return result;
    }

    private static boolean perRing(final StageParameters port)
    {
        final String rings = port.getString("rings", "per-port");
        if ("per-port".equals(rings))
        {
            return false;
        }
        if ("per-ring".equals(rings))
        {
            return true;
        }
        throw port.error("rings", "expected per-port (one receiver) or per-ring (one receiver per RX ring)");
    }

    private static TxSettings tx(final StageParameters port, final Problems problems)
    {
        if (!port.has("tx"))
        {
            return TxSettings.DEFAULT;
        }
        final StageParameters tx = port.child("tx");
        problems.errors(tx.unknownKeys(TX_KEYS));
        final String whenFull = tx.getString("when-full", TxSettings.WhenFull.WAIT.configName());
        final TxSettings.WhenFull mode;
        if (TxSettings.WhenFull.WAIT.configName().equals(whenFull))
        {
            mode = TxSettings.WhenFull.WAIT;
        }
        else if (TxSettings.WhenFull.DROP.configName().equals(whenFull))
        {
            mode = TxSettings.WhenFull.DROP;
        }
        else
        {
            throw tx.error("when-full", "expected wait or drop");
        }
        final Duration timeout = tx.getDuration("wait-timeout", TxSettings.DEFAULT_WAIT_TIMEOUT);
        if (timeout.isNegative())
        {
            throw tx.error("wait-timeout", "expected a duration >= 0 such as 10ms");
        }
        return new TxSettings(mode, timeout);
    }

    private static BackendKind backend(final StageParameters port)
    {
        if (!port.has("backend"))
        {
            return null;
        }
        try
        {
            return BackendKind.fromConfig(port.getString("backend"));
        }
        catch (final IllegalArgumentException e)
        {
            throw port.error("backend", "expected auto, kernel or emulated");
        }
    }
}
