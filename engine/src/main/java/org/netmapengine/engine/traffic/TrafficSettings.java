package org.netmapengine.engine.traffic;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.MacAddress;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.StageParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The traffic the engine makes itself, beside its pipelines: pkt-gen generators sending into ports and sinks
 * counting (and checking) what arrives at ports, from {@code netmap-engine.traffic}:
 * <pre>
 * traffic {
 *   generators { gen { port = "netmap:demo{0", length = 60, burst = 256, rate = 0, count = 0,
 *                      src = "10.0.0.1:1000-10.0.0.9:1100", dst = "10.1.0.1:53-10.1.0.1:60", cpu = 0 } }
 *   sinks { sink { port = "netmap:demo}1", verify = true, cpu = 1 } }
 * }
 * </pre>
 */
public record TrafficSettings(List<Generator> generators, List<Sink> sinks)
{
    /**
     * A pkt-gen sending into a port: rate 0 = as fast as it can, count 0 = until stopped; {@code cpus} pins its
     * thread (empty: not pinned).
     */
    public record Generator(String name, PortSpec port, FrameSpec frames, RunLimits limits, int[] cpus)
    {
    }

    /** A receiver counting what arrives at a port; {@code verify} checks checksums and sequence numbers. */
    public record Sink(String name, PortSpec port, boolean verify, int[] cpus)
    {
    }

    public static final TrafficSettings NONE = new TrafficSettings(List.of(), List.of());

    /**
     * @throws PipelineConfigException located at the offending value.
     */
    public static TrafficSettings from(final Config engine)
    {
        if (!engine.hasPath("traffic"))
        {
            return NONE;
        }
        final Config traffic = engine.getConfig("traffic");
        final List<Generator> generators = new ArrayList<>();
        final List<Sink> sinks = new ArrayList<>();
        if (traffic.hasPath("generators"))
        {
            for (final String name : traffic.getObject("generators").keySet())
            {
                final StageParameters g = parameters(traffic, "generators", name);
                FrameSpec frames = FrameSpec.DEFAULT.withLength(g.getInt("length", FrameSpec.DEFAULT.length()));
                frames = frames.withRanges(range(g, "src", frames.src()), range(g, "dst", frames.dst()));
                if (g.has("src-mac") || g.has("dst-mac"))
                {
                    frames = new FrameSpec(frames.length(), mac(g, "src-mac", frames.srcMac()),
                        mac(g, "dst-mac", frames.dstMac()), frames.src(), frames.dst());
                }
                final RunLimits limits = RunLimits.DEFAULT.withBurst(g.getInt("burst", 256))
                    .withRate(g.getLong("rate", 0)).withCount(g.getLong("count", 0));
                generators.add(new Generator(name, port(g), frames, limits, cpus(g)));
            }
        }
        if (traffic.hasPath("sinks"))
        {
            for (final String name : traffic.getObject("sinks").keySet())
            {
                final StageParameters s = parameters(traffic, "sinks", name);
                sinks.add(new Sink(name, port(s), s.getBoolean("verify", true), cpus(s)));
            }
        }
        return new TrafficSettings(List.copyOf(generators), List.copyOf(sinks));
    }

    private static StageParameters parameters(final Config traffic, final String kind, final String name)
    {
        final String path = "netmap-engine.traffic." + kind + "." + name;
        try
        {
            final Config block = traffic.getConfig(kind + "." + com.typesafe.config.ConfigUtil.quoteString(name));
            return new StageParameters(block, path, block.origin());
        }
        catch (final ConfigException e)
        {
            throw new PipelineConfigException(e.origin() == null ? "?" : StageParameters.fileOf(e.origin()),
                e.origin() == null ? -1 : e.origin().lineNumber(), path, "expected an object { port = ... }");
        }
    }

    private static int[] cpus(final StageParameters p)
    {
        if (!p.has("cpu"))
        {
            return new int[0];
        }
        try
        {
            return p.config().getValue("cpu").valueType() == com.typesafe.config.ConfigValueType.LIST ?
                p.config().getIntList("cpu").stream().mapToInt(Integer::intValue).toArray() :
                new int[]{p.getInt("cpu")};
        }
        catch (final ConfigException e)
        {
            throw p.error("cpu", "expected a CPU number or a list of them");
        }
    }

    private static PortSpec port(final StageParameters p)
    {
        try
        {
            return PortSpec.parse(p.getString("port"));
        }
        catch (final IllegalArgumentException e)
        {
            throw p.error("port", "expected a netmap port name: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Ipv4Range range(final StageParameters p, final String key, final Ipv4Range otherwise)
    {
        try
        {
            return p.has(key) ? Ipv4Range.parse(p.getString(key)) : otherwise;
        }
        catch (final IllegalArgumentException e)
        {
            throw p.error(key, "expected " + Ipv4Range.SYNTAX + ": " + e.getMessage());
        }
    }

    private static long mac(final StageParameters p, final String key, final long otherwise)
    {
        try
        {
            return p.has(key) ? MacAddress.parse(p.getString(key)) : otherwise;
        }
        catch (final IllegalArgumentException e)
        {
            throw p.error(key, "expected a MAC address aa:bb:cc:dd:ee:ff: " + e.getMessage());
        }
    }
}
