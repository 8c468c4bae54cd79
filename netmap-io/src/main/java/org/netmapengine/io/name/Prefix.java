package org.netmapengine.io.name;

/**
 * The subsystem a port name starts with, which decides how much of the name reaches the kernel.
 * <p>
 * For {@link #NETMAP} libnetmap strips the prefix, so {@code netmap:eth0} registers {@code eth0}. For
 * {@link #VALE} the prefix is part of the port's identity (it names the switch), so {@code vale0:a}
 * registers {@code vale0:a}. {@link #PCAP} is the engine's own: a capture file replayed as a port with one RX
 * ring; no kernel ever sees its name.
 */
public enum Prefix
{
    /**
     * {@code netmap:} followed by an interface (or pipe) name; no identifier is allowed before the colon.
     */
    NETMAP("netmap", true),

    /**
     * {@code vale<id>:} followed by a port name; the switch id may be empty, which selects the default switch.
     */
    VALE("vale", false),

    /**
     * {@code pcap:} followed by the path of a capture file, replayed through one RX ring.
     */
    PCAP("pcap", true);

    private final String text;
    private final boolean stripped;

    Prefix(final String text, final boolean stripped)
    {
        this.text = text;
        this.stripped = stripped;
    }

    /**
     * The constant part of the prefix, without a switch id or the colon.
     *
     * @return {@code "netmap"} or {@code "vale"}.
     */
    public String text()
    {
        return text;
    }

    /**
     * Whether libnetmap removes {@code prefix:} before the name goes into {@code nmreq_header.nr_name}.
     *
     * @return true for {@link #NETMAP}, false for {@link #VALE}.
     */
    public boolean strippedFromKernelName()
    {
        return stripped;
    }
}
