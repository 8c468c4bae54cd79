package org.netmapengine.io.pktgen;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a generator's or receiver's progress as netmap's pkt-gen does: one line per interval, then a summary.
 * <pre>
 * 14.205 Mpps (14.219 Mpkts 6.818 Gbps, raw 9.546 Gbps, in 1000912 usec) 511.77 avg_batch
 * Sent 1000000 packets 60000000 bytes 1954 batches 60 bytes each in 0.070 seconds.
 * Speed: 14.205 Mpps Bandwidth: 6.818 Gbps (raw 9.546 Gbps). Average batch: 511.77 pkts
 * </pre>
 * {@code bps} counts frames as the ring holds them (no FCS); {@code raw} adds the
 * {@value UdpFrameDescriptor#WIRE_OVERHEAD} bytes each frame also costs on an Ethernet wire (FCS, preamble,
 * inter-frame gap), as pkt-gen's {@code -B} does. A verifying receiver adds what its checks found.
 * <p>
 * Reads the counters from any thread; one thread calls the methods.
 */
public final class TrafficReporter
{
    private static final String[] UNITS = {"", "K", "M", "G", "T"};

    private final PrintWriter out;
    private final TrafficCounters counters;
    private final ReceiveChecks checks;
    private long lastNanos;
    private long lastPackets;
    private long lastBytes;
    private long lastBatches;

    /**
     * @param checks a verifying receiver's checks, or null.
     */
    public TrafficReporter(final PrintWriter out, final TrafficCounters counters, final ReceiveChecks checks,
        final long startNanos)
    {
        this.out = out;
        this.counters = counters;
        this.checks = checks;
        this.lastNanos = startNanos;
    }

    /** Prints one line for the interval since the last report (or the start). */
    public void report(final long nowNanos)
    {
        final long packets = counters.packets();
        final long bytes = counters.bytes();
        final long batches = counters.batches();
        final long micros = Math.max(1, (nowNanos - lastNanos) / 1_000);
        final long dPackets = packets - lastPackets;
        final long dBytes = bytes - lastBytes;
        final long dBatches = batches - lastBatches;
        final double seconds = micros / 1e6;
        final StringBuilder line = new StringBuilder(128)
            .append(norm(dPackets / seconds)).append("pps (")
            .append(norm(dPackets)).append("pkts ")
            .append(norm(8.0 * dBytes / seconds)).append("bps, raw ")
            .append(norm(8.0 * (dBytes + dPackets * (double)UdpFrameDescriptor.WIRE_OVERHEAD) / seconds))
            .append("bps, in ").append(micros).append(" usec) ")
            .append(String.format(Locale.ROOT, "%.2f", 0 == dBatches ? 0.0 : dPackets / (double)dBatches))
            .append(" avg_batch");
        if (null != checks)
        {
            line.append(' ').append(checkCounts());
        }
        out.println(line);
        out.flush();
        lastNanos = nowNanos;
        lastPackets = packets;
        lastBytes = bytes;
        lastBatches = batches;
    }

    /**
     * Prints the totals over the measured interval (a receiver's starts at its first packet).
     *
     * @param verb "Sent" or "Received".
     */
    public void summary(final String verb, final long nowNanos)
    {
        final long packets = counters.packets();
        final long bytes = counters.bytes();
        final long batches = counters.batches();
        if (0 == packets)
        {
            out.println(verb + " nothing.");
        }
        else
        {
            final double seconds = Math.max(1e-6, counters.elapsedNanos(nowNanos) / 1e9);
            out.println(String.format(Locale.ROOT, "%s %d packets %d bytes %d batches %d bytes each in %.3f seconds.",
                verb, packets, bytes, batches, bytes / packets, seconds));
            out.println("Speed: " + norm(packets / seconds) + "pps Bandwidth: " + norm(8.0 * bytes / seconds) +
                "bps (raw " + norm(8.0 * (bytes + packets * (double)UdpFrameDescriptor.WIRE_OVERHEAD) / seconds) +
                "bps). Average batch: " + String.format(Locale.ROOT, "%.2f", packets / (double)batches) + " pkts");
        }
        if (null != checks)
        {
            out.println("Checks: " + checkCounts());
        }
        out.flush();
    }

    private String checkCounts()
    {
        final SequenceTracker sequence = checks.sequence();
        return sequence.lost() + " lost, " + sequence.duplicates() + " duplicate, " + sequence.reordered() +
            " reordered, " + checks.checksumErrors() + " checksum errors, " + checks.malformed() + " malformed";
    }

    /** @return {@code value} scaled to K, M, G or T with three decimals and a trailing space: "14.205 M". */
    public static String norm(final double value)
    {
        double v = value;
        int unit = 0;
        while (v >= 1000 && unit < UNITS.length - 1)
        {
            v /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.3f %s", v, UNITS[unit]);
    }
}
