package org.netmapengine.io.abi;

/**
 * Layout of {@code struct netmap_if}: one per bound file descriptor, 56 bytes followed by one signed
 * 64-bit ring offset per ring, alignment 8. User space treats it as read-only except
 * {@code ni_bufs_head}.
 *
 * <pre>
 *   off  size  field              notes
 *     0    16  ni_name            interface name
 *    16     4  ni_version         API version, unused
 *    20     4  ni_flags           NI_PRIV_MEM
 *    24     4  ni_tx_rings        hardware TX rings
 *    28     4  ni_rx_rings        hardware RX rings
 *    32     4  ni_bufs_head   (u) head of the extra-buffer list: the first u32 of each buffer links the next
 *    36     4  ni_host_tx_rings   API 14 (the kernel reports at least 1, fake for pipes)
 *    40     4  ni_host_rx_rings   API 14
 *    44    12  ni_spare1[3]
 *    56   8*k  ring_ofs[]         offsets of the rings relative to this struct; 0 = not bound
 * </pre>
 * {@code ring_ofs[]} order: NIC TX rings, host TX rings, NIC RX rings, host RX rings.
 */
public final class NetmapIfDescriptor
{
    public static final int NI_NAME_OFFSET = 0;
    public static final int NI_NAME_SIZE = NetmapApi.IFNAMSIZ;
    public static final int NI_VERSION_OFFSET = 16;
    public static final int NI_FLAGS_OFFSET = 20;
    public static final int NI_TX_RINGS_OFFSET = 24;
    public static final int NI_RX_RINGS_OFFSET = 28;
    /** (u) Writable: head index of the extra-buffer list. */
    public static final int NI_BUFS_HEAD_OFFSET = 32;
    public static final int NI_HOST_TX_RINGS_OFFSET = 36;
    public static final int NI_HOST_RX_RINGS_OFFSET = 40;
    public static final int NI_SPARE1_OFFSET = 44;
    public static final int RING_OFS_OFFSET = 56;
    /** Size of one {@code ring_ofs} entry ({@code ssize_t}). */
    public static final int RING_OFS_ENTRY_SIZE = 8;
    /** {@code sizeof(struct netmap_if)} without its ring offsets. */
    public static final int SIZE = 56;
    public static final int ALIGNMENT = 8;

    /**
     * @param index position in {@code ring_ofs[]}.
     * @return offset of that entry from the start of the struct.
     */
    public static int ringOfsOffset(final int index)
    {
        return RING_OFS_OFFSET + index * RING_OFS_ENTRY_SIZE;
    }

    /**
     * @param totalRings TX and RX rings, host rings included.
     * @return bytes the struct occupies with its ring offsets.
     */
    public static int footprint(final int totalRings)
    {
        return SIZE + totalRings * RING_OFS_ENTRY_SIZE;
    }

    private NetmapIfDescriptor()
    {
    }
}
