package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;

class FilterTest
{
    private static final byte[] WEB = ethernet(IPV4, ipv4(TCP, tcp(40000, 80, 0x02, 0)));
    private static final byte[] DNS = ethernet(IPV6, ipv6(UDP, udp(40000, 53, 0)));

    @Test
    void shouldSendMatchesToMatchAndTheRestToMiss()
    {
        final Filter filter = new Filter(Params.of("expression = \"tcp dst port 80\""));
        final RecordingOutputs outputs = TestStageContext.start(filter, 3);

        filter.process(OffHeapBatch.of(WEB, DNS, new byte[3]).batch(), outputs);

        assertEquals(List.of("match", "miss", "miss"), outputs.decisions(3));
    }

    @Test
    void shouldDropMissesAsFilteredWhenAsked()
    {
        final Filter filter = new Filter(Params.of("expression = \"ip6 and udp\", on-miss = drop"));
        final RecordingOutputs outputs = TestStageContext.start(filter, 2);

        filter.process(OffHeapBatch.of(WEB, DNS).batch(), outputs);

        assertEquals(List.of("x filtered", "match"), outputs.decisions(2));
    }

    @Test
    void shouldMatchEverythingWithAnEmptyExpression()
    {
        final Filter filter = new Filter(Params.of("expression = \"\""));
        final RecordingOutputs outputs = TestStageContext.start(filter, 2);

        filter.process(OffHeapBatch.of(WEB, new byte[1]).batch(), outputs);

        assertEquals(List.of("match", "match"), outputs.decisions(2));
    }

    @Test
    void shouldDeclareMatchAndMiss()
    {
        assertEquals(List.of("match", "miss"), new Filter(Params.of("expression = tcp")).outputs());
    }

    @Test
    void shouldDeclareOnlyMatchWhenMissesAreDropped()
    {
        assertEquals(List.of("match"), new Filter(Params.of("expression = tcp, on-miss = drop")).outputs());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                  | expression: expected a string (missing)",
        "expression = \"tcp port\"          | expression: libpcap says \"can't parse filter expression: syntax " +
            "error\": expected a tcpdump filter expression (pcap-filter(7)) such as \"tcp dst port 80\", got string " +
            "\"tcp port\"",
        "expression = \"port 99999\"        | expression: libpcap says \"illegal port number 99999 > 65535\": " +
            "expected a tcpdump filter expression (pcap-filter(7)) such as \"tcp dst port 80\", got string " +
            "\"port 99999\"",
        "expression = tcp, on-miss = pass    | on-miss: expected miss (send to output miss) or drop (drop as " +
            "filtered), got string \"pass\"",
    })
    void shouldRejectBadParameters(final String hocon, final String error)
    {
        assertEquals(error, Params.error(Filter::new, hocon));
    }
}
