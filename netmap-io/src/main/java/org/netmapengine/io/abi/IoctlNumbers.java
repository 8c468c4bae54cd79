package org.netmapengine.io.abi;

/**
 * ioctl request numbers of netmap on Linux and FreeBSD (x86_64 / amd64).
 * <p>
 * {@code _IOWR} values are the same on both systems; {@code _IO} differs by FreeBSD's {@code IOC_VOID}
 * bit. Values are unsigned 32-bit numbers held in a {@code long}: pass them to {@code ioctl} as such,
 * never as a negative {@code int} (FreeBSD warns about sign extension).
 *
 * <pre>
 *   Linux:   dir &lt;&lt; 30 | size &lt;&lt; 16 | type &lt;&lt; 8 | nr      (_IOWR dir = 3, _IO dir = 0, 14-bit size)
 *   FreeBSD: inout | (size &amp; 0x1FFF) &lt;&lt; 16 | group &lt;&lt; 8 | num   (IOC_VOID 0x20000000, IN|OUT 0xC0000000)
 * </pre>
 */
public final class IoctlNumbers
{
    /** The ioctl group of netmap: {@code 'i'}. */
    public static final int NETMAP_IOC_TYPE = 'i';

    /** Size of the legacy {@code struct nmreq}. */
    private static final int NMREQ_SIZE = NmreqLegacyDescriptor.SIZE;
    /** Size of {@code struct nm_ifreq}. */
    private static final int NM_IFREQ_SIZE = NetmapApi.IFNAMSIZ + NetmapApi.NM_IFRDATA_LEN;

    public static final long LINUX_NIOCGINFO = linuxIowr(145, NMREQ_SIZE);
    public static final long LINUX_NIOCREGIF = linuxIowr(146, NMREQ_SIZE);
    public static final long LINUX_NIOCTXSYNC = linuxIo(148);
    public static final long LINUX_NIOCRXSYNC = linuxIo(149);
    public static final long LINUX_NIOCCONFIG = linuxIowr(150, NM_IFREQ_SIZE);
    public static final long LINUX_NIOCCTRL = linuxIowr(151, NmreqHeaderDescriptor.SIZE);

    public static final long FREEBSD_NIOCGINFO = freebsdIowr(145, NMREQ_SIZE);
    public static final long FREEBSD_NIOCREGIF = freebsdIowr(146, NMREQ_SIZE);
    public static final long FREEBSD_NIOCTXSYNC = freebsdIo(148);
    public static final long FREEBSD_NIOCRXSYNC = freebsdIo(149);
    public static final long FREEBSD_NIOCCONFIG = freebsdIowr(150, NM_IFREQ_SIZE);
    public static final long FREEBSD_NIOCCTRL = freebsdIowr(151, NmreqHeaderDescriptor.SIZE);

    private static final long LINUX_IOC_READ_WRITE = 3L;
    private static final long FREEBSD_IOC_VOID = 0x20000000L;
    private static final long FREEBSD_IOC_INOUT = 0x40000000L | 0x80000000L;

    /** The three numbers a port needs, for one operating system. */
    public record Set(long niocctrl, long niocTxSync, long niocRxSync)
    {
    }

    public static final Set LINUX = new Set(LINUX_NIOCCTRL, LINUX_NIOCTXSYNC, LINUX_NIOCRXSYNC);
    public static final Set FREEBSD = new Set(FREEBSD_NIOCCTRL, FREEBSD_NIOCTXSYNC, FREEBSD_NIOCRXSYNC);

    /**
     * @return the numbers for the operating system this JVM runs on.
     * @throws UnsupportedOperationException on anything but Linux or FreeBSD.
     */
    public static Set forCurrentOs()
    {
        final String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux"))
        {
            return LINUX;
        }
        if (os.contains("freebsd"))
        {
            return FREEBSD;
        }
        throw new UnsupportedOperationException("netmap runs on Linux and FreeBSD, not on os.name=" + os);
    }

    /** Linux {@code _IOWR('i', nr, size)}. */
    public static long linuxIowr(final int nr, final int size)
    {
        if (size >= (1 << 14))
        {
            throw new IllegalArgumentException("size does not fit the 14-bit Linux field: size=" + size);
        }
        return LINUX_IOC_READ_WRITE << 30 | (long)size << 16 | NETMAP_IOC_TYPE << 8 | nr;
    }

    /** Linux {@code _IO('i', nr)}. */
    public static long linuxIo(final int nr)
    {
        return NETMAP_IOC_TYPE << 8 | nr;
    }

    /** FreeBSD {@code _IOWR('i', nr, size)}. */
    public static long freebsdIowr(final int nr, final int size)
    {
        return FREEBSD_IOC_INOUT | (long)(size & 0x1FFF) << 16 | NETMAP_IOC_TYPE << 8 | nr;
    }

    /** FreeBSD {@code _IO('i', nr)}. */
    public static long freebsdIo(final int nr)
    {
        return FREEBSD_IOC_VOID | NETMAP_IOC_TYPE << 8 | nr;
    }

    private IoctlNumbers()
    {
    }
}
