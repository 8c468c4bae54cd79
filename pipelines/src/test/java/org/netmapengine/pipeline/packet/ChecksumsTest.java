package org.netmapengine.pipeline.packet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.netmapengine.pipeline.PacketView;
import org.netmapengine.pipeline.testing.Frames;
import org.netmapengine.pipeline.testing.OffHeapBatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChecksumsTest
{
    @Test
    void shouldUpdateAsRfc1624Example()
    {
        // RFC 1624 section 4: HC = 0xDD2F, m = 0x5555 -> m' = 0x3285 gives HC' = 0x0000.
        assertEquals(0x0000, Checksums.update16(0xDD2F, 0x5555, 0x3285));
    }

    @Test
    void shouldLeaveAnAbsentUdpChecksumAbsent()
    {
        assertEquals(0, Checksums.updateUdp32(0, 0x0A000001L, 0xC0A80001L));
    }

    @Test
    void shouldSendAZeroUdpChecksumAsAllOnes()
    {
        // ~(~0xFFFF + ~0 + ~0 + 0 + 0) folds to ~0xFFFF = 0, which UDP sends as 0xFFFF.
        assertEquals(0, Checksums.update32(0xFFFF, 0L, 0L));
        assertEquals(0xFFFF, Checksums.updateUdp32(0xFFFF, 0L, 0L));
    }

    @Property(tries = 1000)
    void shouldKeepAnIpv4HeaderValidWhenTheTtlChanges(
        @ForAll @Size(4) final byte[] source, @ForAll @IntRange(min = 0, max = 255) final int ttl)
    {
        final byte[] header = Frames.ipv4(Frames.get32(source, 0), 0x0A000002, 17, new byte[0]);
        final OffHeapBatch batch = OffHeapBatch.of(header);
        final PacketView view = new PacketView().wrap(batch.batch(), 0);
        final int oldWord = view.u16(8);
        view.u8(8, ttl);

        view.u16(10, Checksums.update16(view.u16(10), oldWord, view.u16(8)));

        assertEquals(0xFFFF, Checksums.sum(view, 0, 20));
    }

    @Property(tries = 1000)
    void shouldKeepAnIpv4HeaderValidWhenAnAddressChanges(
        @ForAll final int source, @ForAll final int destination, @ForAll final int newSource)
    {
        final byte[] header = Frames.ipv4(source, destination, 6, new byte[0]);
        final OffHeapBatch batch = OffHeapBatch.of(header);
        final PacketView view = new PacketView().wrap(batch.batch(), 0);
        final long old = view.u32(12);
        view.u32(12, newSource & 0xFFFF_FFFFL);

        view.u16(10, Checksums.update32(view.u16(10), old, view.u32(12)));

        assertEquals(0xFFFF, Checksums.sum(view, 0, 20));
    }

    @Test
    void shouldWriteAnIpv4HeaderChecksum()
    {
        final byte[] header = Frames.ipv4(6, new byte[0]);
        final OffHeapBatch batch = OffHeapBatch.of(Frames.with16(header, 10, 0x1234));
        final PacketView view = new PacketView().wrap(batch.batch(), 0);

        Checksums.writeIpv4(view, 0, 20);

        assertEquals(Frames.get16(header, 10), view.u16(10));
    }
}
