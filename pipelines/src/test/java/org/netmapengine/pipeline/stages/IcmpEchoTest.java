package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.ICMPV6;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.IPV6;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.icmp;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.ipv6;

class IcmpEchoTest
{
    private static final long PINGER = 0x02_00_00_00_00_07L;
    private static final long US = 0x02_00_00_00_00_01L;
    private static final int PINGER_IP = 0x0A000007;
    private static final int OUR_IP = 0x0A000001;

    private static byte[] request(final int to, final int ttl)
    {
        return ethernet(US, PINGER, IPV4, Frames.resum(Frames.with(ipv4(PINGER_IP, to, ICMP, icmp(8, 0, 0x1234, 7,
            56)), 8, ttl)));
    }

    @Test
    void shouldTurnAnEchoRequestIntoItsReplyWithCorrectChecksums()
    {
        final IcmpEcho echo = new IcmpEcho(Params.of("addresses = [\"10.0.0.1\"]"));
        final RecordingOutputs outputs = TestStageContext.start(echo, 1);
        final OffHeapBatch batch = OffHeapBatch.of(request(OUR_IP, 3));

        echo.process(batch.batch(), outputs);

        assertEquals("reply", outputs.decision(0));
        assertArrayEquals(ethernet(PINGER, US, IPV4, ipv4(OUR_IP, PINGER_IP, ICMP, icmp(0, 0, 0x1234, 7, 56))),
            batch.bytes(0));
    }

    @Test
    void shouldAnswerEveryAddressWithoutAList()
    {
        final IcmpEcho echo = new IcmpEcho(Params.of(""));
        final RecordingOutputs outputs = TestStageContext.start(echo, 1);
        final OffHeapBatch batch = OffHeapBatch.of(request(0x08080808, 64));

        echo.process(batch.batch(), outputs);

        assertEquals("reply", outputs.decision(0));
        assertEquals(0xFFFF, Frames.sum(batch.bytes(0), 14, 20, 0), "IPv4 header checksum");
        assertTrue(Frames.transportChecksumOk(batch.bytes(0), 0), "ICMP checksum");
    }

    @Test
    void shouldPassEverythingElseUntouched()
    {
        final IcmpEcho echo = new IcmpEcho(Params.of("addresses = [\"10.0.0.1\"]"));
        final RecordingOutputs outputs = TestStageContext.start(echo, 5);
        final byte[][] frames = {
            request(0x0A000002, 64),
            ethernet(US, PINGER, IPV4, ipv4(PINGER_IP, OUR_IP, ICMP, icmp(0, 0, 1, 1, 0))),
            ethernet(US, PINGER, IPV4, Frames.resum(Frames.with16(ipv4(PINGER_IP, OUR_IP, ICMP, icmp(8, 0, 1, 1, 8)),
                6, 0x2000))),
            ethernet(IPV6, ipv6(ICMPV6, icmp(128, 0, 1, 1, 0))),
            Frames.with(request(OUR_IP, 64), 24, 0) };
        final OffHeapBatch batch = OffHeapBatch.of(frames);

        echo.process(batch.batch(), outputs);

        assertEquals(List.of("out", "out", "out", "out", "out"), outputs.decisions(5));
        for (int i = 0; i < frames.length; i++)
        {
            assertArrayEquals(frames[i], batch.bytes(i), "frame " + i);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "addresses = \"10.0.0.1\"      | addresses: expected a list of IPv4 addresses such as [\"10.0.0.1\"], got " +
            "string \"10.0.0.1\"",
        "addresses = []                | addresses: expected a list of IPv4 addresses such as [\"10.0.0.1\"], got " +
            "list []",
        "addresses = [\"fe80::1\"]     | addresses: expected a list of IPv4 addresses such as [\"10.0.0.1\"] " +
            "('fe80::1' is not), got list [\"fe80::1\"]",
    })
    void shouldRejectBadAddresses(final String hocon, final String error)
    {
        assertEquals(error, Params.error(IcmpEcho::new, hocon));
    }
}
