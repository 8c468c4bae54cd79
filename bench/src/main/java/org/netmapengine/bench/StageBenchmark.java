package org.netmapengine.bench;

import com.typesafe.config.ConfigFactory;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.compiler.StageRegistry;
import org.netmapengine.pipeline.compiler.StageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One stage of the standard library over batches of 256 frames of 60 bytes (64 on the wire), each in a 2048-byte
 * buffer of its own in native memory as a receiver hands them over, with outputs that do nothing. One operation is
 * one packet: the score is packets per microsecond, that is Mpps; {@code -prof gc}'s {@code gc.alloc.rate.norm} is
 * bytes allocated per packet.
 * <p>
 * Stages that rewrite packets (arp-responder, icmp-echo, static-nat, ttl-dec, vlan-push, vlan-pop) get their frames
 * back before each batch, a 256 x 64-byte copy counted in their score; every stage gets the batch's offsets,
 * lengths and hashes back, a few array writes. The {@code none} row is that restoring alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Dagrona.disable.bounds.checks=true" })
public class StageBenchmark
{
    static final int BATCH = 256;
    static final int BUFFER_SIZE = 2048;
    static final int HEADROOM = 64;

    @Param({ "none", "arp-responder", "classify", "classify-ethertype", "classify-port", "counter", "dedup", "drop",
        "filter", "hash-lb", "icmp-echo", "learning-bridge", "pcap-writer", "print", "rate-limit", "round-robin",
        "sample", "static-nat", "tee", "ttl-dec", "vlan-pop", "vlan-push" })
    public String stage;

    private final NoOpOutputs outputs = new NoOpOutputs();
    private ByteBuffer memory;
    private UnsafeBuffer buffers;
    private PacketBatch batch;
    private byte[] pristine;
    private int[] lengths;
    private boolean rewrites;
    private Stage instance;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        final byte[][] frames = frames();
        memory = BufferUtil.allocateDirectAligned(BATCH * BUFFER_SIZE, 4096);
        buffers = new UnsafeBuffer(memory);
        batch = new PacketBatch(BATCH);
        pristine = new byte[BATCH * BUFFER_SIZE];
        lengths = new int[BATCH];
        for (int i = 0; i < BATCH; i++)
        {
            System.arraycopy(frames[i], 0, pristine, i * BUFFER_SIZE + HEADROOM, frames[i].length);
            lengths[i] = frames[i].length;
            batch.add(i, buffers.addressOffset() + (long)i * BUFFER_SIZE, HEADROOM, frames[i].length, 0, 0, i % 2);
        }
        buffers.putBytes(0, pristine);
        rewrites = switch (stage)
        {
            case "arp-responder", "icmp-echo", "static-nat", "ttl-dec", "vlan-push", "vlan-pop" -> true;
            default -> false;
        };
        if (!"none".equals(stage))
        {
            instance = create();
            instance.start(new BenchContext(instance.outputs()));
            if ("learning-bridge".equals(stage))
            {
                // Both hosts learned: the benchmark measures forwarding, not flooding.
                instance.process(batch, outputs);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (null != instance)
        {
            instance.stop();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void process(final Blackhole blackhole)
    {
        restore();
        if (null != instance)
        {
            instance.process(batch, outputs);
        }
        blackhole.consume(outputs.sum);
    }

    private void restore()
    {
        final PacketBatch b = batch;
        for (int i = 0; i < BATCH; i++)
        {
            b.offset(i, HEADROOM);
            b.length(i, lengths[i]);
            b.hash(i, 0);
        }
        if (rewrites)
        {
            for (int i = 0; i < BATCH; i++)
            {
                final int at = i * BUFFER_SIZE;
                buffers.putBytes(at, pristine, at, HEADROOM + 64);
            }
        }
    }

    private byte[][] frames()
    {
        switch (stage)
        {
            case "arp-responder":
                return BenchFrames.arpRequests(BATCH, BenchFrames.SERVER_IP);
            case "icmp-echo":
                return BenchFrames.echoRequests(BATCH);
            case "vlan-pop":
                return BenchFrames.tagged(BATCH);
            case "learning-bridge":
                return bridged();
            default:
                return BenchFrames.udp(BATCH);
        }
    }

    /** Frames between two hosts, one behind port a (even packets) and one behind port b (odd packets). */
    private static byte[][] bridged()
    {
        final byte[][] frames = BenchFrames.udp(BATCH);
        for (int i = 0; i < BATCH; i++)
        {
            final UnsafeBuffer frame = new UnsafeBuffer(frames[i]);
            final long from = 0 == i % 2 ? BenchFrames.CLIENT_MAC : BenchFrames.SERVER_MAC;
            final long to = 0 == i % 2 ? BenchFrames.SERVER_MAC : BenchFrames.CLIENT_MAC;
            frame.putShort(0, (short)(to >>> 32), java.nio.ByteOrder.BIG_ENDIAN);
            frame.putInt(2, (int)to, java.nio.ByteOrder.BIG_ENDIAN);
            frame.putShort(6, (short)(from >>> 32), java.nio.ByteOrder.BIG_ENDIAN);
            frame.putInt(8, (int)from, java.nio.ByteOrder.BIG_ENDIAN);
        }
        return frames;
    }

    private Stage create() throws Exception
    {
        final StageType type = StageRegistry.standard().type(stage);
        final String hocon = params(stage);
        final StageParameters parameters = new StageParameters(ConfigFactory.parseString(hocon), "bench",
            ConfigFactory.empty().origin());
        try
        {
            return type.stageClass().getConstructor(StageParameters.class).newInstance(parameters);
        }
        catch (final NoSuchMethodException e)
        {
            return type.stageClass().getConstructor().newInstance();
        }
    }

    /** The parameters of each stage: a realistic setting, every frame going through the stage's main path. */
    private static String params(final String stage)
    {
        switch (stage)
        {
            case "arp-responder":
                return "addresses = [ { ip = \"10.0.0.2\", mac = \"02:00:00:00:00:02\" } ]";
            case "classify":
                return "rules = [ { name = ssh, protocol = tcp, dst-ports = 22 }, " +
                    "{ name = web, protocol = tcp, dst-ports = \"80,443\" }, " +
                    "{ name = lan, src = \"192.168.0.0/16\" }, " +
                    "{ name = dns, protocol = udp, dst-ports = 53, src = \"10.0.0.0/8\" } ]";
            case "classify-ethertype":
                return "rules { ipv4 = 0x0800, ipv6 = 0x86dd, arp = 0x0806 }";
            case "classify-port":
                return "rules { dns = { protocol = udp, ports = 53 } }";
            case "dedup":
                return "window = 1ms";
            case "filter":
                return "expression = \"(tcp dst port 80 or udp dst port 53) and src net 10.0.0.0/8\"";
            case "hash-lb":
            case "round-robin":
                return "outputs = 4";
            case "icmp-echo":
                return "addresses = [\"10.0.0.2\"]";
            case "learning-bridge":
                return "ports = [a, b]";
            case "pcap-writer":
                // Formatting and write(2) calls, not the disk: at tens of Mpps a real file fills gigabytes a second.
                return "file = \"/dev/null\"";
            case "print":
                return "max-per-second = 1";
            case "rate-limit":
                return "packets-per-second = 1000000000000";
            case "sample":
                return "every = 100";
            case "static-nat":
                return "mappings = [ { inside = \"10.0.0.1\", outside = \"192.0.2.1\" } ]";
            case "tee":
                return "copies = [mirror]";
            case "vlan-push":
                return "vlan = 100";
            default:
                return "";
        }
    }
}
