package org.netmapengine.engine.cli;

import org.netmapengine.engine.cli.PktGenConverters.Function;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.pktgen.FrameSpec;
import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.PacketGenerator;
import org.netmapengine.io.pktgen.PacketReceiver;
import org.netmapengine.io.pktgen.RunLimits;
import org.netmapengine.io.pktgen.TrafficReporter;
import org.netmapengine.io.pktgen.UdpFrameDescriptor;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortStatistics;
import org.netmapengine.io.port.PortOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code netmap-engine pkt-gen}: netmap's pkt-gen for this engine, {@code -f tx} to send UDP frames and
 * {@code -f rx} to count (and optionally verify) what arrives, with pkt-gen's option letters and output.
 */
@Command(
    name = "pkt-gen",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Send or receive UDP packets on a netmap port, as netmap's pkt-gen does: one line of rates per second, a " +
        "summary at the end (also on Ctrl-C).", ""},
    footer = {
        "",
        "Example, over a netmap pipe, in two shells (start the receiver first):",
        "  netmap-engine pkt-gen -f rx -i 'netmap:p}0' --verify",
        "  netmap-engine pkt-gen -f tx -i 'netmap:p{0' -n 10000000 -l 60",
        "",
        "Caveats:",
        "  - Quote port names: the shell may expand {, } and *.",
        "  - Without the netmap kernel module the emulated backend runs, and it opens",
        "    only pipes (netmap:NAME{ID, netmap:NAME}ID). The backend a port got is",
        "    logged on stderr.",
        "  - A pipe keeps what was sent into it only while one of its ends is open.",
        "  - On a NIC the frames go on the wire, to the broadcast MAC by default: set",
        "    -D, -S, -s and -d for your network. Turn offloads off (ethtool -K IF gro",
        "    off lro off tso off gso off) so the NIC neither merges nor splits packets",
        "    behind netmap's back.",
        "  - -T is the run time in seconds, not pkt-gen's report interval; reports",
        "    come every second.",
        "  - bps counts frames without FCS; raw adds the 24 bytes a frame also costs",
        "    on an Ethernet wire (FCS, preamble, inter-frame gap), as pkt-gen -B.",
        "  - -l below 60 is raised to 60 (Ethernet's minimum without FCS), saying so."})
