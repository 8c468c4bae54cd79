package org.netmapengine.pipeline.stages;

import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;

import java.nio.ByteOrder;
import java.util.List;

import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_OFFSET;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.HEADER_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.VLAN_TAG_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.isVlanTag;

/**
 * {@code vlan-pop}: removes the outer 802.1Q or 802.1ad tag; untagged frames pass unchanged.
 * <pre>
 *             +----------+
 *   frames --&gt;| vlan-pop | --&gt; out
 *             +----------+ --x truncated-ethernet, truncated-vlan
 * </pre>
 * No parameters. The bytes after the tag move 4 bytes back over it and the packet keeps its offset in its buffer, so
 * a packet at offset 0 still leaves by zero-copy (moving the 12 address bytes forward instead would be cheaper but
 * would make every such packet leave by copy).
 */
public final class VlanPop implements Stage
{
    public static final String TYPE = "vlan-pop";
    public static final List<String> PARAMETERS = List.of();
    public static final DropReason TRUNCATED_ETHERNET = DropReason.of("truncated-ethernet");
    public static final DropReason TRUNCATED_VLAN = DropReason.of("truncated-vlan");

    private static final int ADDRESSES = ETHER_TYPE_OFFSET;

    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private int out;

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            final int length = batch.length(i);
            if (length < HEADER_LENGTH)
            {
                outputs.drop(i, TRUNCATED_ETHERNET);
                continue;
            }
            buffer.wrap(batch.packetAddress(i), length);
            if (!isVlanTag(buffer.getShort(ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF))
            {
                outputs.send(i, out);
                continue;
            }
            if (length < HEADER_LENGTH + VLAN_TAG_LENGTH)
            {
                outputs.drop(i, TRUNCATED_VLAN);
                continue;
            }
            buffer.putBytes(ADDRESSES, buffer, ADDRESSES + VLAN_TAG_LENGTH, length - ADDRESSES - VLAN_TAG_LENGTH);
            batch.length(i, length - VLAN_TAG_LENGTH);
            outputs.send(i, out);
        }
    }
}
