package org.netmapengine.io.afpacket;

import org.agrona.UnsafeAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.ring.RingView;

import static org.netmapengine.io.afpacket.TpacketBlockDescriptor.BLOCK_STATUS_OFFSET;
import static org.netmapengine.io.afpacket.TpacketBlockDescriptor.NUM_PKTS_OFFSET;
import static org.netmapengine.io.afpacket.TpacketBlockDescriptor.OFFSET_TO_FIRST_PKT_OFFSET;

/**
 * One netmap RX ring fed by one packet socket's TPACKET_V3 receive ring: the kernel's half of the ring's
 * {@code rxsync}, played in user space.
 * <p>
 * The kernel fills blocks of frames and hands each block over whole ({@code block_status = TP_STATUS_USER}) when
 * it is full or when the retire timeout expires; {@link #sync} then does what netmap's generic adapter does
 * with the frames its rx handler queued:
 * <ol>
 *     <li>release: the slots before {@code head} are the user's no longer ({@code hwcur = head}); the buffer each
 *     now holds is reused as it is, so a buffer swapped in ({@code NS_BUF_CHANGED}) needs nothing more;</li>
 *     <li>fill: copy frames, in order, into the buffers of the free slots {@code [hwtail, hwcur - 1)}, set length
 *     and flags, and publish {@code tail} once with release semantics. A block whose frames are all copied goes
 *     back to the kernel at once (a release store of {@code TP_STATUS_KERNEL}); a block the ring had no room
 *     for is resumed at the same frame by the next sync.</li>
 * </ol>
 * The copy is what emulation costs: the kernel's block memory is not netmap buffer memory, and handing the blocks
 * themselves out would pin whole blocks for as long as a pipeline holds one packet. A sync makes no system call;
 * a port waits for the next block in {@code poll}. Frames this host sent ({@code PACKET_OUTGOING}) are skipped
 * when the kernel cannot leave them out itself ({@code PACKET_IGNORE_OUTGOING}, Linux 4.20); frames larger than a
 * buffer are dropped and counted, or with multi-slot on spread over consecutive slots with {@code NS_MOREFRAG};
 * frames the kernel cut short (larger than a block) are dropped and counted with them.
 * <p>
 * Not thread-safe: the port's owner thread only.
 */
final class RxChannel
{
    private final PacketSocket socket;
    private final RingView ring;
    private final UnsafeBuffer blocks;
    private final long mapAddress;
    private final int blockSize;
    private final int blockCount;
    private final int bufferSize;
    private final int bufferCount;
    private final boolean skipOutgoing;
    private final boolean multiSlot;
    private int hwcur;
    private int hwtail;
    private int block;
    private boolean holding;
    private int framesLeft;
    private int frame;
    private long oversize;
    private long outgoingSkipped;
    private long resets;
    private long badBuffers;

    RxChannel(
        final PacketSocket socket,
        final RingView ring,
        final int blockSize,
        final int blockCount,
        final int bufferCount,
        final boolean skipOutgoing,
        final boolean multiSlot)
    {
        this.socket = socket;
        this.ring = ring;
        this.mapAddress = socket.mapAddress();
        this.blocks = new UnsafeBuffer(mapAddress, blockSize * blockCount);
        this.blockSize = blockSize;
        this.blockCount = blockCount;
        this.bufferSize = ring.bufferSize();
        this.bufferCount = bufferCount;
        this.skipOutgoing = skipOutgoing;
        this.multiSlot = multiSlot;
        this.hwcur = ring.head();
        this.hwtail = ring.tailAcquire();
    }

    PacketSocket socket()
    {
        return socket;
    }

    RingView ring()
    {
        return ring;
    }

    /** @return true when the ring holds packets for the user. */
    boolean hasPackets()
    {
        return !ring.isEmpty();
    }

