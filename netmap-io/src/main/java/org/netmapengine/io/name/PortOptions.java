package org.netmapengine.io.name;

/**
 * The libnetmap options of a port name; each is null when absent, and each may appear at most once.
 *
 * @param conf   {@code @conf:...}.
 * @param extmem {@code @extmem:...}.
 * @param offset {@code @offset:...}.
 * @param share  {@code @share=...}.
 * @param replay {@code @replay...}, of {@code pcap:} names only.
 */
record PortOptions(ConfOption conf, ExtmemOption extmem, OffsetOption offset, ShareOption share, ReplayOption replay)
{
    static final PortOptions NONE = new PortOptions(null, null, null, null, null);
}
