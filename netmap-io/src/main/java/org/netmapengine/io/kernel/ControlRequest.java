package org.netmapengine.io.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.abi.NmreqHeaderDescriptor;
import org.netmapengine.io.abi.NmreqOptExtmemDescriptor;
import org.netmapengine.io.abi.NmreqOptOffsetsDescriptor;
import org.netmapengine.io.abi.NmreqOptionDescriptor;
import org.netmapengine.io.abi.NmreqPoolsInfoDescriptor;
import org.netmapengine.io.abi.NmreqPortInfoGetDescriptor;
import org.netmapengine.io.abi.NmreqRegisterDescriptor;
import org.netmapengine.io.name.ConfOption;
import org.netmapengine.io.name.ExtmemOption;
import org.netmapengine.io.name.OffsetOption;
import org.netmapengine.io.name.PortSpec;

import java.nio.charset.StandardCharsets;

/**
 * One {@code NIOCCTRL} request in a native block: the {@code nmreq_header}, its body and its options, with the
 * absolute addresses the kernel follows ({@code nr_body}, {@code nr_options}, {@code nro_next}). Encodes
 * {@code NETMAP_REQ_REGISTER}, {@code NETMAP_REQ_PORT_INFO_GET} and {@code NETMAP_REQ_POOLS_INFO_GET}, and
 * decodes what the kernel wrote back.
 *
 * <pre>
 *   block offset  size  what
 *              0    88  nmreq_header
 *             88    64  body: nmreq_register (56), nmreq_port_info_get (32) or nmreq_pools_info (64)
 *            152    56  nmreq_opt_offsets  (@offset), first in the chain when present
 *            208    96  nmreq_opt_extmem   (@extmem), after it
 * </pre>
 * Every part sits at a multiple of 8, the alignment of the structs. Each encode clears the whole block, so
 * nothing of an earlier request leaks into the next (the kernel rejects a non-zero {@code nr_reserved}).
 * <p>
 * The block is allocated once per port open and reused for the open's few requests. Not thread-safe.
 */
final class ControlRequest implements AutoCloseable
{
    static final int HEADER_AT = 0;
    static final int BODY_AT = HEADER_AT + NmreqHeaderDescriptor.SIZE;
    /** The largest body is {@code nmreq_pools_info}. */
    static final int OFFSETS_OPTION_AT = BODY_AT + NmreqPoolsInfoDescriptor.SIZE;
    static final int EXTMEM_OPTION_AT = OFFSETS_OPTION_AT + NmreqOptOffsetsDescriptor.SIZE;
    static final int BLOCK_SIZE = EXTMEM_OPTION_AT + NmreqOptExtmemDescriptor.SIZE;

    /** A value of {@link #optionStatus(int)} for an option that was not sent. */
    static final int NOT_SENT = -1;

    private final Memory memory = new Memory(BLOCK_SIZE);
    private final UnsafeBuffer block = new UnsafeBuffer(Pointer.nativeValue(memory), BLOCK_SIZE);
    private final long address = Pointer.nativeValue(memory);
    private boolean offsetsSent;
    private boolean extmemSent;

    /** @return the block, to pass to {@code ioctl}: it starts with the header. */
    Pointer pointer()
    {
        return memory;
    }

    long address()
    {
        return address;
    }

    long bodyAddress()
    {
        return address + BODY_AT;
    }

    long offsetsOptionAddress()
    {
        return address + OFFSETS_OPTION_AT;
    }

    long extmemOptionAddress()
    {
        return address + EXTMEM_OPTION_AT;
    }

    // ---------------------------------------------------------------- encoding