final class PktGenCommand implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(PktGenCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "PORT",
        description = "netmap port name, e.g. netmap:eth0, 'netmap:p{0' (pipe master end), 'netmap:p}0' (slave end).")
    String port;

    @Option(names = {"-f", "--function"}, paramLabel = "tx|rx", defaultValue = "rx",
        converter = PktGenConverters.FunctionConverter.class,
        description = "tx to send, rx to receive. Default: ${DEFAULT-VALUE}.")
    Function function;

    @Option(names = {"-l", "--length"}, paramLabel = "LEN", defaultValue = "60",
        description = "tx: frame length in bytes without FCS, 60 to the port's buffer size. Default: ${DEFAULT-VALUE}.")
    int length;

    @Option(names = {"-b", "--burst"}, paramLabel = "BURST", defaultValue = "" + RunLimits.DEFAULT_BURST,
        description = "Most packets per batch: one ring update and one sync each. Default: ${DEFAULT-VALUE}.")
    int burst;

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", defaultValue = "0",
        description = "Packets to send or receive, then stop; 0 for no limit. Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = {"-R", "--rate"}, paramLabel = "PPS", defaultValue = "0",
        description = "tx: packets per second; 0 for as fast as possible. Default: ${DEFAULT-VALUE}.")
    long rate;

    @Option(names = {"-s", "--src"}, paramLabel = "SRC", defaultValue = "10.0.0.1:1234",
        converter = PktGenConverters.RangeConverter.class,
        description = "tx: source IP[:PORT][-IP[:PORT]]; the port walks first, then the address. " +
            "Default: ${DEFAULT-VALUE}.")
    Ipv4Range src;

    @Option(names = {"-d", "--dst"}, paramLabel = "DST", defaultValue = "10.1.0.1:1234",
        converter = PktGenConverters.RangeConverter.class,
        description = "tx: destination IP[:PORT][-IP[:PORT]], walked after the source range. " +
            "Default: ${DEFAULT-VALUE}.")
    Ipv4Range dst;

    @Option(names = {"-S", "--src-mac"}, paramLabel = "SRC_MAC", defaultValue = "00:00:00:00:00:00",
        converter = PktGenConverters.MacConverter.class,
        description = "tx: source MAC, e.g. 02:00:00:00:00:01. Default: all zeros.")
    long srcMac;

    @Option(names = {"-D", "--dst-mac"}, paramLabel = "DST_MAC", defaultValue = "ff:ff:ff:ff:ff:ff",
        converter = PktGenConverters.MacConverter.class,
        description = "tx: destination MAC. Default: ${DEFAULT-VALUE}.")
    long dstMac;

    @Option(names = {"-T", "--duration"}, paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (decimals allowed); 0 for no limit. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--verify",
        description = "rx: check IP and UDP checksums and the sequence numbers pkt-gen tx puts in its frames " +
            "(lost, duplicate, reordered); reads every packet's headers.")
    boolean verify;

    @Option(names = "--extra-buffers", paramLabel = "N", defaultValue = "0",
        description = "Extra buffers to ask the port for (nr_extra_bufs). Default: ${DEFAULT-VALUE}.")
    int extraBuffers;

    @Mixin
    BackendOptions backend;

    @Override
    public Integer call()
    {
        final PortSpec portSpec = PortSpec.parse(port);
        final RunLimits limits = limits();
        final FrameSpec frames = Function.TX == function ? frames() : null;
        try (NetmapPort netmapPort = backend.open(portSpec, new PortOptions(extraBuffers, 0)))
        {
            LOG.info("{}", netmapPort.describe());
            if (Function.TX == function)
            {
                transmit(netmapPort, frames, limits);
            }
            else
            {
                receive(netmapPort, limits);
            }
        }
        return ExitCodes.OK;
    }

    private void transmit(final NetmapPort netmapPort, final FrameSpec frames, final RunLimits limits)
    {
        final PacketGenerator generator = new PacketGenerator(netmapPort, frames, limits);
        out().println("pkt-gen tx on " + netmapPort.name() + ": " + frames + ", " + describe(limits));
        final TrafficReporter reporter = new TrafficReporter(out(), generator.counters(), null, System.nanoTime());
        ReportingRun.run("pkt-gen-tx", generator, generator::stop, reporter,
            () -> reporter.summary(function.verb(), System.nanoTime()));
    }

    private void receive(final NetmapPort netmapPort, final RunLimits limits)
    {
        final PacketReceiver receiver = new PacketReceiver(netmapPort, limits, verify);
        out().println("pkt-gen rx on " + netmapPort.name() + ": " + describe(limits) +
            (verify ? ", verifying checksums and sequence" : ""));
        final TrafficReporter reporter = new TrafficReporter(out(), receiver.counters(), receiver.checks(),
            System.nanoTime());
        ReportingRun.run("pkt-gen-rx", receiver, receiver::stop, reporter, () ->
        {
            reporter.summary(function.verb(), System.nanoTime());
            final PortStatistics edge = netmapPort.statistics();
            if (!PortStatistics.NONE.equals(edge))
            {
                out().printf("kernel: %d frames into the port's socket rings, %d dropped there (rings full), %d " +
                    "dropped as oversize%n", edge.kernelReceived(), edge.kernelDropped(), edge.oversizeDropped());
            }
            out().flush();
        });
    }

    /** @throws IllegalArgumentException naming the option that is out of range. */
    private RunLimits limits()
    {
        if (burst < 1 || count < 0 || rate < 0 || seconds < 0 || extraBuffers < 0 || Double.isNaN(seconds))
        {
            throw new IllegalArgumentException("need -b >= 1 and -n, -R, -T, --extra-buffers >= 0: -b " + burst +
                " -n " + count + " -R " + rate + " -T " + seconds + " --extra-buffers " + extraBuffers);
        }
        return new RunLimits(burst, count, rate, (long)(seconds * 1e9));
    }

    private FrameSpec frames()
    {
        int frameLength = length;
        if (frameLength < UdpFrameDescriptor.MIN_FRAME_LENGTH)
        {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": -l " + frameLength + " is below the " +
                UdpFrameDescriptor.MIN_FRAME_LENGTH + "-byte Ethernet minimum (without FCS); using " +
                UdpFrameDescriptor.MIN_FRAME_LENGTH);
            frameLength = UdpFrameDescriptor.MIN_FRAME_LENGTH;
        }
        return new FrameSpec(frameLength, srcMac, dstMac, src, dst);
    }

    private static String describe(final RunLimits limits)
    {
        return "burst " + limits.burst() +
            (limits.hasCount() ? ", " + limits.count() + " packets" : "") +
            (limits.isPaced() ? ", " + limits.ratePps() + " pps" : "") +
            (limits.hasDuration() ? ", " + limits.durationNanos() / 1e9 + " s" : "");
    }

    private PrintWriter out()
    {
        return spec.commandLine().getOut();
    }
}
