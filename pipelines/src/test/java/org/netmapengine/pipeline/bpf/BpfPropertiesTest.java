package org.netmapengine.pipeline.bpf;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.concurrent.UnsafeBuffer;
import org.netmapengine.pipeline.testing.AdversarialFrames;

/**
 * Arbitrary instruction sequences either fail validation with an IllegalArgumentException or run to a return on
 * any packet: no exception, no loop, no read outside the packet or the scratch memory.
 */
class BpfPropertiesTest
{
    private static final int[] CODES = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0C, 0x0D, 0x10, 0x14, 0x15, 0x16, 0x1C, 0x1D, 0x20,
        0x24, 0x25, 0x28, 0x2C, 0x2D, 0x30, 0x34, 0x35, 0x3C, 0x3D, 0x40, 0x44, 0x45, 0x48, 0x4C, 0x4D, 0x50, 0x54,
        0x5C, 0x60, 0x61, 0x64, 0x6C, 0x74, 0x7C, 0x80, 0x81, 0x84, 0x87, 0x94, 0x9C, 0xA4, 0xAC, 0xB1, 0x16, 0xFF };

    @Property(tries = 3000)
    void shouldRejectOrRunAnyProgramOnAnyPacket(
        @ForAll("programs") final int[] fours, @ForAll("packets") final byte[] packet)
    {
        final BpfProgram program;
        try
        {
            program = BpfProgram.of(fours);
        }
        catch (final IllegalArgumentException e)
        {
            return;
        }
        // Ends, whatever it returns: every jump goes forward and every load is checked.
        new BpfMachine(program).run(new UnsafeBuffer(packet), packet.length, packet.length);
    }

    @Provide
    Arbitrary<int[]> programs()
    {
        final Arbitrary<int[]> instruction = Arbitraries.integers().between(0, CODES.length - 1).flatMap(c ->
            Arbitraries.integers().between(0, 3).flatMap(jt ->
                Arbitraries.integers().between(0, 3).flatMap(jf ->
                    Arbitraries.oneOf(Arbitraries.integers().between(-2, 70), Arbitraries.integers())
                        .map(k -> new int[]{ CODES[c], jt, jf, k }))));
        return instruction.list().ofMinSize(1).ofMaxSize(12).map(list ->
        {
            final int[] fours = new int[list.size() * 4 + 4];
            for (int i = 0; i < list.size(); i++)
            {
                System.arraycopy(list.get(i), 0, fours, 4 * i, 4);
            }
            fours[fours.length - 4] = BpfDescriptor.RET | BpfDescriptor.A;
            return fours;
        });
    }

    @Provide
    Arbitrary<byte[]> packets()
    {
        return AdversarialFrames.any();
    }
}