    /**
     * {@code NETMAP_REQ_REGISTER} for {@code spec}: mode, ring, flags, {@code @conf} counts into the body;
     * {@code @offset} and {@code @extmem} as options.
     *
     * @param spec           the port: {@code nr_name}, mode, ring, {@code @conf}, {@code @offset}, {@code @extmem}.
     * @param memId          {@code nr_mem_id}: the spec's {@code @N}, or the region {@code @share} names.
     * @param flags          {@code nr_flags}: the spec's flags and whatever the backend adds.
     * @param extraBuffers   {@code nr_extra_bufs} to ask for.
     * @param extmemAddress  where the {@code @extmem} file is mapped; 0 sends no extmem option.
     * @param extmemSize     bytes mapped there.
     */
    void register(
        final PortSpec spec,
        final int memId,
        final long flags,
        final int extraBuffers,
        final long extmemAddress,
        final long extmemSize)
    {
        header(NetmapApi.NETMAP_REQ_REGISTER, spec.kernelName());
        final ConfOption conf = spec.conf().orElse(null);
        if (null != conf)
        {
            block.putInt(BODY_AT + NmreqRegisterDescriptor.NR_TX_SLOTS_OFFSET, (int)conf.effectiveTxSlots());
            block.putInt(BODY_AT + NmreqRegisterDescriptor.NR_RX_SLOTS_OFFSET, (int)conf.effectiveRxSlots());
            block.putShort(BODY_AT + NmreqRegisterDescriptor.NR_TX_RINGS_OFFSET, (short)conf.effectiveTxRings());
            block.putShort(BODY_AT + NmreqRegisterDescriptor.NR_RX_RINGS_OFFSET, (short)conf.effectiveRxRings());
            block.putShort(BODY_AT + NmreqRegisterDescriptor.NR_HOST_TX_RINGS_OFFSET,
                (short)conf.effectiveHostTxRings());
            block.putShort(BODY_AT + NmreqRegisterDescriptor.NR_HOST_RX_RINGS_OFFSET,
                (short)conf.effectiveHostRxRings());
        }
        block.putShort(BODY_AT + NmreqRegisterDescriptor.NR_MEM_ID_OFFSET, (short)memId);
        block.putShort(BODY_AT + NmreqRegisterDescriptor.NR_RINGID_OFFSET, (short)spec.ringId());
        block.putInt(BODY_AT + NmreqRegisterDescriptor.NR_MODE_OFFSET, spec.mode().value());
        block.putInt(BODY_AT + NmreqRegisterDescriptor.NR_EXTRA_BUFS_OFFSET, extraBuffers);
        block.putLong(BODY_AT + NmreqRegisterDescriptor.NR_FLAGS_OFFSET, flags);

        // Options are linked in the order they sit in the block; the kernel looks them up by type.
        long next = 0;
        if (0 != extmemAddress)
        {
            extmem(spec.extmem().orElseThrow(), extmemAddress, extmemSize);
            next = extmemOptionAddress();
        }
        final OffsetOption offset = spec.offset().orElse(null);
        if (null != offset)
        {
            offsets(offset, next);
            next = offsetsOptionAddress();
        }
        block.putLong(HEADER_AT + NmreqHeaderDescriptor.NR_OPTIONS_OFFSET, next);
    }

    /**
     * {@code NETMAP_REQ_PORT_INFO_GET}: a port's geometry and memory id, without binding the file descriptor.
     *
     * @param kernelName the port, or "" for the memory region {@code nr_mem_id} 0 (the global one) alone.
     */
    void portInfoGet(final String kernelName)
    {
        header(NetmapApi.NETMAP_REQ_PORT_INFO_GET, kernelName);
    }

    /**
     * {@code NETMAP_REQ_POOLS_INFO_GET}: the three object pools of the region a port lives in.
     *
     * @param kernelName the port; netmap looks it up as a registration in mode {@code NR_REG_ALL_NIC} would.
     * @param memId      the region the caller expects, so that a reply about another one can be told.
     */
    void poolsInfoGet(final String kernelName, final int memId)
    {
        header(NetmapApi.NETMAP_REQ_POOLS_INFO_GET, kernelName);
        block.putShort(BODY_AT + NmreqPoolsInfoDescriptor.NR_MEM_ID_OFFSET, (short)memId);
    }

