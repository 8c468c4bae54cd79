package org.netmapengine.io.afpacket;

import org.agrona.UnsafeAccess;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.os.Sockets;
import org.netmapengine.io.ring.RingView;

import java.util.concurrent.locks.LockSupport;

import static org.netmapengine.io.afpacket.Tpacket3HdrDescriptor.TP_LEN_OFFSET;
import static org.netmapengine.io.afpacket.Tpacket3HdrDescriptor.TP_NEXT_OFFSET_OFFSET;
import static org.netmapengine.io.afpacket.Tpacket3HdrDescriptor.TP_STATUS_OFFSET;
import static org.netmapengine.io.afpacket.Tpacket3HdrDescriptor.TX_DATA_OFFSET;

/**
 * One netmap TX ring drained into one packet socket's TX ring: the kernel's half of the ring's {@code txsync},
 * played in user space.
 * <p>
 * {@link #sync} takes the slots the user queued ({@code [hwcur, head)}) in order; each packet (one slot, or
 * several joined by {@code NS_MOREFRAG}) is copied into the next TX frame the kernel has given back
 * ({@code TP_STATUS_AVAILABLE}), its length written and the frame handed over with a release store of
 * {@code TP_STATUS_SEND_REQUEST}. One non-blocking {@code sendto} then asks the kernel to send every frame
 * handed over: one system call per sync, none per packet. The slots are free again as soon as their bytes are
 * copied and the kernel has taken every frame handed over, so {@code tail} moves up to {@code hwcur - 1}
 * (netmap's one reserved slot). When the kernel could not take them all (its send buffer was full), {@code tail}
 * stays until a later sync asks again and it does: as with a NIC, a slot comes back only once its packet is on its
 * way, so a sender that drains its ring (pkt-gen) keeps syncing until it is. When the kernel has not given frames
 * back yet, the remaining slots stay queued and the ring looks full, which makes a sender wait in
 * {@code poll(POLLOUT)}.
 * <p>
 * Not thread-safe: the port's owner thread only.
 */
final class TxChannel
{
    private final PacketSocket socket;
    private final RingView ring;
    private final UnsafeBuffer frames;
    private final long mapAddress;
    private final int frameSize;
    private final int frameCount;
    private final int maxFrameLength;
    private int hwcur;
    private int hwtail;
    private int next;
    private boolean kickPending;
    private long errors;
    private long resets;

    TxChannel(final PacketSocket socket, final RingView ring, final int frameSize, final int frameCount)
    {
        this.socket = socket;
        this.ring = ring;
        this.mapAddress = socket.mapAddress();
        this.frames = new UnsafeBuffer(mapAddress, frameSize * frameCount);
        this.frameSize = frameSize;
        this.frameCount = frameCount;
        this.maxFrameLength = frameSize - TX_DATA_OFFSET;
        this.hwcur = ring.head();
        this.hwtail = ring.tailAcquire();
    }

    PacketSocket socket()
    {
        return socket;
    }

    /** @return true when the ring has a free slot for the user. */
    boolean hasRoom()
    {
        return !ring.isEmpty();
    }

    /** @return true when slots or frames wait for the kernel: worth a wait for POLLOUT. */
    boolean hasPending()
    {
        return kickPending || hwcur != ring.head();
    }

    /** The kernel's {@code txsync} for this ring: copy the queued packets into TX frames and send them. */
    void sync()
    {
        final RingView ring = this.ring;
        final int head = ring.head();
        if (ring.distance(hwcur, head) > ring.distance(hwcur, hwtail))
        {
            resets++;
            ring.advanceRelease(hwcur);
            return;
        }
        int slot = hwcur;
        int queued = 0;
        int left = ring.distance(hwcur, head);
        while (left > 0)
        {
            final int frame = next * frameSize;
            final int status = frames.getIntVolatile(frame + TP_STATUS_OFFSET);
            if (PacketSocketApi.TP_STATUS_WRONG_FORMAT == status)
            {
                errors++;
            }
            else if (PacketSocketApi.TP_STATUS_AVAILABLE != status)
            {
                break;
            }
            int length = 0;
            int used = 0;
            boolean more;
            int s = slot;
            do
            {
                final int len = ring.len(s);
                more = 0 != (ring.slotFlags(s) & NetmapApi.NS_MOREFRAG);
                if (length + len <= maxFrameLength)
                {
                    UnsafeAccess.UNSAFE.copyMemory(ring.slotBufferAddress(s), mapAddress + frame + TX_DATA_OFFSET +
                        length, len);
                }
                length += len;
                used++;
                s = ring.next(s);
            }
            while (more && used < left);
            if (more)
            {
                // The rest of the packet is not queued yet: send it whole on a later sync.
                break;
            }
            if (length > maxFrameLength || 0 == length)
            {
                errors++;
            }
            else
            {
                frames.putInt(frame + TP_LEN_OFFSET, length);
                frames.putInt(frame + TP_NEXT_OFFSET_OFFSET, 0);
                frames.putIntOrdered(frame + TP_STATUS_OFFSET, PacketSocketApi.TP_STATUS_SEND_REQUEST);
                next = next + 1 == frameCount ? 0 : next + 1;
                queued++;
            }
            slot = s;
            left -= used;
        }
        if (queued > 0 || kickPending)
        {
            kick();
        }
        hwcur = slot;
        if (!kickPending)
        {
            // Every frame handed over was taken by the kernel: the slots are done, as a NIC's after transmission.
            final int done = 0 == slot ? ring.numSlots() - 1 : slot - 1;
            if (done != hwtail)
            {
                hwtail = done;
                ring.tailRelease(hwtail);
            }
        }
    }

    /**
     * Asks the kernel to send the frames handed over, and remembers to ask again when it could not take them all
     * now (its send buffer was full): then the last frame handed over is still {@code TP_STATUS_SEND_REQUEST}.
     */
    void kick()
    {
        final long result = Sockets.kickTransmit(socket.fd());
        final int last = (0 == next ? frameCount - 1 : next - 1) * frameSize;
        kickPending = result < 0 ||
            PacketSocketApi.TP_STATUS_SEND_REQUEST == frames.getIntVolatile(last + TP_STATUS_OFFSET);
    }

    /**
     * Sends what the TX frames still hold, waiting at most {@code timeoutNanos} for the kernel to take it: a port
     * that closes right after its last sync loses nothing the kernel could still send.
     *
     * @return frames still not sent when the time ran out.
     */
    int flush(final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (true)
        {
            int busy = 0;
            for (int i = 0; i < frameCount; i++)
            {
                final int status = frames.getIntVolatile(i * frameSize + TP_STATUS_OFFSET);
                if (PacketSocketApi.TP_STATUS_AVAILABLE != status && PacketSocketApi.TP_STATUS_WRONG_FORMAT != status)
                {
                    busy++;
                }
            }
            if (0 == busy || System.nanoTime() - deadline >= 0)
            {
                return busy;
            }
            kick();
            LockSupport.parkNanos(100_000L);
        }
    }

    /** @return frames refused by the kernel or too large for a TX frame, since open. */
    long errors()
    {
        return errors;
    }

    long resets()
    {
        return resets;
    }
}
