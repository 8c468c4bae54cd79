package org.netmapengine.io.afpacket;

/**
 * How the emulated backend opens NIC ports ({@code netmap:IF}, {@code netmap:IF-N}) on Linux packet sockets.
 *
 * @param slots        slots per netmap ring when the name does not say ({@code @conf:slots=}).
 * @param bufferSize   bytes per netmap buffer; larger frames are dropped (or carried over several slots).
 * @param rxBlockSize  bytes per TPACKET_V3 receive block: a power of two, a multiple of the page size.
 * @param rxBlocks     receive blocks per socket; {@code rxBlockSize * rxBlocks} is what the kernel can hold while
 *                     the engine is busy before it drops.
 * @param retireMillis how long the kernel keeps a partly filled block before handing it over: the added latency
 *                     at low rates (at high rates blocks fill first).
 * @param txFrames     frames in each TX ring (one frame per packet).
 * @param promiscuous  put the interface in promiscuous mode while the port is open (undone at close).
 * @param qdiscBypass  {@code PACKET_QDISC_BYPASS}: transmit straight to the driver, past the qdisc (and past
 *                     other packet taps); faster, no traffic shaping, drops when the driver queue is full.
 * @param multiSlot    carry received frames larger than a buffer as multi-slot packets ({@code NS_MOREFRAG})
 *                     instead of dropping them.
 */
public record AfPacketConfig(
    int slots,
    int bufferSize,
    int rxBlockSize,
    int rxBlocks,
    int retireMillis,
    int txFrames,
    boolean promiscuous,
    boolean qdiscBypass,
    boolean multiSlot)
{
    public static final AfPacketConfig DEFAULT = new AfPacketConfig(1024, 2048, 1 << 16, 256, 2, 1024, false, false,
        false);

    private static final int PAGE = 4096;

    public AfPacketConfig
    {
        if (slots < 2 || slots > (1 << 16))
        {
            throw new IllegalArgumentException("slots must be in [2, 65536]: slots=" + slots);
        }
        if (bufferSize < 64 || bufferSize % 64 != 0 || bufferSize > 65536)
        {
            throw new IllegalArgumentException("bufferSize must be a multiple of 64 in [64, 65536]: bufferSize=" +
                bufferSize);
        }
        if (rxBlockSize < PAGE || Integer.bitCount(rxBlockSize) != 1 || rxBlockSize > (1 << 26))
        {
            throw new IllegalArgumentException("rxBlockSize must be a power of two in [4096, 64 MiB]: rxBlockSize=" +
                rxBlockSize);
        }
        if (rxBlocks < 2 || (long)rxBlocks * rxBlockSize > (1L << 30))
        {
            throw new IllegalArgumentException("need 2 or more rxBlocks and at most 1 GiB per ring: rxBlocks=" +
                rxBlocks + " rxBlockSize=" + rxBlockSize);
        }
        if (retireMillis < 1 || retireMillis > 10_000)
        {
            throw new IllegalArgumentException("retireMillis must be in [1, 10000]: retireMillis=" + retireMillis);
        }
        if (txFrames < 8 || txFrames > (1 << 20))
        {
            throw new IllegalArgumentException("txFrames must be in [8, 1048576]: txFrames=" + txFrames);
        }
    }

    public AfPacketConfig withRx(final int blockSize, final int blocks, final int retire)
    {
        return new AfPacketConfig(slots, bufferSize, blockSize, blocks, retire, txFrames, promiscuous, qdiscBypass,
            multiSlot);
    }

    public AfPacketConfig withPromiscuous(final boolean on)
    {
        return new AfPacketConfig(slots, bufferSize, rxBlockSize, rxBlocks, retireMillis, txFrames, on, qdiscBypass,
            multiSlot);
    }

    public AfPacketConfig withQdiscBypass(final boolean on)
    {
        return new AfPacketConfig(slots, bufferSize, rxBlockSize, rxBlocks, retireMillis, txFrames, promiscuous, on,
            multiSlot);
    }

    public AfPacketConfig withMultiSlot(final boolean on)
    {
        return new AfPacketConfig(slots, bufferSize, rxBlockSize, rxBlocks, retireMillis, txFrames, promiscuous,
            qdiscBypass, on);
    }

    public AfPacketConfig withSlots(final int count)
    {
        return new AfPacketConfig(count, bufferSize, rxBlockSize, rxBlocks, retireMillis, txFrames, promiscuous,
            qdiscBypass, multiSlot);
    }
}
