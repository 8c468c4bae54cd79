package org.netmapengine.io.port;

/**
 * What happened to frames before they reached a port's rings, or after they left them, as its backend counts it.
 * Emulated NIC ports fill it from the kernel's packet-socket counters ({@code PACKET_STATISTICS}) and their own;
 * other backends report {@link #NONE}. Totals since the port opened.
 *
 * @param kernelReceived  frames the kernel put in the port's socket rings (before the netmap rings).
 * @param kernelDropped   frames the kernel dropped because those rings were full: lost at the edge, never
 *                        received, so in no pipeline's accounting.
 * @param oversizeDropped received frames larger than a netmap buffer, dropped (unless carried as multi-slot
 *                        packets).
 * @param txErrors        frames given to a TX ring that the kernel refused or that did not fit a TX frame.
 */
public record PortStatistics(long kernelReceived, long kernelDropped, long oversizeDropped, long txErrors)
{
    public static final PortStatistics NONE = new PortStatistics(0, 0, 0, 0);

    /** @return frames lost before the RX rings: kernel drops and oversize drops. */
    public long edgeDropped()
    {
        return kernelDropped + oversizeDropped;
    }
}
