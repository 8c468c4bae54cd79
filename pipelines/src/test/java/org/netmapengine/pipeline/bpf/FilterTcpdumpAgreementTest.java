package org.netmapengine.pipeline.bpf;

import com.typesafe.config.ConfigUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmapengine.io.pcap.PcapFileReader;
import org.netmapengine.pipeline.stages.Filter;
import org.netmapengine.pipeline.testing.CaptureFrames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code filter} stage agrees with tcpdump: a capture of pkt-gen's frames, frames pkt-gen does not make and
 * malformed ones goes through {@code tcpdump -r FILE -w OUT EXPRESSION}, and the records of OUT are counted (not
 * tcpdump's printed lines, which are not one per packet); the stage must send exactly as many of the same frames to
 * {@code match}. Needs tcpdump on the path ({@code bash .ci/test} installs it).
 */
class FilterTcpdumpAgreementTest
{
    private static final String TCPDUMP = "tcpdump";

    @TempDir
    static Path dir;

    private static List<byte[]> frames;
    private static Path capture;

    @BeforeAll
    static void writeTheCapture() throws Exception
    {
        frames = CaptureFrames.build(20_240_601L);
        capture = dir.resolve("capture.pcap");
        CaptureFrames.write(frames, capture);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
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
        "tcp and (tcp[12] >> 4) > 5",
    })
    void shouldMatchAsManyFramesAsTcpdump(final String expression) throws Exception
    {
        assertEquals(tcpdumpCount(expression), stageCount(expression), expression);
    }

    private static long stageCount(final String expression)
    {
        final Filter filter = new Filter(Params.of("expression = " + ConfigUtil.quoteString(expression)));
        long matches = 0;
        for (int from = 0; from < frames.size(); from += 256)
        {
            final List<byte[]> chunk = frames.subList(from, Math.min(frames.size(), from + 256));
            final OffHeapBatch batch = OffHeapBatch.of(chunk.toArray(new byte[0][]));
            final RecordingOutputs outputs = TestStageContext.start(filter, chunk.size());
            filter.process(batch.batch(), outputs);
            outputs.assertEachDecidedOnce(chunk.size());
            matches += outputs.decisions(chunk.size()).stream().filter(Filter.MATCH::equals).count();
        }
        return matches;
    }

    private static long tcpdumpCount(final String expression) throws Exception
    {
        final Path out = Files.createTempFile(dir, "matched", ".pcap");
        final Process tcpdump;
        try
        {
            tcpdump = new ProcessBuilder(TCPDUMP, "-r", capture.toString(), "-w", out.toString(), expression)
                .redirectErrorStream(true).start();
        }
        catch (final java.io.IOException e)
        {
            throw new AssertionError("tcpdump not found: install it (bash .ci/test does, as root)", e);
        }
        final String output = new String(tcpdump.getInputStream().readAllBytes());
        assertTrue(tcpdump.waitFor(60, TimeUnit.SECONDS), "tcpdump did not finish");
        assertEquals(0, tcpdump.exitValue(), output);
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
