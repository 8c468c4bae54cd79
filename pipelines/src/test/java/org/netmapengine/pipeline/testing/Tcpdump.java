package org.netmapengine.pipeline.testing;

import org.netmapengine.io.pcap.PcapFileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tcpdump as the reference for the {@code filter} stage: the expressions the agreement tests run, and how many
 * packets of a capture tcpdump matches. It counts the records of {@code tcpdump -r FILE -w OUT EXPRESSION}, not
 * tcpdump's printed lines, which are not one per packet.
 */
public final class Tcpdump
{
    /** Expressions over everything {@link CaptureFrames} makes: VLANs, IPv6, TCP flags, port ranges, and/or/not. */
    public static final List<String> EXPRESSIONS = List.of(
        "ip",
        "ip6",
        "arp",
        "tcp",
        "udp",
        "icmp",
        "icmp6",
        "vlan",
        "vlan 100",
        "vlan and udp dst port 53",
        "vlan 10 and vlan 20",
        "vlan 200 and not ip6",
        "tcp port 80",
        "udp dst port 53",
        "portrange 1000-1010",
        "tcp dst portrange 8000-8080",
        "tcp[tcpflags] & tcp-syn != 0",
        "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn",
        "tcp[tcpflags] & (tcp-rst|tcp-fin) != 0 and not tcp[tcpflags] & tcp-ack != 0",
        "ip6 and tcp",
        "ip6 and (tcp port 80 or udp)",
        "ip6 proto 58",
        "ip6 dst host 2000::2",
        "src net 10.0.0.0/24 and not dst port 53",
        "host 10.0.0.5 or host 192.168.1.3",
        "net 192.168.1.0/24 and (tcp or icmp)",
        "ip[8] = 64 and ip[6:2] & 0x3fff != 0",
        "icmp[icmptype] = icmp-echo",
        "udp and ip[2:2] > 100",
        "len > 200",
        "greater 1000",
        "less 60",
        "ether host 02:00:00:00:00:03",
        "ether broadcast",
        "ether proto 0x88a8",
        "not ip and not ip6 and not arp",
        "(tcp or udp) and not (port 80 or port 53)",
        "ether multicast and not arp",
        "ip[0] & 0xf > 5",
        "tcp and (tcp[12] >> 4) = 5 and tcp[13] & 0x3f = 0x10");

    private Tcpdump()
    {
    }

    /** @return {@link #EXPRESSIONS}, for {@code @MethodSource}. */
    public static List<String> expressions()
    {
        return EXPRESSIONS;
    }

    /**
     * @param capture    a pcap file.
     * @param expression a pcap-filter(7) expression.
     * @param scratch    a directory for tcpdump's output file.
     * @return the packets of {@code capture} tcpdump matches with {@code expression}.
     */
    public static long count(final Path capture, final String expression, final Path scratch)
        throws IOException, InterruptedException
    {
        final Path out = Files.createTempFile(scratch, "matched", ".pcap");
        final Process tcpdump;
        try
        {
            tcpdump = new ProcessBuilder("tcpdump", "-r", capture.toString(), "-w", out.toString(), expression)
                .redirectErrorStream(true).start();
        }
        catch (final IOException e)
        {
            throw new AssertionError("tcpdump not found: install it (bash .ci/test does, as root)", e);
        }
        final String output = new String(tcpdump.getInputStream().readAllBytes());
        if (!tcpdump.waitFor(60, TimeUnit.SECONDS) || 0 != tcpdump.exitValue())
        {
            tcpdump.destroyForcibly();
            throw new AssertionError("tcpdump -r " + capture + " '" + expression + "' failed: " + output);
        }
        long records = 0;
        try (PcapFileReader reader = PcapFileReader.open(out))
        {
            while (reader.next())
            {
                records++;
            }
        }
        return records;
    }
}