    /** The kernel's {@code rxsync} for this ring: release what the user gave back, copy in what arrived. */
    void sync()
    {
        final RingView ring = this.ring;
        final int head = ring.head();
        if (ring.distance(hwcur, head) > ring.distance(hwcur, hwtail))
        {
            // An invalid head: the kernel resets the ring to its own view; the user's state is lost.
            resets++;
            ring.advanceRelease(hwcur);
            return;
        }
        hwcur = head;
        int free = ring.numSlots() - 1 - ring.distance(hwcur, hwtail);
        int slot = hwtail;
        while (free > 0 && nextFrame())
        {
            final int hdr = frame;
            final int snaplen = blocks.getInt(hdr + Tpacket3HdrDescriptor.TP_SNAPLEN_OFFSET);
            final long data = mapAddress + hdr + (blocks.getShort(hdr + Tpacket3HdrDescriptor.TP_MAC_OFFSET) & 0xFFFF);
            if (skipOutgoing && PacketSocketApi.PACKET_OUTGOING == blocks.getByte(hdr +
                Tpacket3HdrDescriptor.SOCKADDR_LL_OFFSET + SockaddrLlDescriptor.SLL_PKTTYPE_OFFSET))
            {
                outgoingSkipped++;
            }
            else if (snaplen < blocks.getInt(hdr + Tpacket3HdrDescriptor.TP_LEN_OFFSET))
            {
                // Cut short by the kernel (a frame larger than a block): never deliver part of a frame.
                oversize++;
            }
            else if (snaplen <= bufferSize)
            {
                final int bufIdx = ring.bufIdx(slot);
                if (!validBuffer(bufIdx))
                {
                    break;
                }
                UnsafeAccess.UNSAFE.copyMemory(data, ring.bufferAddress(bufIdx), snaplen);
                ring.slotHead(slot, bufIdx, snaplen, 0);
                slot = ring.next(slot);
                free--;
            }
            else if (multiSlot && snaplen <= bufferSize * NetmapApi.NETMAP_MAX_FRAGS)
            {
                final int needed = (snaplen + bufferSize - 1) / bufferSize;
                if (needed > free)
                {
                    break;
                }
                slot = copyFragments(slot, data, snaplen);
                free -= needed;
            }
            else
            {
                oversize++;
            }
            consumeFrame();
        }
        if (slot != hwtail)
        {
            hwtail = slot;
            ring.tailRelease(slot);
        }
    }

    private int copyFragments(final int first, final long data, final int length)
    {
        int slot = first;
        int offset = 0;
        while (offset < length)
        {
            final int chunk = Math.min(bufferSize, length - offset);
            final int bufIdx = ring.bufIdx(slot);
            if (!validBuffer(bufIdx))
            {
                return slot;
            }
            UnsafeAccess.UNSAFE.copyMemory(data + offset, ring.bufferAddress(bufIdx), chunk);
            offset += chunk;
            ring.slotHead(slot, bufIdx, chunk, offset < length ? NetmapApi.NS_MOREFRAG : 0);
            slot = ring.next(slot);
        }
        return slot;
    }

    private boolean validBuffer(final int bufIdx)
    {
        if (bufIdx >= NetmapApi.NETMAP_FIRST_VALID_BUFFER && bufIdx < bufferCount)
        {
            return true;
        }
        badBuffers++;
        return false;
    }

    /** @return true when {@link #frame} is a frame to copy: the current block's next, or a new block's first. */
    private boolean nextFrame()
    {
        if (framesLeft > 0)
        {
            return true;
        }
        while (true)
        {
            final int base = block * blockSize;
            if (0 == (blocks.getIntVolatile(base + BLOCK_STATUS_OFFSET) & PacketSocketApi.TP_STATUS_USER))
            {
                return false;
            }
            framesLeft = blocks.getInt(base + NUM_PKTS_OFFSET);
            frame = base + blocks.getInt(base + OFFSET_TO_FIRST_PKT_OFFSET);
            holding = true;
            if (framesLeft > 0)
            {
                return true;
            }
            releaseBlock();
        }
    }

    private void consumeFrame()
    {
        framesLeft--;
        if (0 == framesLeft)
        {
            releaseBlock();
        }
        else
        {
            frame += blocks.getInt(frame + Tpacket3HdrDescriptor.TP_NEXT_OFFSET_OFFSET);
        }
    }

    private void releaseBlock()
    {
        if (holding)
        {
            blocks.putIntOrdered(block * blockSize + BLOCK_STATUS_OFFSET, PacketSocketApi.TP_STATUS_KERNEL);
            holding = false;
            block = block + 1 == blockCount ? 0 : block + 1;
        }
    }

    /** @return frames dropped because they did not fit a buffer (or the ring, as fragments). */
    long oversize()
    {
        return oversize;
    }

    long outgoingSkipped()
    {
        return outgoingSkipped;
    }

    long resets()
    {
        return resets;
    }

    long badBuffers()
    {
        return badBuffers;
    }
}
