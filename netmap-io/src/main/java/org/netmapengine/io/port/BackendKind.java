package org.netmapengine.io.port;

import java.util.Locale;

/**
 * The backend behind a port, as configured ({@code netmap.backend}) and as reported per port.
 */
public enum BackendKind
{
    /** The kernel's {@code /dev/netmap}. */
    KERNEL,
    /** netmap semantics in user space: pipes in shared memory, NICs through AF_PACKET. */
    EMULATED,
    /** Kernel when {@code /dev/netmap} opens, emulated otherwise; only a configuration value. */
    AUTO,
    /** A capture file replayed ({@code pcap:} names); chosen by the name, never configured. */
    PCAP;

    /** @return the configuration spelling: {@code kernel}, {@code emulated}, {@code auto}. */
    public String configName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return {@link #KERNEL}, {@link #EMULATED} or {@link #AUTO} for their configuration spelling.
     * @throws IllegalArgumentException naming the accepted values ({@code pcap} is not one: the name chooses it).
     */
    public static BackendKind fromConfig(final String value)
    {
        for (final BackendKind kind : values())
        {
            if (PCAP != kind && kind.configName().equals(value))
            {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + value + "': expected auto, kernel or emulated");
    }
}