    private void header(final int reqType, final String kernelName)
    {
        final byte[] name = kernelName.getBytes(StandardCharsets.US_ASCII);
        if (name.length >= NmreqHeaderDescriptor.NR_NAME_SIZE)
        {
            throw new IllegalArgumentException("nr_name holds " + (NmreqHeaderDescriptor.NR_NAME_SIZE - 1) +
                " bytes: kernelName=" + kernelName);
        }
        memory.clear();
        offsetsSent = false;
        extmemSent = false;
        block.putShort(HEADER_AT + NmreqHeaderDescriptor.NR_VERSION_OFFSET, (short)NetmapApi.NETMAP_API);
        block.putShort(HEADER_AT + NmreqHeaderDescriptor.NR_REQTYPE_OFFSET, (short)reqType);
        block.putBytes(HEADER_AT + NmreqHeaderDescriptor.NR_NAME_OFFSET, name);
        block.putLong(HEADER_AT + NmreqHeaderDescriptor.NR_BODY_OFFSET, bodyAddress());
    }

    private void offsets(final OffsetOption offset, final long next)
    {
        option(OFFSETS_OPTION_AT, NetmapApi.NETMAP_REQ_OPT_OFFSETS, next);
        // As libnetmap: the largest offset is the initial one; tx_align and min_gap stay 0.
        block.putLong(OFFSETS_OPTION_AT + NmreqOptOffsetsDescriptor.NRO_MAX_OFFSET_OFFSET, offset.maxOffset());
        block.putLong(OFFSETS_OPTION_AT + NmreqOptOffsetsDescriptor.NRO_INITIAL_OFFSET_OFFSET, offset.initial());
        block.putInt(OFFSETS_OPTION_AT + NmreqOptOffsetsDescriptor.NRO_OFFSET_BITS_OFFSET, offset.effectiveBits());
        offsetsSent = true;
    }

    private void extmem(final ExtmemOption extmem, final long usrptr, final long size)
    {
        option(EXTMEM_OPTION_AT, NetmapApi.NETMAP_REQ_OPT_EXTMEM, 0);
        block.putLong(EXTMEM_OPTION_AT + NmreqOptExtmemDescriptor.NRO_USRPTR_OFFSET, usrptr);
        final int info = EXTMEM_OPTION_AT + NmreqOptExtmemDescriptor.NRO_INFO_OFFSET;
        block.putLong(info + NmreqPoolsInfoDescriptor.NR_MEMSIZE_OFFSET, size);
        // A key not given stays 0: the kernel then takes its priv_* defaults, as libnetmap leaves it.
        block.putInt(info + NmreqPoolsInfoDescriptor.NR_IF_POOL_OBJTOTAL_OFFSET, orZero(extmem.ifNum()));
        block.putInt(info + NmreqPoolsInfoDescriptor.NR_IF_POOL_OBJSIZE_OFFSET, orZero(extmem.ifSize()));
        block.putInt(info + NmreqPoolsInfoDescriptor.NR_RING_POOL_OBJTOTAL_OFFSET, orZero(extmem.ringNum()));
        block.putInt(info + NmreqPoolsInfoDescriptor.NR_RING_POOL_OBJSIZE_OFFSET, orZero(extmem.ringSize()));
        block.putInt(info + NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJTOTAL_OFFSET, orZero(extmem.bufNum()));
        block.putInt(info + NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJSIZE_OFFSET, orZero(extmem.bufSize()));
        extmemSent = true;
    }

    private void option(final int at, final int type, final long next)
    {
        block.putLong(at + NmreqOptionDescriptor.NRO_NEXT_OFFSET, next);
        block.putInt(at + NmreqOptionDescriptor.NRO_REQTYPE_OFFSET, type);
        block.putInt(at + NmreqOptionDescriptor.NRO_STATUS_OFFSET, 0);
        block.putLong(at + NmreqOptionDescriptor.NRO_SIZE_OFFSET, 0);
    }

    private static int orZero(final long value)
    {
        return ExtmemOption.NOT_SET == value ? 0 : (int)value;
    }

    // ---------------------------------------------------------------- decoding what the kernel wrote back

    /** @return {@code nr_offset}: where the {@code netmap_if} lies in the region. */
    long registeredNifpOffset()
    {
        return block.getLong(BODY_AT + NmreqRegisterDescriptor.NR_OFFSET_OFFSET);
    }

