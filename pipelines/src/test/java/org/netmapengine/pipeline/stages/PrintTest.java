package org.netmapengine.pipeline.stages;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.ARP;
import static org.netmapengine.pipeline.testing.Frames.ICMPV6;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.arp;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.icmp;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;

class PrintTest
{
    private final Logger logger = (Logger)LoggerFactory.getLogger(Print.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog()
    {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog()
    {
        logger.detachAppender(log);
    }

    private List<String> lines()
    {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void print(final String params, final long nanos, final byte[]... frames)
    {
        final Print print = new Print(Params.of(params));
        print.start(new TestStageContext("tap", print.outputs(), List.of("eth0")));
        final OffHeapBatch batch = OffHeapBatch.of(frames);
        batch.batch().timestampNanos(nanos);
        final RecordingOutputs outputs = new RecordingOutputs(print.outputs(), frames.length);
        print.process(batch.batch(), outputs);
        assertEquals(Collections.nCopies(frames.length, "out"), outputs.decisions(frames.length));
    }

    @Test
    void shouldSummariseEachKindOfFrameOnOneLine()
    {
        print("", 1, ethernet(IPV4, ipv4(UDP, udp(1234, 53, 0)), 0x8100, 10),
            ethernet(IPV4, ipv4(TCP, tcp(40000, 443, 0x12, 0))),
            ethernet(IPV6, ipv6(ICMPV6, icmp(128, 0, 1, 1, 0))),
            ethernet(ARP, arp(1, 2, 0x0A000002, 0, 0x0A000001)),
            Frames.with(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0))), 24, 0),
            new byte[5]);

        assertEquals(List.of(
            "tap: in=eth0 len=46 02:00:00:00:00:02 > 02:00:00:00:00:01 vlan 10 ipv4 10.0.0.1:1234 > 10.0.0.2:53 udp",
            "tap: in=eth0 len=54 02:00:00:00:00:02 > 02:00:00:00:00:01 ipv4 10.0.0.1:40000 > 10.0.0.2:443 tcp flags 0x12",
            "tap: in=eth0 len=62 02:00:00:00:00:02 > 02:00:00:00:00:01 ipv6 2000:0:0:0:0:0:0:1 > 2000:0:0:0:0:0:0:2 " +
                "icmpv6 128/0",
            "tap: in=eth0 len=42 02:00:00:00:00:02 > 02:00:00:00:00:01 arp who-has 10.0.0.1 tell 10.0.0.2",
            "tap: in=eth0 len=42 02:00:00:00:00:02 > 02:00:00:00:00:01 ethertype 0x0800 [bad-ipv4-checksum]",
            "tap: in=eth0 len=5 [truncated-ethernet]"), lines());
    }

    @Test
    void shouldPrintNoMoreThanTheRateAndCountTheRest()
    {
        final Print print = new Print(Params.of("max-per-second = 2, label = x"));
        print.start(new TestStageContext("tap", print.outputs(), List.of("eth0")));
        final OffHeapBatch batch = OffHeapBatch.of(new byte[20], new byte[21], new byte[22], new byte[23]);
        batch.batch().timestampNanos(1);
        print.process(batch.batch(), new RecordingOutputs(print.outputs(), 4));
        final OffHeapBatch later = OffHeapBatch.of(new byte[24]);
        later.batch().timestampNanos(1 + 1_000_000_000L);

        print.process(later.batch(), new RecordingOutputs(print.outputs(), 1));

        assertEquals(List.of("x: in=eth0 len=20 00:00:00:00:00:00 > 00:00:00:00:00:00 ethertype 0x0000",
            "x: in=eth0 len=21 00:00:00:00:00:00 > 00:00:00:00:00:00 ethertype 0x0000",
            "x: (2 not printed) in=eth0 len=24 00:00:00:00:00:00 > 00:00:00:00:00:00 ethertype 0x0000"), lines());
    }

    @Test
    void shouldAddTheFirstBytesInHexWhenAsked()
    {
        print("bytes = 4", 1, new byte[]{ 1, 2, 3 });

        assertEquals(List.of("tap: in=eth0 len=3 [truncated-ethernet] 010203"), lines());
    }

    @Test
    void shouldRejectAZeroRate()
    {
        assertEquals("max-per-second: expected an integer in [1, 10000], got number 0",
            Params.error(Print::new, "max-per-second = 0"));
    }
}
