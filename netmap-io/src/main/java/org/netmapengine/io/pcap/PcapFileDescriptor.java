package org.netmapengine.io.pcap;

/**
 * Layout of a pcap capture file (libpcap's savefile format, also draft-ietf-opsawg-pcap): a 24-byte file header,
 * then one 16-byte record header before each packet's captured bytes.
 * <pre>
 *   File header                                   Record header
 *    0  magic            u32  0xa1b2c3d4 (us)       0  ts_sec     u32  seconds since the epoch
 *                              0xa1b23c4d (ns)       4  ts_frac    u32  microseconds or nanoseconds
 *    4  version_major    u16  2                      8  incl_len   u32  bytes captured, at most snaplen
 *    6  version_minor    u16  4                     12  orig_len   u32  bytes on the wire
 *    8  thiszone         i32  0                     16  packet data (incl_len bytes)
 *   12  sigfigs          u32  0
 *   16  snaplen          u32  most bytes kept per packet
 *   20  network          u32  link type, 1 = Ethernet (LINKTYPE_ETHERNET)
 * </pre>
 * Every field is in the byte order of the machine that wrote it; the magic number, read in the wrong order,
 * tells the reader to swap. The engine writes little-endian files with nanosecond timestamps.
 */
public final class PcapFileDescriptor
{
    /** Microsecond timestamps, in the writer's byte order. */
    public static final int MAGIC_MICROSECONDS = 0xA1B2C3D4;
    /** Nanosecond timestamps, in the writer's byte order. */
    public static final int MAGIC_NANOSECONDS = 0xA1B23C4D;
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 4;
    /** Ethernet: the only link type the engine reads. */
    public static final int LINKTYPE_ETHERNET = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_MAJOR_OFFSET = 4;
    public static final int VERSION_MINOR_OFFSET = 6;
    public static final int THISZONE_OFFSET = 8;
    public static final int SIGFIGS_OFFSET = 12;
    public static final int SNAPLEN_OFFSET = 16;
    public static final int NETWORK_OFFSET = 20;
    public static final int FILE_HEADER_LENGTH = 24;

    public static final int TS_SECONDS_OFFSET = 0;
    public static final int TS_FRACTION_OFFSET = 4;
    public static final int INCLUDED_LENGTH_OFFSET = 8;
    public static final int ORIGINAL_LENGTH_OFFSET = 12;
    public static final int RECORD_HEADER_LENGTH = 16;

    /** tcpdump's default snaplen, and the largest a reader accepts per record. */
    public static final int MAX_SNAPLEN = 262_144;

    private PcapFileDescriptor()
    {
    }
}
