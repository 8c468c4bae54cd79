package org.netmapengine.actors.stages;

import org.netmapengine.io.pktgen.UdpFrameDescriptor;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.PacketView;

import java.nio.ByteOrder;

/** Reads the sequence number pkt-gen writes into each frame, so test stages can pick packets. */
final class Sequence
{
    private final PacketView view = new PacketView();

    long of(final PacketBatch batch, final int i)
    {
        return view.wrap(batch, i).buffer().getLong(UdpFrameDescriptor.SEQUENCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }
}
