package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.ARP;
import static org.netmapengine.pipeline.testing.Frames.arp;
import static org.netmapengine.pipeline.testing.Frames.cut;
import static org.netmapengine.pipeline.testing.Frames.ethernet;

class ArpResponderTest
{
    private static final long OURS = 0x02_AA_00_00_00_01L;
    private static final long ASKER = 0x02_00_00_00_00_07L;
    private static final int OUR_IP = 0x0A000001;
    private static final int ASKER_IP = 0x0A000007;
    private static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    private static final String PARAMS = "addresses = [ { ip = \"10.0.0.1\", mac = \"02:aa:00:00:00:01\" }, " +
        "{ ip = \"10.0.0.2\", mac = \"02:aa:00:00:00:02\" } ]";

    private final ArpResponder responder = new ArpResponder(Params.of(PARAMS));

    @Test
    void shouldTurnARequestForOurAddressIntoTheReply()
    {
        final RecordingOutputs outputs = TestStageContext.start(responder, 1);
        final OffHeapBatch batch = OffHeapBatch.of(ethernet(BROADCAST, ASKER, ARP, arp(1, ASKER, ASKER_IP, 0, OUR_IP)));

        responder.process(batch.batch(), outputs);

        assertEquals("reply", outputs.decision(0));
        assertArrayEquals(ethernet(ASKER, OURS, ARP, arp(2, OURS, OUR_IP, ASKER, ASKER_IP)), batch.bytes(0));
    }

    @Test
    void shouldAnswerInsideAVlanAndKeepTheTag()
    {
        final RecordingOutputs outputs = TestStageContext.start(responder, 1);
        final OffHeapBatch batch = OffHeapBatch.of(
            ethernet(BROADCAST, ASKER, ARP, arp(1, ASKER, ASKER_IP, 0, 0x0A000002), 0x8100, 33));

        responder.process(batch.batch(), outputs);

        assertArrayEquals(ethernet(ASKER, 0x02_AA_00_00_00_02L, ARP, arp(2, 0x02_AA_00_00_00_02L, 0x0A000002, ASKER,
            ASKER_IP), 0x8100, 33), batch.bytes(0));
    }

    @Test
    void shouldPassEverythingElseUntouched()
    {
        final RecordingOutputs outputs = TestStageContext.start(responder, 5);
        final byte[][] frames = {
            ethernet(BROADCAST, ASKER, ARP, arp(1, ASKER, ASKER_IP, 0, 0x0A000009)),
            ethernet(ASKER, OURS, ARP, arp(2, OURS, OUR_IP, ASKER, ASKER_IP)),
            ethernet(BROADCAST, ASKER, ARP, arp(1, ASKER, OUR_IP, 0, OUR_IP)),
            cut(ethernet(BROADCAST, ASKER, ARP, arp(1, ASKER, ASKER_IP, 0, OUR_IP)), 40),
            ethernet(0x0800, new byte[40]) };
        final OffHeapBatch batch = OffHeapBatch.of(frames);

        responder.process(batch.batch(), outputs);

        assertEquals(List.of("out", "out", "out", "out", "out"), outputs.decisions(5));
        for (int i = 0; i < frames.length; i++)
        {
            assertArrayEquals(frames[i], batch.bytes(i), "frame " + i);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                            | addresses: expected a list of addresses such as [ { ip = " +
            "\"10.0.0.1\", mac = \"02:00:00:00:00:01\" } ] (missing)",
        "addresses = [ { ip = \"10.0.0.256\", mac = \"02:00:00:00:00:01\" } ] | addresses[0].ip: expected an IPv4 " +
            "address such as 10.0.0.1, got string \"10.0.0.256\"",
        "addresses = [ { ip = \"10.0.0.1\", mac = \"02:00:00:00:01\" } ] | addresses[0].mac: expected a MAC address " +
            "such as 02:00:00:00:00:01, got string \"02:00:00:00:01\"",
        "addresses = [ { ip = \"10.0.0.1\" } ]         | addresses[0].mac: expected a string (missing)",
        "addresses = [ { ip = \"10.0.0.1\", mac = \"02:00:00:00:00:01\", vlan = 3 } ] | addresses[0].vlan: unknown " +
            "key 'vlan': expected one of ip, mac",
        "addresses = [ { ip = \"10.0.0.1\", mac = \"02:00:00:00:00:01\" }, { ip = \"10.0.0.1\", mac = " +
            "\"02:00:00:00:00:02\" } ] | addresses[1].ip: each address once: expected another address than entry " +
            "0's, got string \"10.0.0.1\"",
    })
    void shouldRejectBadAddresses(final String hocon, final String error)
    {
        assertEquals(error, Params.error(ArpResponder::new, hocon));
    }
}