    /** @return {@code nr_memsize}: bytes to map. */
    long registeredMemsize()
    {
        return block.getLong(BODY_AT + NmreqRegisterDescriptor.NR_MEMSIZE_OFFSET);
    }

    int registeredMemId()
    {
        return block.getShort(BODY_AT + NmreqRegisterDescriptor.NR_MEM_ID_OFFSET) & 0xFFFF;
    }

    /** @return {@code nr_extra_bufs}: how many the kernel granted, possibly fewer than asked. */
    int registeredExtraBuffers()
    {
        return block.getInt(BODY_AT + NmreqRegisterDescriptor.NR_EXTRA_BUFS_OFFSET);
    }

    /** @return one line for logs: rings and slots as the kernel reported them. */
    String registeredGeometry()
    {
        return "tx-rings=" + (block.getShort(BODY_AT + NmreqRegisterDescriptor.NR_TX_RINGS_OFFSET) & 0xFFFF) +
            " rx-rings=" + (block.getShort(BODY_AT + NmreqRegisterDescriptor.NR_RX_RINGS_OFFSET) & 0xFFFF) +
            " host-tx-rings=" + (block.getShort(BODY_AT + NmreqRegisterDescriptor.NR_HOST_TX_RINGS_OFFSET) & 0xFFFF) +
            " host-rx-rings=" + (block.getShort(BODY_AT + NmreqRegisterDescriptor.NR_HOST_RX_RINGS_OFFSET) & 0xFFFF) +
            " tx-slots=" + Integer.toUnsignedString(block.getInt(BODY_AT + NmreqRegisterDescriptor.NR_TX_SLOTS_OFFSET)) +
            " rx-slots=" + Integer.toUnsignedString(block.getInt(BODY_AT + NmreqRegisterDescriptor.NR_RX_SLOTS_OFFSET));
    }

    /** @return {@code nr_mem_id} of a {@code NETMAP_REQ_PORT_INFO_GET} reply. */
    int portInfoMemId()
    {
        return block.getShort(BODY_AT + NmreqPortInfoGetDescriptor.NR_MEM_ID_OFFSET) & 0xFFFF;
    }

    int poolsMemId()
    {
        return block.getShort(BODY_AT + NmreqPoolsInfoDescriptor.NR_MEM_ID_OFFSET) & 0xFFFF;
    }

    long poolsMemsize()
    {
        return block.getLong(BODY_AT + NmreqPoolsInfoDescriptor.NR_MEMSIZE_OFFSET);
    }

    /** @return {@code nr_buf_pool_offset}: buffer 0, from the start of the region. */
    long poolsBufferOffset()
    {
        return block.getLong(BODY_AT + NmreqPoolsInfoDescriptor.NR_BUF_POOL_OFFSET_OFFSET);
    }

    /** @return {@code nr_buf_pool_objtotal} as an unsigned value. */
    long poolsBufferCount()
    {
        return block.getInt(BODY_AT + NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJTOTAL_OFFSET) & 0xFFFF_FFFFL;
    }

    /** @return {@code nr_buf_pool_objsize} as an unsigned value. */
    long poolsBufferSize()
    {
        return block.getInt(BODY_AT + NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJSIZE_OFFSET) & 0xFFFF_FFFFL;
    }

    /**
     * @param type {@code NETMAP_REQ_OPT_OFFSETS} or {@code NETMAP_REQ_OPT_EXTMEM}.
     * @return the option's {@code nro_status} after the call (0 = processed, else an errno), or
     *         {@link #NOT_SENT}.
     */
    int optionStatus(final int type)
    {
        if (NetmapApi.NETMAP_REQ_OPT_OFFSETS == type && offsetsSent)
        {
            return block.getInt(OFFSETS_OPTION_AT + NmreqOptionDescriptor.NRO_STATUS_OFFSET);
        }
        if (NetmapApi.NETMAP_REQ_OPT_EXTMEM == type && extmemSent)
        {
            return block.getInt(EXTMEM_OPTION_AT + NmreqOptionDescriptor.NRO_STATUS_OFFSET);
        }
        return NOT_SENT;
    }

    /** Frees the block now rather than at garbage collection. */
    @Override
    public void close()
    {
        memory.close();
    }
}
