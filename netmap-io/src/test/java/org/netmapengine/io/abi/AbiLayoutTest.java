package org.netmapengine.io.abi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every offset and size of the API 14 structs against the golden values of
 * {@code shared/reference/netmap-seeds.md} (sections 1.3, 1.5, 1.7, 1.11, 2.1-2.5), which were checked
 * there with gcc on x86_64.
 */
class AbiLayoutTest
{
    static Stream<Arguments> offsets()
    {
        return Stream.of(
            // netmap_slot (1.3)
            arguments("netmap_slot.buf_idx", NetmapSlotDescriptor.BUF_IDX_OFFSET, 0),
            arguments("netmap_slot.len", NetmapSlotDescriptor.LEN_OFFSET, 4),
            arguments("netmap_slot.flags", NetmapSlotDescriptor.FLAGS_OFFSET, 6),
            arguments("netmap_slot.ptr", NetmapSlotDescriptor.PTR_OFFSET, 8),
            arguments("sizeof(netmap_slot)", NetmapSlotDescriptor.SIZE, 16),
            // netmap_ring (1.5, 2.6)
            arguments("netmap_ring.buf_ofs", NetmapRingDescriptor.BUF_OFS_OFFSET, 0),
            arguments("netmap_ring.num_slots", NetmapRingDescriptor.NUM_SLOTS_OFFSET, 8),
            arguments("netmap_ring.nr_buf_size", NetmapRingDescriptor.NR_BUF_SIZE_OFFSET, 12),
            arguments("netmap_ring.ringid", NetmapRingDescriptor.RINGID_OFFSET, 16),
            arguments("netmap_ring.dir", NetmapRingDescriptor.DIR_OFFSET, 18),
            arguments("netmap_ring.head", NetmapRingDescriptor.HEAD_OFFSET, 20),
            arguments("netmap_ring.cur", NetmapRingDescriptor.CUR_OFFSET, 24),
            arguments("netmap_ring.tail", NetmapRingDescriptor.TAIL_OFFSET, 28),
            arguments("netmap_ring.flags", NetmapRingDescriptor.FLAGS_OFFSET, 32),
            arguments("netmap_ring.ts", NetmapRingDescriptor.TS_SEC_OFFSET, 40),
            arguments("netmap_ring.ts.tv_usec", NetmapRingDescriptor.TS_USEC_OFFSET, 48),
            arguments("netmap_ring.offset_mask", NetmapRingDescriptor.OFFSET_MASK_OFFSET, 56),
            arguments("netmap_ring.buf_align", NetmapRingDescriptor.BUF_ALIGN_OFFSET, 64),
            arguments("netmap_ring.sem", NetmapRingDescriptor.SEM_OFFSET, 128),
            arguments("netmap_ring.slot", NetmapRingDescriptor.SLOTS_OFFSET, 256),
            arguments("sizeof(netmap_ring)", NetmapRingDescriptor.HEADER_SIZE, 256),
            arguments("netmap_ring slot 3", NetmapRingDescriptor.slotOffset(3), 256 + 48),
            arguments("netmap_ring footprint(1024)", NetmapRingDescriptor.footprint(1024), 256 + 16 * 1024),
            // netmap_if (1.7, 2.6)
            arguments("netmap_if.ni_name", NetmapIfDescriptor.NI_NAME_OFFSET, 0),
            arguments("netmap_if.ni_version", NetmapIfDescriptor.NI_VERSION_OFFSET, 16),
            arguments("netmap_if.ni_flags", NetmapIfDescriptor.NI_FLAGS_OFFSET, 20),
            arguments("netmap_if.ni_tx_rings", NetmapIfDescriptor.NI_TX_RINGS_OFFSET, 24),
            arguments("netmap_if.ni_rx_rings", NetmapIfDescriptor.NI_RX_RINGS_OFFSET, 28),
            arguments("netmap_if.ni_bufs_head", NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET, 32),
            arguments("netmap_if.ni_host_tx_rings", NetmapIfDescriptor.NI_HOST_TX_RINGS_OFFSET, 36),
            arguments("netmap_if.ni_host_rx_rings", NetmapIfDescriptor.NI_HOST_RX_RINGS_OFFSET, 40),
            arguments("netmap_if.ni_spare1", NetmapIfDescriptor.NI_SPARE1_OFFSET, 44),
            arguments("netmap_if.ring_ofs", NetmapIfDescriptor.RING_OFS_OFFSET, 56),
            arguments("sizeof(netmap_if)", NetmapIfDescriptor.SIZE, 56),
            arguments("netmap_if.ring_ofs[2]", NetmapIfDescriptor.ringOfsOffset(2), 72),
            // nmreq_header (2.1)
            arguments("nmreq_header.nr_version", NmreqHeaderDescriptor.NR_VERSION_OFFSET, 0),
            arguments("nmreq_header.nr_reqtype", NmreqHeaderDescriptor.NR_REQTYPE_OFFSET, 2),
            arguments("nmreq_header.nr_reserved", NmreqHeaderDescriptor.NR_RESERVED_OFFSET, 4),
            arguments("nmreq_header.nr_name", NmreqHeaderDescriptor.NR_NAME_OFFSET, 8),
            arguments("nmreq_header.nr_name size", NmreqHeaderDescriptor.NR_NAME_SIZE, 64),
            arguments("nmreq_header.nr_options", NmreqHeaderDescriptor.NR_OPTIONS_OFFSET, 72),
            arguments("nmreq_header.nr_body", NmreqHeaderDescriptor.NR_BODY_OFFSET, 80),
            arguments("sizeof(nmreq_header)", NmreqHeaderDescriptor.SIZE, 88),
            // nmreq_register (2.4)
            arguments("nmreq_register.nr_offset", NmreqRegisterDescriptor.NR_OFFSET_OFFSET, 0),
            arguments("nmreq_register.nr_memsize", NmreqRegisterDescriptor.NR_MEMSIZE_OFFSET, 8),
            arguments("nmreq_register.nr_tx_slots", NmreqRegisterDescriptor.NR_TX_SLOTS_OFFSET, 16),
            arguments("nmreq_register.nr_rx_slots", NmreqRegisterDescriptor.NR_RX_SLOTS_OFFSET, 20),
            arguments("nmreq_register.nr_tx_rings", NmreqRegisterDescriptor.NR_TX_RINGS_OFFSET, 24),
            arguments("nmreq_register.nr_rx_rings", NmreqRegisterDescriptor.NR_RX_RINGS_OFFSET, 26),
            arguments("nmreq_register.nr_host_tx_rings", NmreqRegisterDescriptor.NR_HOST_TX_RINGS_OFFSET, 28),
            arguments("nmreq_register.nr_host_rx_rings", NmreqRegisterDescriptor.NR_HOST_RX_RINGS_OFFSET, 30),
            arguments("nmreq_register.nr_mem_id", NmreqRegisterDescriptor.NR_MEM_ID_OFFSET, 32),
            arguments("nmreq_register.nr_ringid", NmreqRegisterDescriptor.NR_RINGID_OFFSET, 34),
            arguments("nmreq_register.nr_mode", NmreqRegisterDescriptor.NR_MODE_OFFSET, 36),
            arguments("nmreq_register.nr_extra_bufs", NmreqRegisterDescriptor.NR_EXTRA_BUFS_OFFSET, 40),
            arguments("nmreq_register (hole)", NmreqRegisterDescriptor.PADDING_OFFSET, 44),
            arguments("nmreq_register.nr_flags", NmreqRegisterDescriptor.NR_FLAGS_OFFSET, 48),
            arguments("sizeof(nmreq_register)", NmreqRegisterDescriptor.SIZE, 56),
            // nmreq_option (2.2)
            arguments("nmreq_option.nro_next", NmreqOptionDescriptor.NRO_NEXT_OFFSET, 0),
            arguments("nmreq_option.nro_reqtype", NmreqOptionDescriptor.NRO_REQTYPE_OFFSET, 8),
            arguments("nmreq_option.nro_status", NmreqOptionDescriptor.NRO_STATUS_OFFSET, 12),
            arguments("nmreq_option.nro_size", NmreqOptionDescriptor.NRO_SIZE_OFFSET, 16),
            arguments("sizeof(nmreq_option)", NmreqOptionDescriptor.SIZE, 24),
            // nmreq_opt_offsets (2.5)
            arguments("nmreq_opt_offsets.nro_max_offset", NmreqOptOffsetsDescriptor.NRO_MAX_OFFSET_OFFSET, 24),
            arguments("nmreq_opt_offsets.nro_initial_offset", NmreqOptOffsetsDescriptor.NRO_INITIAL_OFFSET_OFFSET, 32),
            arguments("nmreq_opt_offsets.nro_offset_bits", NmreqOptOffsetsDescriptor.NRO_OFFSET_BITS_OFFSET, 40),
            arguments("nmreq_opt_offsets.nro_tx_align", NmreqOptOffsetsDescriptor.NRO_TX_ALIGN_OFFSET, 44),
            arguments("nmreq_opt_offsets.nro_min_gap", NmreqOptOffsetsDescriptor.NRO_MIN_GAP_OFFSET, 48),
            arguments("sizeof(nmreq_opt_offsets)", NmreqOptOffsetsDescriptor.SIZE, 56),
            // nmreq_opt_extmem (2.5)
            arguments("nmreq_opt_extmem.nro_usrptr", NmreqOptExtmemDescriptor.NRO_USRPTR_OFFSET, 24),
            arguments("nmreq_opt_extmem.nro_info", NmreqOptExtmemDescriptor.NRO_INFO_OFFSET, 32),
            arguments("sizeof(nmreq_opt_extmem)", NmreqOptExtmemDescriptor.SIZE, 96),
            // nmreq_pools_info (2.4)
            arguments("nmreq_pools_info.nr_memsize", NmreqPoolsInfoDescriptor.NR_MEMSIZE_OFFSET, 0),
            arguments("nmreq_pools_info.nr_mem_id", NmreqPoolsInfoDescriptor.NR_MEM_ID_OFFSET, 8),
            arguments("nmreq_pools_info.nr_if_pool_offset", NmreqPoolsInfoDescriptor.NR_IF_POOL_OFFSET_OFFSET, 16),
            arguments("nmreq_pools_info.nr_if_pool_objtotal", NmreqPoolsInfoDescriptor.NR_IF_POOL_OBJTOTAL_OFFSET, 24),
            arguments("nmreq_pools_info.nr_if_pool_objsize", NmreqPoolsInfoDescriptor.NR_IF_POOL_OBJSIZE_OFFSET, 28),
            arguments("nmreq_pools_info.nr_ring_pool_offset", NmreqPoolsInfoDescriptor.NR_RING_POOL_OFFSET_OFFSET, 32),
            arguments("nmreq_pools_info.nr_ring_pool_objtotal", NmreqPoolsInfoDescriptor.NR_RING_POOL_OBJTOTAL_OFFSET, 40),
            arguments("nmreq_pools_info.nr_ring_pool_objsize", NmreqPoolsInfoDescriptor.NR_RING_POOL_OBJSIZE_OFFSET, 44),
            arguments("nmreq_pools_info.nr_buf_pool_offset", NmreqPoolsInfoDescriptor.NR_BUF_POOL_OFFSET_OFFSET, 48),
            arguments("nmreq_pools_info.nr_buf_pool_objtotal", NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJTOTAL_OFFSET, 56),
            arguments("nmreq_pools_info.nr_buf_pool_objsize", NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJSIZE_OFFSET, 60),
            arguments("sizeof(nmreq_pools_info)", NmreqPoolsInfoDescriptor.SIZE, 64),
            // nmreq_port_info_get (2.4)
            arguments("nmreq_port_info_get.nr_memsize", NmreqPortInfoGetDescriptor.NR_MEMSIZE_OFFSET, 0),
            arguments("nmreq_port_info_get.nr_tx_slots", NmreqPortInfoGetDescriptor.NR_TX_SLOTS_OFFSET, 8),
            arguments("nmreq_port_info_get.nr_rx_slots", NmreqPortInfoGetDescriptor.NR_RX_SLOTS_OFFSET, 12),
            arguments("nmreq_port_info_get.nr_tx_rings", NmreqPortInfoGetDescriptor.NR_TX_RINGS_OFFSET, 16),
            arguments("nmreq_port_info_get.nr_rx_rings", NmreqPortInfoGetDescriptor.NR_RX_RINGS_OFFSET, 18),
            arguments("nmreq_port_info_get.nr_host_tx_rings", NmreqPortInfoGetDescriptor.NR_HOST_TX_RINGS_OFFSET, 20),
            arguments("nmreq_port_info_get.nr_host_rx_rings", NmreqPortInfoGetDescriptor.NR_HOST_RX_RINGS_OFFSET, 22),
            arguments("nmreq_port_info_get.nr_mem_id", NmreqPortInfoGetDescriptor.NR_MEM_ID_OFFSET, 24),
            arguments("sizeof(nmreq_port_info_get)", NmreqPortInfoGetDescriptor.SIZE, 32),
            // legacy nmreq (1.11)
            arguments("nmreq.nr_name", NmreqLegacyDescriptor.NR_NAME_OFFSET, 0),
            arguments("nmreq.nr_version", NmreqLegacyDescriptor.NR_VERSION_OFFSET, 16),
            arguments("nmreq.nr_offset", NmreqLegacyDescriptor.NR_OFFSET_OFFSET, 20),
            arguments("nmreq.nr_memsize", NmreqLegacyDescriptor.NR_MEMSIZE_OFFSET, 24),
            arguments("nmreq.nr_tx_slots", NmreqLegacyDescriptor.NR_TX_SLOTS_OFFSET, 28),
            arguments("nmreq.nr_rx_slots", NmreqLegacyDescriptor.NR_RX_SLOTS_OFFSET, 32),
            arguments("nmreq.nr_tx_rings", NmreqLegacyDescriptor.NR_TX_RINGS_OFFSET, 36),
            arguments("nmreq.nr_rx_rings", NmreqLegacyDescriptor.NR_RX_RINGS_OFFSET, 38),
            arguments("nmreq.nr_ringid", NmreqLegacyDescriptor.NR_RINGID_OFFSET, 40),
            arguments("nmreq.nr_cmd", NmreqLegacyDescriptor.NR_CMD_OFFSET, 42),
            arguments("nmreq.nr_arg1", NmreqLegacyDescriptor.NR_ARG1_OFFSET, 44),
            arguments("nmreq.nr_arg2", NmreqLegacyDescriptor.NR_ARG2_OFFSET, 46),
            arguments("nmreq.nr_arg3", NmreqLegacyDescriptor.NR_ARG3_OFFSET, 48),
            arguments("nmreq.nr_flags", NmreqLegacyDescriptor.NR_FLAGS_OFFSET, 52),
            arguments("nmreq.spare2", NmreqLegacyDescriptor.SPARE2_OFFSET, 56),
            arguments("sizeof(nmreq)", NmreqLegacyDescriptor.SIZE, 60));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("offsets")
    void shouldMatchTheSeedLayout(final String field, final int actual, final int expected)
    {
        assertEquals(expected, actual, field);
    }
}
