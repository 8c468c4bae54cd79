package org.netmapengine.pipeline.stages;

import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;
import org.netmapengine.pipeline.testing.RecordingOutputs;
import org.netmapengine.pipeline.testing.TestStageContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.testing.Frames.IPV4;
import static org.netmapengine.pipeline.testing.Frames.UDP;
import static org.netmapengine.pipeline.testing.Frames.ethernet;
import static org.netmapengine.pipeline.testing.Frames.ipv4;
import static org.netmapengine.pipeline.testing.Frames.udp;

class VlanPopTest
{
    private static final byte[] PLAIN = ethernet(IPV4, ipv4(UDP, udp(1, 2, 10)));

    @Test
    void shouldRemoveTheOuterTagAndKeepTheOffset()
    {
        final VlanPop pop = new VlanPop();
        final OffHeapBatch batch = new OffHeapBatch(1);
        batch.add(ethernet(IPV4, ipv4(UDP, udp(1, 2, 10)), 0x8100, 5), 0, 0);
        final RecordingOutputs outputs = TestStageContext.start(pop, 1);

        pop.process(batch.batch(), outputs);

        assertEquals("out", outputs.decision(0));
        assertEquals(0, batch.batch().offset(0));
        assertArrayEquals(PLAIN, batch.bytes(0));
    }

    @Test
    void shouldLeaveTheInnerTagOfQinq()
    {
        final VlanPop pop = new VlanPop();
        final OffHeapBatch batch = OffHeapBatch.of(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0)), 0x88A8, 10, 0x8100, 20));

        pop.process(batch.batch(), TestStageContext.start(pop, 1));

        assertArrayEquals(ethernet(IPV4, ipv4(UDP, udp(1, 2, 0)), 0x8100, 20), batch.bytes(0));
    }

    @Test
    void shouldPassAnUntaggedFrameUnchanged()
    {
        final VlanPop pop = new VlanPop();
        final OffHeapBatch batch = OffHeapBatch.of(PLAIN);

        pop.process(batch.batch(), TestStageContext.start(pop, 1));

        assertArrayEquals(PLAIN, batch.bytes(0));
    }

    @Test
    void shouldDropRuntsAndCutTags()
    {
        final VlanPop pop = new VlanPop();
        final RecordingOutputs outputs = TestStageContext.start(pop, 2);

        pop.process(OffHeapBatch.of(new byte[12], Frames.cut(ethernet(IPV4, new byte[0], 0x8100, 5), 16)).batch(),
            outputs);

        assertEquals(List.of("x truncated-ethernet", "x truncated-vlan"), outputs.decisions(2));
    }

    @Test
    void shouldUndoWhatVlanPushDid()
    {
        final VlanPush push = new VlanPush(org.netmapengine.pipeline.testing.Params.of("vlan = 3000"));
        final VlanPop pop = new VlanPop();
        final OffHeapBatch batch = OffHeapBatch.of(PLAIN);

        push.process(batch.batch(), TestStageContext.start(push, 1));
        pop.process(batch.batch(), TestStageContext.start(pop, 1));

        assertArrayEquals(PLAIN, batch.bytes(0));
    }
}
