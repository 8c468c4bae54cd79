package org.netmapengine.io.name;

/**
 * The {@code nmreq_register} fields a port name sets: what libnetmap's {@code nmreq_register_decode} fills in.
 *
 * @param mode   {@code nr_mode}.
 * @param ringId {@code nr_ringid}, 0 unless the mode selects one ring.
 * @param flags  {@code nr_flags}, an OR of {@link PortFlag} bits.
 * @param memId  {@code nr_mem_id}, 0 for "let netmap choose".
 */
record Registration(RegMode mode, int ringId, long flags, int memId)
{
}
