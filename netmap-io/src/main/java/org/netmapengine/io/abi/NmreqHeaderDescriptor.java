package org.netmapengine.io.abi;

/**
 * Layout of {@code struct nmreq_header}, the argument of {@code NIOCCTRL}: 88 bytes, alignment 8.
 *
 * <pre>
 *   off  size  field         notes
 *     0     2  nr_version    must lie in [NETMAP_MIN_API, NETMAP_MAX_API], else EINVAL
 *     2     2  nr_reqtype    NETMAP_REQ_*; the kernel sizes the body from it
 *     4     4  nr_reserved   must be 0
 *     8    64  nr_name       port name without "netmap:" (pipe suffixes stay: "foo{1")
 *    72     8  nr_options    user address of the first nmreq_option, or 0
 *    80     8  nr_body       user address of the request body
 * </pre>
 */
public final class NmreqHeaderDescriptor
{
    public static final int NR_VERSION_OFFSET = 0;
    public static final int NR_REQTYPE_OFFSET = 2;
    public static final int NR_RESERVED_OFFSET = 4;
    public static final int NR_NAME_OFFSET = 8;
    public static final int NR_NAME_SIZE = NetmapApi.NETMAP_REQ_IFNAMSIZ;
    public static final int NR_OPTIONS_OFFSET = 72;
    public static final int NR_BODY_OFFSET = 80;
    public static final int SIZE = 88;
    public static final int ALIGNMENT = 8;

    private NmreqHeaderDescriptor()
    {
    }
}
