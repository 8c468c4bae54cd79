/*
 * The netmap API 14 structs, declared from the field tables of shared/reference/netmap-seeds.md
 * (not from netmap's header), so that gcc's own layout rules (alignment, padding, the hidden hole in
 * nmreq_register) check the Java descriptors independently. Prints "struct.field offset" lines.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/types.h>

struct slot { uint32_t buf_idx; uint16_t len; uint16_t flags; uint64_t ptr; };
struct ring {
    const int64_t buf_ofs; const uint32_t num_slots; const uint32_t nr_buf_size;
    const uint16_t ringid; const uint16_t dir;
    uint32_t head; uint32_t cur; uint32_t tail; uint32_t flags;
    struct timeval ts;
    const uint64_t offset_mask; const uint64_t buf_align;
    uint8_t sem[128] __attribute__((__aligned__(128)));
    struct slot slot[0];
};
struct nif {
    char ni_name[16]; const uint32_t ni_version; const uint32_t ni_flags;
    const uint32_t ni_tx_rings; const uint32_t ni_rx_rings; uint32_t ni_bufs_head;
    const uint32_t ni_host_tx_rings; const uint32_t ni_host_rx_rings; uint32_t ni_spare1[3];
    const ssize_t ring_ofs[0];
};
struct header { uint16_t nr_version; uint16_t nr_reqtype; uint32_t nr_reserved; char nr_name[64];
    uint64_t nr_options; uint64_t nr_body; };
struct reg { uint64_t nr_offset; uint64_t nr_memsize; uint32_t nr_tx_slots; uint32_t nr_rx_slots;
    uint16_t nr_tx_rings; uint16_t nr_rx_rings; uint16_t nr_host_tx_rings; uint16_t nr_host_rx_rings;
    uint16_t nr_mem_id; uint16_t nr_ringid; uint32_t nr_mode; uint32_t nr_extra_bufs; uint64_t nr_flags; };
struct option { uint64_t nro_next; uint32_t nro_reqtype; uint32_t nro_status; uint64_t nro_size; };
struct offsets { struct option nro_opt; uint64_t nro_max_offset; uint64_t nro_initial_offset;
    uint32_t nro_offset_bits; uint32_t nro_tx_align; uint64_t nro_min_gap; };
struct pools { uint64_t nr_memsize; uint16_t nr_mem_id; uint16_t pad1[3];
    uint64_t nr_if_pool_offset; uint32_t nr_if_pool_objtotal; uint32_t nr_if_pool_objsize;
    uint64_t nr_ring_pool_offset; uint32_t nr_ring_pool_objtotal; uint32_t nr_ring_pool_objsize;
    uint64_t nr_buf_pool_offset; uint32_t nr_buf_pool_objtotal; uint32_t nr_buf_pool_objsize; };
struct extmem { struct option nro_opt; uint64_t nro_usrptr; struct pools nro_info; };
struct portinfo { uint64_t nr_memsize; uint32_t nr_tx_slots; uint32_t nr_rx_slots; uint16_t nr_tx_rings;
    uint16_t nr_rx_rings; uint16_t nr_host_tx_rings; uint16_t nr_host_rx_rings; uint16_t nr_mem_id; uint16_t pad[3]; };
struct legacy { char nr_name[16]; uint32_t nr_version; uint32_t nr_offset; uint32_t nr_memsize;
    uint32_t nr_tx_slots; uint32_t nr_rx_slots; uint16_t nr_tx_rings; uint16_t nr_rx_rings; uint16_t nr_ringid;
    uint16_t nr_cmd; uint16_t nr_arg1; uint16_t nr_arg2; uint32_t nr_arg3; uint32_t nr_flags; uint32_t spare2[1]; };

#define F(s, f) printf(#s "." #f " %zu\n", offsetof(struct s, f))
#define S(s) printf(#s ".sizeof %zu\n", sizeof(struct s))

int main(void)
{
    F(slot, buf_idx); F(slot, len); F(slot, flags); F(slot, ptr); S(slot);
    F(ring, buf_ofs); F(ring, num_slots); F(ring, nr_buf_size); F(ring, ringid); F(ring, dir); F(ring, head);
    F(ring, cur); F(ring, tail); F(ring, flags); F(ring, ts); F(ring, offset_mask); F(ring, buf_align);
    F(ring, sem); F(ring, slot); S(ring);
    F(nif, ni_name); F(nif, ni_version); F(nif, ni_flags); F(nif, ni_tx_rings); F(nif, ni_rx_rings);
    F(nif, ni_bufs_head); F(nif, ni_host_tx_rings); F(nif, ni_host_rx_rings); F(nif, ni_spare1); F(nif, ring_ofs); S(nif);
    F(header, nr_version); F(header, nr_reqtype); F(header, nr_reserved); F(header, nr_name); F(header, nr_options);
    F(header, nr_body); S(header);
    F(reg, nr_offset); F(reg, nr_memsize); F(reg, nr_tx_slots); F(reg, nr_rx_slots); F(reg, nr_tx_rings);
    F(reg, nr_rx_rings); F(reg, nr_host_tx_rings); F(reg, nr_host_rx_rings); F(reg, nr_mem_id); F(reg, nr_ringid);
    F(reg, nr_mode); F(reg, nr_extra_bufs); F(reg, nr_flags); S(reg);
    F(option, nro_next); F(option, nro_reqtype); F(option, nro_status); F(option, nro_size); S(option);
    F(offsets, nro_max_offset); F(offsets, nro_initial_offset); F(offsets, nro_offset_bits); F(offsets, nro_tx_align);
    F(offsets, nro_min_gap); S(offsets);
    F(pools, nr_memsize); F(pools, nr_mem_id); F(pools, nr_if_pool_offset); F(pools, nr_if_pool_objtotal);
    F(pools, nr_if_pool_objsize); F(pools, nr_ring_pool_offset); F(pools, nr_ring_pool_objtotal);
    F(pools, nr_ring_pool_objsize); F(pools, nr_buf_pool_offset); F(pools, nr_buf_pool_objtotal);
    F(pools, nr_buf_pool_objsize); S(pools);
    F(extmem, nro_usrptr); F(extmem, nro_info); S(extmem);
    F(portinfo, nr_memsize); F(portinfo, nr_tx_slots); F(portinfo, nr_rx_slots); F(portinfo, nr_tx_rings);
    F(portinfo, nr_rx_rings); F(portinfo, nr_host_tx_rings); F(portinfo, nr_host_rx_rings); F(portinfo, nr_mem_id);
    S(portinfo);
    F(legacy, nr_name); F(legacy, nr_version); F(legacy, nr_offset); F(legacy, nr_memsize); F(legacy, nr_tx_slots);
    F(legacy, nr_rx_slots); F(legacy, nr_tx_rings); F(legacy, nr_rx_rings); F(legacy, nr_ringid); F(legacy, nr_cmd);
    F(legacy, nr_arg1); F(legacy, nr_arg2); F(legacy, nr_arg3); F(legacy, nr_flags); F(legacy, spare2); S(legacy);
    return 0;
}
