package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.Params;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.udp;

class VlanPushTest
{
    private static final byte[] PLAIN = ethernet(IPV4, ipv4(UDP, udp(1, 2, 10)));

    private static OffHeapBatch at(final int offset, final byte[] frame)
    {
        final OffHeapBatch batch = new OffHeapBatch(1);
        batch.add(frame, offset, 0);
        return batch;
    }

    @Test
    void shouldUseTheHeadroomBeforeThePacketWhenThereIsSome()
    {
        final VlanPush push = new VlanPush(Params.of("vlan = 100, pcp = 5"));
        final OffHeapBatch batch = at(64, PLAIN);
        final RecordingOutputs outputs = TestStageContext.start(push, 1);

        push.process(batch.batch(), outputs);

        assertEquals("out", outputs.decision(0));
        assertEquals(60, batch.batch().offset(0));
        assertArrayEquals(ethernet(IPV4, ipv4(UDP, udp(1, 2, 10)), 0x8100, 0xA064), batch.bytes(0));
    }

    @Test
    void shouldMoveThePayloadForwardAtOffsetZeroAndKeepTheOffset()
    {
        final VlanPush push = new VlanPush(Params.of("vlan = 7"));
        final OffHeapBatch batch = at(0, PLAIN);

        push.process(batch.batch(), TestStageContext.start(push, 1));

        assertEquals(0, batch.batch().offset(0));
        assertEquals(PLAIN.length + 4, batch.batch().length(0));
        assertArrayEquals(ethernet(IPV4, ipv4(UDP, udp(1, 2, 10)), 0x8100, 7), batch.bytes(0));
    }

    @Test
    void shouldPushAnOuterQinqTagOverAnInnerOne()
    {
        final VlanPush push = new VlanPush(Params.of("vlan = 10, tpid = \"0x88a8\""));
        final OffHeapBatch batch = at(2, ethernet(IPV4, ipv4(UDP, udp(1, 2, 0)), 0x8100, 20));

        push.process(batch.batch(), TestStageContext.start(push, 1));

        assertEquals(2, batch.batch().offset(0));
        assertArrayEquals(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0)), 0x88A8, 10, 0x8100, 20), batch.bytes(0));
    }

    @Test
    void shouldDropAFrameThatNoLongerFitsItsBuffer()
    {
        final VlanPush push = new VlanPush(Params.of("vlan = 7, buffer-size = 2048"));
        final OffHeapBatch batch = at(0, new byte[2046]);
        final RecordingOutputs outputs = TestStageContext.start(push, 1);

        push.process(batch.batch(), outputs);

        assertEquals("x too-long", outputs.decision(0));
    }

    @Test
    void shouldNeverGrowAFramePastThePipelinesBuffersWhateverItsBufferSizeSays()
    {
        final VlanPush push = new VlanPush(Params.of("vlan = 7, buffer-size = 65536"));
        final OffHeapBatch batch = at(0, new byte[1021]);
        final RecordingOutputs outputs = new RecordingOutputs(push.outputs(), 1);
        push.start(new TestStageContext("test", push.outputs()).withBufferSize(1024));

        push.process(batch.batch(), outputs);

        assertEquals("x too-long", outputs.decision(0));
        assertEquals(1021, batch.batch().length(0), "the frame is untouched");
    }

    @Test
    void shouldDropARunt()
    {
        final VlanPush push = new VlanPush(Params.of("vlan = 7"));
        final RecordingOutputs outputs = TestStageContext.start(push, 1);

        push.process(OffHeapBatch.of(new byte[13]).batch(), outputs);

        assertEquals("x truncated-ethernet", outputs.decision(0));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                     | vlan: expected a VLAN id in [0, 4095] (missing)",
        "vlan = 4096            | vlan: expected an integer in [0, 4095], got number 4096",
        "vlan = 1, pcp = 8      | pcp: expected an integer in [0, 7], got number 8",
        "vlan = 1, tpid = 0x9100 | tpid: expected 0x8100 (802.1Q) or 0x88a8 (802.1ad, QinQ's outer tag), got string " +
            "\"0x9100\"",
    })
    void shouldRejectBadParameters(final String hocon, final String error)
    {
        assertEquals(error, Params.error(VlanPush::new, hocon));
    }
}
