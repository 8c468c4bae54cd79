package org.netmapengine.io.kernel;

import org.junit.jupiter.api.Test;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.KernelMemoryImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The NETMAP_REQ_REGISTER the kernel receives, byte for byte: header and body built here from the literal offsets
 * of netmap-seeds.md §2.1/§2.4/§2.5; pointers compared with the addresses of the request block the backend used.
 * Every port asks for NR_NO_TX_POLL (0x20000) on top of its name's flags.
 */
class RegisterEncodingTest
{
    private static final long NR_NO_TX_POLL = 0x20000L;

    private final StandInKernel kernel = new StandInKernel();
    private final KernelBackend backend =
        new KernelBackend(kernel, StandInKernel.DEVICE, new MappedRegions(), StandInKernel.NUMBERS);

    @Test
    void shouldRegisterAllNicRingsOfAnInterface()
    {
        final StandInKernel.Control sent = open("netmap:eth0", PortOptions.DEFAULT);

        assertHeader(sent, "eth0", 0);
        assertArrayEquals(ExpectedBytes.register(1, 0, 0, 0, NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldRegisterOneNicRingPairForReceiveOnly()
    {
        final StandInKernel.Control sent = open("netmap:eth0-3/R", PortOptions.DEFAULT);

        assertHeader(sent, "eth0", 0);
        assertArrayEquals(ExpectedBytes.register(4, 3, 0, 0, 0x2000L | NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldRegisterTheHostRingsOnly()
    {
        final StandInKernel.Control sent = open("netmap:eth0^", PortOptions.DEFAULT);

        assertHeader(sent, "eth0", 0);
        assertArrayEquals(ExpectedBytes.register(2, 0, 0, 0, NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldRegisterNicAndHostRingsExclusivelyInMemoryRegion2()
    {
        final StandInKernel.Control sent = open("netmap:eth0*/x@2", PortOptions.DEFAULT);

        assertHeader(sent, "eth0", 0);
        assertArrayEquals(ExpectedBytes.register(3, 0, 2, 0, 0x800L | NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldRegisterAPipeEndByNameForTransmitOnly()
    {
        final StandInKernel.Control sent = open("netmap:p{pn1/T", PortOptions.DEFAULT);

        assertHeader(sent, "p{pn1", 0);
        assertArrayEquals(ExpectedBytes.register(1, 0, 0, 0, 0x4000L | NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldRegisterAValePortWithItsSwitchInTheName()
    {
        final StandInKernel.Control sent = open("vale0:a", PortOptions.DEFAULT);

        assertHeader(sent, "vale0:a", 0);
        assertArrayEquals(ExpectedBytes.register(1, 0, 0, 0, NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldPutConfRingsAndSlotsIntoTheBody()
    {
        final StandInKernel.Control sent = open("vale0:a@conf:rings=4,slots=2048", PortOptions.DEFAULT);

        assertHeader(sent, "vale0:a", 0);
        final byte[] expected = ExpectedBytes.register(1, 0, 0, 0, NR_NO_TX_POLL)
            .u32(16, 2048).u32(20, 2048).u16(24, 4).u16(26, 4).toArray();
        assertArrayEquals(expected, sent.bodyBytes());
    }

    @Test
    void shouldPutSpecificConfKeysOverGeneralOnes()
    {
        final StandInKernel.Control sent =
            open("vale0:a@conf:rings=4,tx-rings=2,host-rings=1,slots=1024,rx-slots=512", PortOptions.DEFAULT);

        final byte[] expected = ExpectedBytes.register(1, 0, 0, 0, NR_NO_TX_POLL)
            .u32(16, 1024).u32(20, 512).u16(24, 2).u16(26, 4).u16(28, 1).u16(30, 1).toArray();
        assertArrayEquals(expected, sent.bodyBytes());
    }

    @Test
    void shouldAskForTheExtraBuffersOfTheOptions()
    {
        final StandInKernel.Control sent = open("netmap:eth0", new PortOptions(64, 0));

        assertArrayEquals(ExpectedBytes.register(1, 0, 0, 64, NR_NO_TX_POLL).toArray(), sent.bodyBytes());
    }

    @Test
    void shouldChainTheOffsetsOptionForAtOffset()
    {
        final StandInKernel.Control sent = open("netmap:eth0@offset:initial=64", PortOptions.DEFAULT);

        final long option = sent.arg() + ControlRequest.OFFSETS_OPTION_AT;
        assertHeader(sent, "eth0", option);
        assertEquals(1, sent.options().size());
        assertEquals(option, sent.options().get(0).address());
        // nmreq_option: nro_next @0, nro_reqtype @8 (OFFSETS = 5), nro_status @12, nro_size @16; then
        // nro_max_offset @24, nro_initial_offset @32, nro_offset_bits @40, nro_tx_align @44, nro_min_gap @48.
        final byte[] expected = new ExpectedBytes(56).u64(0, 0).u32(8, 5).u32(12, 0).u64(16, 0)
            .u64(24, 64).u64(32, 64).u32(40, 0).u32(44, 0).u64(48, 0).toArray();
        assertArrayEquals(expected, sent.options().get(0).bytes());
    }

    @Test
    void shouldPassTheOffsetBitsGiven()
    {
        final StandInKernel.Control sent = open("netmap:eth0@offset:initial=128,bits=12", PortOptions.DEFAULT);

        final byte[] expected = new ExpectedBytes(56).u32(8, 5).u64(24, 128).u64(32, 128).u32(40, 12).toArray();
        assertArrayEquals(expected, sent.options().get(0).bytes());
    }

    @Test
    void shouldSendNoOptionsWithoutAtOptions()
    {
        final StandInKernel.Control sent = open("netmap:eth0", PortOptions.DEFAULT);

        assertEquals(0, sent.options().size());
    }

    private StandInKernel.Control open(final String name, final PortOptions options)
    {
        final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 128);
        image.addRing(0, 0, true, 10);
        image.addRing(2, 0, false, 20);
        final int[] extra = new int[options.extraBuffers()];
        for (int i = 0; i < extra.length; i++)
        {
            extra[i] = 40 + i;
        }
        kernel.expect(StandInKernel.Registration.ok(image, image.ifOffset()).extra(extra));
        backend.open(PortSpec.parse(name), options).close();
        return kernel.register();
    }

    private static void assertHeader(final StandInKernel.Control sent, final String name, final long options)
    {
        assertEquals(0xC0586997L, sent.request(), "NIOCCTRL");
        assertEquals(sent.arg() + ControlRequest.BODY_AT, sent.body(), "nr_body points into the request block");
        assertArrayEquals(ExpectedBytes.header(1, name, options, sent.arg() + ControlRequest.BODY_AT), sent.header());
    }
}
