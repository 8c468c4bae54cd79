package org.netmapengine.pipeline.stages;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;
import org.netmapengine.pipeline.PacketBatch;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageContext;
import org.netmapengine.pipeline.StageParameters;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_OFFSET;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_QINQ;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_VLAN;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.HEADER_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.VLAN_TAG_LENGTH;

/**
 * {@code vlan-push}: inserts an 802.1Q (or 802.1ad) tag after the MAC addresses, outside any tag already there.
 * <pre>
 *             +-----------+
 *   frames --&gt;| vlan-push | --&gt; out      dst | src | TPID | TCI | what followed the addresses
 *             +-----------+ --x truncated-ethernet, too-long
 * </pre>
 * Parameters: {@code vlan = 100} (0 to 4095, required), {@code pcp = 0} (0 to 7), {@code tpid = 0x8100} or
 * {@code 0x88a8}, {@code buffer-size = 2048}: how far a packet may grow in its buffer; the pipeline's own smallest
 * port buffer wins when it is smaller, so a setting larger than the real buffers never writes past one.
 * <p>
 * Headroom: with 4 bytes or more before the frame in its buffer (a packet offset of at least 4), the 12 address
 * bytes move 4 bytes back and the packet starts 4 bytes earlier. With less (receivers put packets at offset 0), the
 * bytes after the addresses move 4 bytes forward instead and the packet keeps its offset, which keeps zero-copy
 * transmission (the transmitter swaps only buffers whose packet starts at offset 0); that moves the whole frame, so
 * it must still fit the buffer, or it is dropped as {@code too-long}.
 */
public final class VlanPush implements Stage
{
    public static final String TYPE = "vlan-push";
    public static final List<String> PARAMETERS = List.of("buffer-size", "pcp", "tpid", "vlan");
    public static final DropReason TRUNCATED_ETHERNET = DropReason.of("truncated-ethernet");
    public static final int DEFAULT_BUFFER_SIZE = 2048;

    private static final int ADDRESSES = ETHER_TYPE_OFFSET;

    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private final int tpid;
    private final int tci;
    private final int bufferSize;
    private int room;
    private int out;

    public VlanPush(final StageParameters parameters)
    {
        final int vlan = parameters.getInt("vlan", -1, 0, 4095);
        if (vlan < 0)
        {
            throw parameters.error("vlan", "expected a VLAN id in [0, 4095]");
        }
        final int pcp = parameters.getInt("pcp", 0, 0, 7);
        tci = (pcp << 13) | vlan;
        final long type = parameters.has("tpid") ?
            ClassifyEthertype.parseInteger(String.valueOf(parameters.value("tpid").unwrapped())) : ETHER_TYPE_VLAN;
        if (ETHER_TYPE_VLAN != type && ETHER_TYPE_QINQ != type)
        {
            throw parameters.error("tpid", "expected 0x8100 (802.1Q) or 0x88a8 (802.1ad, QinQ's outer tag)");
        }
        tpid = (int)type;
        bufferSize = parameters.getInt("buffer-size", DEFAULT_BUFFER_SIZE, 64, 65536);
    }

    @Override
    public void start(final StageContext context)
    {
        out = context.output("out");
        room = Math.min(bufferSize, context.bufferSize());
    }

    @Override
    public void process(final PacketBatch batch, final Outputs outputs)
    {
        final int count = batch.count();
        for (int i = 0; i < count; i++)
        {
            final int length = batch.length(i);
            final int offset = batch.offset(i);
            if (length < HEADER_LENGTH)
            {
                outputs.drop(i, TRUNCATED_ETHERNET);
                continue;
            }
            int start = offset;
            if (offset >= VLAN_TAG_LENGTH)
            {
                start = offset - VLAN_TAG_LENGTH;
                buffer.wrap(batch.bufferAddress(i) + start, length + VLAN_TAG_LENGTH);
                buffer.putBytes(0, buffer, VLAN_TAG_LENGTH, ADDRESSES);
            }
            else if (offset + length + VLAN_TAG_LENGTH <= room)
            {
                buffer.wrap(batch.bufferAddress(i) + start, length + VLAN_TAG_LENGTH);
                buffer.putBytes(ADDRESSES + VLAN_TAG_LENGTH, buffer, ADDRESSES, length - ADDRESSES);
            }
            else
            {
                outputs.drop(i, DropReason.TOO_LONG);
                continue;
            }
            buffer.putShort(ADDRESSES, (short)tpid, java.nio.ByteOrder.BIG_ENDIAN);
            buffer.putShort(ADDRESSES + 2, (short)tci, java.nio.ByteOrder.BIG_ENDIAN);
            batch.offset(i, start);
            batch.length(i, length + VLAN_TAG_LENGTH);
            outputs.send(i, out);
        }
    }
}
