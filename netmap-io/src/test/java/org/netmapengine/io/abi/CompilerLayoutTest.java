package org.netmapengine.io.abi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * gcc lays out the API 14 structs (declared in {@code abi/layout.c} from the seed tables) and the Java
 * descriptors must agree with every offset and size it prints: a check of the padding rules that does not
 * rest on our own arithmetic.
 */
class CompilerLayoutTest
{
    @TempDir
    static Path dir;

    private static Map<String, Long> GCC;

    @BeforeAll
    static void compileAndRun() throws IOException, InterruptedException
    {
        GCC = GccLayout.measure("/abi/layout.c", dir);
    }

    @Test
    void shouldAgreeWithGccOnEveryOffsetAndSize()
    {
        final Map<String, Integer> java = new LinkedHashMap<>();
        java.put("slot.buf_idx", NetmapSlotDescriptor.BUF_IDX_OFFSET);
        java.put("slot.len", NetmapSlotDescriptor.LEN_OFFSET);
        java.put("slot.flags", NetmapSlotDescriptor.FLAGS_OFFSET);
        java.put("slot.ptr", NetmapSlotDescriptor.PTR_OFFSET);
        java.put("slot.sizeof", NetmapSlotDescriptor.SIZE);
        java.put("ring.buf_ofs", NetmapRingDescriptor.BUF_OFS_OFFSET);
        java.put("ring.num_slots", NetmapRingDescriptor.NUM_SLOTS_OFFSET);
        java.put("ring.nr_buf_size", NetmapRingDescriptor.NR_BUF_SIZE_OFFSET);
        java.put("ring.ringid", NetmapRingDescriptor.RINGID_OFFSET);
        java.put("ring.dir", NetmapRingDescriptor.DIR_OFFSET);
        java.put("ring.head", NetmapRingDescriptor.HEAD_OFFSET);
        java.put("ring.cur", NetmapRingDescriptor.CUR_OFFSET);
        java.put("ring.tail", NetmapRingDescriptor.TAIL_OFFSET);
        java.put("ring.flags", NetmapRingDescriptor.FLAGS_OFFSET);
        java.put("ring.ts", NetmapRingDescriptor.TS_SEC_OFFSET);
        java.put("ring.offset_mask", NetmapRingDescriptor.OFFSET_MASK_OFFSET);
        java.put("ring.buf_align", NetmapRingDescriptor.BUF_ALIGN_OFFSET);
        java.put("ring.sem", NetmapRingDescriptor.SEM_OFFSET);
        java.put("ring.slot", NetmapRingDescriptor.SLOTS_OFFSET);
        java.put("ring.sizeof", NetmapRingDescriptor.HEADER_SIZE);
        java.put("nif.ni_name", NetmapIfDescriptor.NI_NAME_OFFSET);
        java.put("nif.ni_version", NetmapIfDescriptor.NI_VERSION_OFFSET);
        java.put("nif.ni_flags", NetmapIfDescriptor.NI_FLAGS_OFFSET);
        java.put("nif.ni_tx_rings", NetmapIfDescriptor.NI_TX_RINGS_OFFSET);
        java.put("nif.ni_rx_rings", NetmapIfDescriptor.NI_RX_RINGS_OFFSET);
        java.put("nif.ni_bufs_head", NetmapIfDescriptor.NI_BUFS_HEAD_OFFSET);
        java.put("nif.ni_host_tx_rings", NetmapIfDescriptor.NI_HOST_TX_RINGS_OFFSET);
        java.put("nif.ni_host_rx_rings", NetmapIfDescriptor.NI_HOST_RX_RINGS_OFFSET);
        java.put("nif.ni_spare1", NetmapIfDescriptor.NI_SPARE1_OFFSET);
        java.put("nif.ring_ofs", NetmapIfDescriptor.RING_OFS_OFFSET);
        java.put("nif.sizeof", NetmapIfDescriptor.SIZE);
        java.put("header.nr_version", NmreqHeaderDescriptor.NR_VERSION_OFFSET);
        java.put("header.nr_reqtype", NmreqHeaderDescriptor.NR_REQTYPE_OFFSET);
        java.put("header.nr_reserved", NmreqHeaderDescriptor.NR_RESERVED_OFFSET);
        java.put("header.nr_name", NmreqHeaderDescriptor.NR_NAME_OFFSET);
        java.put("header.nr_options", NmreqHeaderDescriptor.NR_OPTIONS_OFFSET);
        java.put("header.nr_body", NmreqHeaderDescriptor.NR_BODY_OFFSET);
        java.put("header.sizeof", NmreqHeaderDescriptor.SIZE);
        java.put("reg.nr_offset", NmreqRegisterDescriptor.NR_OFFSET_OFFSET);
        java.put("reg.nr_memsize", NmreqRegisterDescriptor.NR_MEMSIZE_OFFSET);
        java.put("reg.nr_tx_slots", NmreqRegisterDescriptor.NR_TX_SLOTS_OFFSET);
        java.put("reg.nr_rx_slots", NmreqRegisterDescriptor.NR_RX_SLOTS_OFFSET);
        java.put("reg.nr_tx_rings", NmreqRegisterDescriptor.NR_TX_RINGS_OFFSET);
        java.put("reg.nr_rx_rings", NmreqRegisterDescriptor.NR_RX_RINGS_OFFSET);
        java.put("reg.nr_host_tx_rings", NmreqRegisterDescriptor.NR_HOST_TX_RINGS_OFFSET);
        java.put("reg.nr_host_rx_rings", NmreqRegisterDescriptor.NR_HOST_RX_RINGS_OFFSET);
        java.put("reg.nr_mem_id", NmreqRegisterDescriptor.NR_MEM_ID_OFFSET);
        java.put("reg.nr_ringid", NmreqRegisterDescriptor.NR_RINGID_OFFSET);
        java.put("reg.nr_mode", NmreqRegisterDescriptor.NR_MODE_OFFSET);
        java.put("reg.nr_extra_bufs", NmreqRegisterDescriptor.NR_EXTRA_BUFS_OFFSET);
        java.put("reg.nr_flags", NmreqRegisterDescriptor.NR_FLAGS_OFFSET);
        java.put("reg.sizeof", NmreqRegisterDescriptor.SIZE);
        java.put("option.nro_next", NmreqOptionDescriptor.NRO_NEXT_OFFSET);
        java.put("option.nro_reqtype", NmreqOptionDescriptor.NRO_REQTYPE_OFFSET);
        java.put("option.nro_status", NmreqOptionDescriptor.NRO_STATUS_OFFSET);
        java.put("option.nro_size", NmreqOptionDescriptor.NRO_SIZE_OFFSET);
        java.put("option.sizeof", NmreqOptionDescriptor.SIZE);
        java.put("offsets.nro_max_offset", NmreqOptOffsetsDescriptor.NRO_MAX_OFFSET_OFFSET);
        java.put("offsets.nro_initial_offset", NmreqOptOffsetsDescriptor.NRO_INITIAL_OFFSET_OFFSET);
        java.put("offsets.nro_offset_bits", NmreqOptOffsetsDescriptor.NRO_OFFSET_BITS_OFFSET);
        java.put("offsets.nro_tx_align", NmreqOptOffsetsDescriptor.NRO_TX_ALIGN_OFFSET);
        java.put("offsets.nro_min_gap", NmreqOptOffsetsDescriptor.NRO_MIN_GAP_OFFSET);
        java.put("offsets.sizeof", NmreqOptOffsetsDescriptor.SIZE);
        java.put("pools.nr_memsize", NmreqPoolsInfoDescriptor.NR_MEMSIZE_OFFSET);
        java.put("pools.nr_mem_id", NmreqPoolsInfoDescriptor.NR_MEM_ID_OFFSET);
        java.put("pools.nr_if_pool_offset", NmreqPoolsInfoDescriptor.NR_IF_POOL_OFFSET_OFFSET);
        java.put("pools.nr_if_pool_objtotal", NmreqPoolsInfoDescriptor.NR_IF_POOL_OBJTOTAL_OFFSET);
        java.put("pools.nr_if_pool_objsize", NmreqPoolsInfoDescriptor.NR_IF_POOL_OBJSIZE_OFFSET);
        java.put("pools.nr_ring_pool_offset", NmreqPoolsInfoDescriptor.NR_RING_POOL_OFFSET_OFFSET);
        java.put("pools.nr_ring_pool_objtotal", NmreqPoolsInfoDescriptor.NR_RING_POOL_OBJTOTAL_OFFSET);
        java.put("pools.nr_ring_pool_objsize", NmreqPoolsInfoDescriptor.NR_RING_POOL_OBJSIZE_OFFSET);
        java.put("pools.nr_buf_pool_offset", NmreqPoolsInfoDescriptor.NR_BUF_POOL_OFFSET_OFFSET);
        java.put("pools.nr_buf_pool_objtotal", NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJTOTAL_OFFSET);
        java.put("pools.nr_buf_pool_objsize", NmreqPoolsInfoDescriptor.NR_BUF_POOL_OBJSIZE_OFFSET);
        java.put("pools.sizeof", NmreqPoolsInfoDescriptor.SIZE);
        java.put("extmem.nro_usrptr", NmreqOptExtmemDescriptor.NRO_USRPTR_OFFSET);
        java.put("extmem.nro_info", NmreqOptExtmemDescriptor.NRO_INFO_OFFSET);
        java.put("extmem.sizeof", NmreqOptExtmemDescriptor.SIZE);
        java.put("portinfo.nr_memsize", NmreqPortInfoGetDescriptor.NR_MEMSIZE_OFFSET);
        java.put("portinfo.nr_tx_slots", NmreqPortInfoGetDescriptor.NR_TX_SLOTS_OFFSET);
        java.put("portinfo.nr_rx_slots", NmreqPortInfoGetDescriptor.NR_RX_SLOTS_OFFSET);
        java.put("portinfo.nr_tx_rings", NmreqPortInfoGetDescriptor.NR_TX_RINGS_OFFSET);
        java.put("portinfo.nr_rx_rings", NmreqPortInfoGetDescriptor.NR_RX_RINGS_OFFSET);
        java.put("portinfo.nr_host_tx_rings", NmreqPortInfoGetDescriptor.NR_HOST_TX_RINGS_OFFSET);
        java.put("portinfo.nr_host_rx_rings", NmreqPortInfoGetDescriptor.NR_HOST_RX_RINGS_OFFSET);
        java.put("portinfo.nr_mem_id", NmreqPortInfoGetDescriptor.NR_MEM_ID_OFFSET);
        java.put("portinfo.sizeof", NmreqPortInfoGetDescriptor.SIZE);
        java.put("legacy.nr_name", NmreqLegacyDescriptor.NR_NAME_OFFSET);
        java.put("legacy.nr_version", NmreqLegacyDescriptor.NR_VERSION_OFFSET);
        java.put("legacy.nr_offset", NmreqLegacyDescriptor.NR_OFFSET_OFFSET);
        java.put("legacy.nr_memsize", NmreqLegacyDescriptor.NR_MEMSIZE_OFFSET);
        java.put("legacy.nr_tx_slots", NmreqLegacyDescriptor.NR_TX_SLOTS_OFFSET);
        java.put("legacy.nr_rx_slots", NmreqLegacyDescriptor.NR_RX_SLOTS_OFFSET);
        java.put("legacy.nr_tx_rings", NmreqLegacyDescriptor.NR_TX_RINGS_OFFSET);
        java.put("legacy.nr_rx_rings", NmreqLegacyDescriptor.NR_RX_RINGS_OFFSET);
        java.put("legacy.nr_ringid", NmreqLegacyDescriptor.NR_RINGID_OFFSET);
        java.put("legacy.nr_cmd", NmreqLegacyDescriptor.NR_CMD_OFFSET);
        java.put("legacy.nr_arg1", NmreqLegacyDescriptor.NR_ARG1_OFFSET);
        java.put("legacy.nr_arg2", NmreqLegacyDescriptor.NR_ARG2_OFFSET);
        java.put("legacy.nr_arg3", NmreqLegacyDescriptor.NR_ARG3_OFFSET);
        java.put("legacy.nr_flags", NmreqLegacyDescriptor.NR_FLAGS_OFFSET);
        java.put("legacy.spare2", NmreqLegacyDescriptor.SPARE2_OFFSET);
        java.put("legacy.sizeof", NmreqLegacyDescriptor.SIZE);

        assertEquals(GCC.keySet(), java.keySet(), "every field gcc printed has a Java counterpart");
        java.forEach((field, offset) -> assertEquals(GCC.get(field), (long)offset, field));
    }
}
