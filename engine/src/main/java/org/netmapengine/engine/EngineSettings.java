package org.netmapengine.engine;

import com.typesafe.config.Config;
import org.netmapengine.actors.PipelineRuntime;
import org.netmapengine.io.afpacket.AfPacketConfig;
import org.netmapengine.io.backend.Backends;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.pipeline.graph.PortDef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's own settings, from the {@code netmap-engine} block of the configuration (see the top-level
 * {@code application.conf} and the actors' {@code reference.conf}).
 */
public record EngineSettings(
    BackendKind backend,
    EmulatedConfig emulated,
    PipelineRuntime.Tuning tuning,
    Duration reportInterval)
{
    public static EngineSettings from(final Config config)
    {
        final Config engine = config.getConfig("netmap-engine");
        EmulatedConfig emulated = EmulatedConfig.DEFAULT;
        if (engine.hasPath("emulated"))
        {
            final Config e = engine.getConfig("emulated");
            emulated = new EmulatedConfig(
                e.hasPath("directory") ? Path.of(e.getString("directory")) : emulated.directory(),
                e.hasPath("buffer-size") ? e.getInt("buffer-size") : emulated.bufferSize(),
                e.hasPath("buffers") ? e.getInt("buffers") : emulated.buffers(),
                e.hasPath("max-slots") ? e.getInt("max-slots") : emulated.maxSlots(),
                e.hasPath("slots") ? e.getInt("slots") : emulated.slots(),
                e.hasPath("rings") ? e.getInt("rings") : emulated.rings(),
                e.hasPath("pipes") ? e.getInt("pipes") : emulated.pipes(),
                e.hasPath("af-packet") ? afPacket(e.getConfig("af-packet")) : emulated.afPacket());
        }
        final Config runtime = engine.getConfig("runtime");
        final PipelineRuntime.Tuning tuning = new PipelineRuntime.Tuning(runtime.getInt("receiver-pool"),
            runtime.getInt("stage-pool"), runtime.getInt("spares"), runtime.getDuration("drain-timeout"),
            runtime.getDuration("status-timeout"), runtime.getString("transmitter-dispatcher"));
        return new EngineSettings(
            engine.hasPath("backend") ? BackendKind.fromConfig(engine.getString("backend")) : BackendKind.AUTO,
            emulated,
            tuning,
            engine.hasPath("report-interval") ? engine.getDuration("report-interval") : Duration.ofSeconds(1));
    }

    /** {@code netmap-engine.emulated.af-packet}: how NIC names open on Linux packet sockets. */
    public static AfPacketConfig afPacket(final Config c)
    {
        final AfPacketConfig d = AfPacketConfig.DEFAULT;
        return new AfPacketConfig(
            c.hasPath("slots") ? c.getInt("slots") : d.slots(),
            c.hasPath("buffer-size") ? c.getInt("buffer-size") : d.bufferSize(),
            c.hasPath("rx-block-size") ? (int)(long)c.getBytes("rx-block-size") : d.rxBlockSize(),
            c.hasPath("rx-blocks") ? c.getInt("rx-blocks") : d.rxBlocks(),
            c.hasPath("retire") ? (int)c.getDuration("retire").toMillis() : d.retireMillis(),
            c.hasPath("tx-frames") ? c.getInt("tx-frames") : d.txFrames(),
            c.hasPath("promiscuous") ? c.getBoolean("promiscuous") : d.promiscuous(),
            c.hasPath("qdisc-bypass") ? c.getBoolean("qdisc-bypass") : d.qdiscBypass(),
            c.hasPath("multi-slot") ? c.getBoolean("multi-slot") : d.multiSlot());
    }

    /** @return the backend of each port: its own {@code backend} setting, or the engine's. */
    public Function<PortDef, Backend> backends()
    {
        final Map<BackendKind, Backend> byKind = new EnumMap<>(BackendKind.class);
        return port -> byKind.computeIfAbsent(port.backend().orElse(backend), kind -> Backends.create(kind, emulated));
    }
}
