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
import static org.netmapengine.pipeline.testing.Frames.ICMP;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.TCP;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.icmp;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.tcp;
import static org.netmapengine.pipeline.testing.Frames.udp;
import static org.netmapengine.pipeline.testing.Frames.withTransportChecksum;

class StaticNatTest
{
    private static final int INSIDE = 0x0A000005;
    private static final int OUTSIDE = 0xCB007105;
    private static final int SERVER = 0x08080808;
    private static final String PARAMS = "mappings = [ { inside = \"10.0.0.5\", outside = \"203.0.113.5\" }, " +
        "{ inside = \"10.0.0.6\", outside = \"203.0.113.6\" } ]";

    private final StaticNat nat = new StaticNat(Params.of(PARAMS));

    private byte[] translate(final byte[] frame)
    {
        final OffHeapBatch batch = OffHeapBatch.of(frame);
        final RecordingOutputs outputs = TestStageContext.start(nat, 1);
        nat.process(batch.batch(), outputs);
        assertEquals("out", outputs.decision(0));
        return batch.bytes(0);
    }

    private static byte[] tcpFrame(final int source, final int destination)
    {
        return withTransportChecksum(ethernet(IPV4, ipv4(source, destination, TCP, tcp(40000, 443, 0x18, 33))), 0);
    }

    private static byte[] udpFrame(final int source, final int destination)
    {
        return withTransportChecksum(ethernet(IPV4, ipv4(source, destination, UDP, udp(5000, 53, 21))), 0);
    }

    @Test
    void shouldRewriteTheSourceOfAnInsideAddressWithBothChecksumsRight()
    {
        assertArrayEquals(tcpFrame(OUTSIDE, SERVER), translate(tcpFrame(INSIDE, SERVER)));
    }

    @Test
    void shouldRewriteTheDestinationOfAnOutsideAddress()
    {
        assertArrayEquals(udpFrame(SERVER, INSIDE), translate(udpFrame(SERVER, OUTSIDE)));
    }

    @Test
    void shouldRewriteBothAddressesOfAHairpin()
    {
        assertArrayEquals(tcpFrame(OUTSIDE, 0x0A000006), translate(tcpFrame(INSIDE, 0xCB007106)));
    }

    @Test
    void shouldLeaveAnAbsentUdpChecksumAbsent()
    {
        final byte[] noChecksum = ethernet(IPV4, ipv4(INSIDE, SERVER, UDP, udp(5000, 53, 21)));

        final byte[] translated = translate(noChecksum);

        assertEquals(0, Frames.get16(translated, 40));
        assertArrayEquals(ethernet(IPV4, ipv4(OUTSIDE, SERVER, UDP, udp(5000, 53, 21))), translated);
    }

    @Test
    void shouldLeaveTheIcmpChecksumAlone()
    {
        final byte[] ping = ethernet(IPV4, ipv4(INSIDE, SERVER, ICMP, icmp(8, 0, 1, 2, 16)));

        assertArrayEquals(ethernet(IPV4, ipv4(OUTSIDE, SERVER, ICMP, icmp(8, 0, 1, 2, 16))), translate(ping));
    }

    @Test
    void shouldRewriteOnlyTheIpHeaderOfALaterFragment()
    {
        final byte[] fragment = ethernet(IPV4, Frames.resum(Frames.with16(ipv4(INSIDE, SERVER, UDP, new byte[24]), 6,
            0x0003)));

        assertArrayEquals(ethernet(IPV4, Frames.resum(Frames.with16(ipv4(OUTSIDE, SERVER, UDP, new byte[24]), 6,
            0x0003))), translate(fragment));
    }

    @Test
    void shouldPassUnmappedAndNonIpv4FramesUnchanged()
    {
        final byte[] other = tcpFrame(0x0A000009, SERVER);
        final byte[] arp = ethernet(0x0806, new byte[28]);

        assertArrayEquals(other, translate(other));
        assertArrayEquals(arp, translate(arp));
    }

    @Test
    void shouldDropWhatItCannotReadSafely()
    {
        final RecordingOutputs outputs = TestStageContext.start(nat, 2);

        nat.process(OffHeapBatch.of(Frames.with(tcpFrame(INSIDE, SERVER), 24, 0), Frames.cut(tcpFrame(INSIDE, SERVER),
            40)).batch(), outputs);

        assertEquals(List.of("x bad-ipv4-checksum", "x truncated-ipv4"), outputs.decisions(2));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                                   | mappings: expected a list of mappings such as [ { " +
            "inside = \"10.0.0.5\", outside = \"203.0.113.5\" } ] (missing)",
        "mappings = [ { inside = \"10.0.0.5\" } ]             | mappings[0].outside: expected a string (missing)",
        "mappings = [ { inside = \"10.0.0.5\", outside = \"a\" } ] | mappings[0].outside: expected an IPv4 address " +
            "such as 10.0.0.1, got string \"a\"",
        "mappings = [ { inside = \"10.0.0.5\", outside = \"1.1.1.1\" }, { inside = \"10.0.0.5\", outside = " +
            "\"1.1.1.2\" } ] | mappings[1].inside: each inside address once: expected another address than mapping 0's, " +
            "got string \"10.0.0.5\"",
        "mappings = [ { inside = \"10.0.0.5\", outside = \"1.1.1.1\" }, { inside = \"10.0.0.6\", outside = " +
            "\"1.1.1.1\" } ] | mappings[1].outside: each outside address once: expected another address than mapping " +
            "0's, got string \"1.1.1.1\"",
        "mappings = [ { inside = \"10.0.0.5\", outside = \"1.1.1.1\", port = 80 } ] | mappings[0].port: unknown key " +
            "'port': expected one of inside, outside",
    })
    void shouldRejectBadMappings(final String hocon, final String error)
    {
        assertEquals(error, Params.error(StaticNat::new, hocon));
    }
}
