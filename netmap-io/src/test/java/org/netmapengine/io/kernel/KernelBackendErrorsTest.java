package org.netmapengine.io.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;
import org.netmapengine.io.port.PortOptions;
import org.netmapengine.io.ring.KernelMemoryImage;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way an open fails, each with its reason and exact message, and nothing left behind: no descriptor open,
 * no mapping.
 */
class KernelBackendErrorsTest
{
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EIO = 5;
    private static final int ENXIO = 6;
    private static final int ENOMEM = 12;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int EINVAL = 22;
    private static final int ENOTTY = 25;
    private static final int EOPNOTSUPP = 95;

    @TempDir
    Path dir;

    private final StandInKernel kernel = new StandInKernel();
    private final MappedRegions regions = new MappedRegions();
    private final KernelBackend backend = new KernelBackend(kernel, StandInKernel.DEVICE, regions, StandInKernel.NUMBERS);

    @Test
    void shouldSayTheModuleIsNotLoadedWhenTheDeviceIsMissing()
    {
        kernel.openErrno = ENOENT;

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.MODULE_NOT_LOADED, e.reason());
        assertEquals(ENOENT, e.errno());
        assertEquals("netmap:eth0: cannot open /dev/netmap (ENOENT): the netmap kernel module is not loaded (load it " +
            "with 'modprobe netmap' or 'insmod netmap.ko'); without it, backend 'emulated' (netmap.backend = " +
            "emulated, or --backend emulated) runs netmap pipes in user space", e.getMessage());
    }

    @Test
    void shouldSayTheModuleIsNotLoadedForADeviceNodeWithoutDriver()
    {
        kernel.openErrno = ENXIO;

        assertEquals(Reason.MODULE_NOT_LOADED, openFails("netmap:eth0").reason());
    }

    @Test
    void shouldSayTheModuleIsNotLoadedWhenTheRealDeviceDoesNotExist()
    {
        final String missing = dir.resolve("netmap").toString();
        final KernelBackend real = new KernelBackend(LibcNetmapDevice.INSTANCE, missing, new MappedRegions(), null);

        final NetmapException e = assertThrows(NetmapException.class,
            () -> real.open(PortSpec.parse("netmap:eth0"), PortOptions.DEFAULT));

        assertEquals(Reason.MODULE_NOT_LOADED, e.reason());
        assertEquals("netmap:eth0: cannot open " + missing + " (ENOENT): the netmap kernel module is not loaded " +
            "(load it with 'modprobe netmap' or 'insmod netmap.ko'); without it, backend 'emulated' " +
            "(netmap.backend = emulated, or --backend emulated) runs netmap pipes in user space", e.getMessage());
    }

    @Test
    void shouldSayWhoMayOpenTheDeviceWhenAccessIsDenied()
    {
        kernel.openErrno = EACCES;

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.PERMISSION_DENIED, e.reason());
        assertEquals("netmap:eth0: cannot open /dev/netmap (EACCES): permission denied; the device belongs to root " +
            "with mode 0600 by default: run as root, or give this user read and write access (chmod 0666 " +
            "/dev/netmap, or a udev rule with GROUP= and MODE=0660)", e.getMessage());
    }

    @Test
    void shouldTreatEpermAtOpenAsPermissionDenied()
    {
        kernel.openErrno = EPERM;

        assertEquals(Reason.PERMISSION_DENIED, openFails("netmap:eth0").reason());
    }

    @Test
    void shouldReportAnApiMismatchWhenTheKernelRefusesOurVersion()
    {
        kernel.otherApi = true;

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.API_MISMATCH, e.reason());
        assertEquals(EINVAL, e.errno());
        assertEquals("netmap:eth0: the netmap kernel module rejected API version 14 (EINVAL): it speaks another " +
            "netmap API and does not say which; 'dmesg | grep \"API mismatch\"' shows 'API mismatch: got 14 need N' " +
            "with its version N; load a netmap module of API 14 to 15", e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldProbeWithTheGlobalRegionInfoBeforeCallingEinvalAnApiMismatch()
    {
        kernel.otherApi = true;

        openFails("netmap:eth0");

        assertEquals(2, kernel.controls.size());
        final StandInKernel.Control probe = kernel.controls.get(1);
        assertArrayEquals(ExpectedBytes.header(2, "", 0, probe.arg() + ControlRequest.BODY_AT), probe.header());
        assertArrayEquals(new byte[32], probe.bodyBytes());
    }

    @Test
    void shouldReportAnApiMismatchWhenTheKernelDoesNotKnowNiocctrl()
    {
        kernel.controlErrno = ENOTTY;

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.API_MISMATCH, e.reason());
        assertEquals("netmap:eth0: the netmap kernel module does not know NIOCCTRL (ENOTTY): it is older than API " +
            "12, and this engine speaks API 14; load a netmap module of API 14 to 15", e.getMessage());
    }

    @Test
    void shouldTellAnInvalidRequestFromAnApiMismatch()
    {
        kernel.expect(StandInKernel.Registration.failing(EINVAL));

        final NetmapException e = openFails("netmap:eth0-9");

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals("netmap:eth0-9: netmap rejected the request for 'eth0' (EINVAL): the ring, mode or @conf " +
            "values do not suit this port; 'dmesg' says more with the netmap module's verbose parameter set",
            e.getMessage());
    }

    @Test
    void shouldSuspectTheMemoryRegionWhenARequestWithMemIdIsInvalid()
    {
        kernel.expect(StandInKernel.Registration.failing(EINVAL));

        final NetmapException e = openFails("netmap:eth0@9");

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals("netmap:eth0@9: netmap rejected the request for 'eth0' (EINVAL): memory region 9 may not exist " +
            "(a region id comes from a port that is open, @share names one); 'dmesg' says more with the netmap " +
            "module's verbose parameter set", e.getMessage());
    }

    @Test
    void shouldNameTheUnknownInterface()
    {
        kernel.expect(StandInKernel.Registration.failing(ENXIO));

        final NetmapException e = openFails("netmap:eth9");

        assertEquals(Reason.UNKNOWN_INTERFACE, e.reason());
        assertEquals(ENXIO, e.errno());
        assertEquals("netmap:eth9: no interface 'eth9' (ENXIO): netmap found no network interface of that name; " +
            "check the name with 'ip link' (interfaces must exist, pipes and VALE ports are created on open)",
            e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    /**
     * A real module (Linux 6.1) answered 'netmap:default}1' with ENXIO: the parent 'default' is no interface, and
     * register_netdev refused a persistent VALE port of that name (EINVAL, logged as "failed to create a persistent
     * vale port: 22"). The message blames the parent, not a missing interface 'default}1'.
     */
    @Test
    void shouldBlameThePipeParentWhenNetmapCannotCreateIt()
    {
        kernel.expect(StandInKernel.Registration.failing(ENXIO));

        final NetmapException e = openFails("netmap:default}1");

        assertEquals(Reason.UNKNOWN_INTERFACE, e.reason());
        assertEquals(ENXIO, e.errno());
        assertEquals("netmap:default}1: no parent 'default' for pipe 'default}1' (ENXIO): 'default' is no network " +
            "interface, and netmap could not create a persistent VALE port of that name to hold the pipe (dmesg: " +
            "'failed to create a persistent vale port'); such a port is a Linux network interface, so the parent " +
            "needs a name Linux accepts for one: at most 15 bytes, no '/', ':' or blank, not 'all' or 'default'",
            e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldSayWhyRingsCanBeBusy()
    {
        kernel.expect(StandInKernel.Registration.failing(EBUSY));

        final NetmapException e = openFails("netmap:eth0-1/x");

        assertEquals(Reason.BUSY, e.reason());
        assertEquals("netmap:eth0-1/x: 'eth0' is busy (EBUSY): another file descriptor holds these rings " +
            "exclusively (/x), or /x was asked for rings another descriptor uses, or the interface (or the pipe's " +
            "parent) is attached to a VALE switch; close the other user, or bind other rings (-N, ^N)",
            e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldReportAnAllocatorOutOfMemory()
    {
        kernel.expect(StandInKernel.Registration.failing(ENOMEM));

        final NetmapException e = openFails("vale0:a@conf:rings=64");

        assertEquals(Reason.RESOURCE_EXHAUSTED, e.reason());
        assertEquals("vale0:a@conf:rings=64: netmap is out of memory for 'vale0:a' (ENOMEM): ask for fewer rings, " +
            "slots or extra buffers, or give the allocator more (module parameters buf_num, ring_num, if_num; they " +
            "apply while no port is open)", e.getMessage());
    }

    @Test
    void shouldReportAnyOtherErrnoAsASystemError()
    {
        kernel.expect(StandInKernel.Registration.failing(EIO));

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.SYSTEM_ERROR, e.reason());
        assertEquals("netmap:eth0: netmap failed to register 'eth0': EIO (Input/output error)", e.getMessage());
    }

    @Test
    void shouldCloseTheDescriptorAndReleaseTheRegionWhenTooFewExtraBuffersAreGranted()
    {
        final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 128);
        image.addRing(0, 0, true, 10);
        image.addRing(2, 0, false, 20);
        kernel.expect(StandInKernel.Registration.ok(image, image.ifOffset()).extra(40, 41, 42, 43));

        final NetmapException e = assertThrows(NetmapException.class,
            () -> backend.open(PortSpec.parse("netmap:eth0"), new PortOptions(16, 8)));

        assertEquals(Reason.NOT_ENOUGH_EXTRA_BUFFERS, e.reason());
        assertEquals("netmap:eth0: asked for 16 extra buffers and got 4, but the port needs at least 8 (fewer extra " +
            "buffers per port, or a larger memory region: more buffers in the allocator)", e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
        assertEquals(List.of("close " + StandInKernel.FIRST_FD,
            "munmap 0x" + Long.toHexString(image.base()) + " " + image.size()),
            kernel.events.subList(kernel.events.size() - 2, kernel.events.size()), "descriptor first, then mapping");
        assertNull(regions.get(1));
        assertArrayEquals(new int[]{40, 41, 42, 43}, image.extraBufferList(image.ifOffset()),
            "ni_bufs_head still lists the granted buffers, so the kernel frees them at close");
    }

    @Test
    void shouldRefuseARingOffsetThatPointsOutsideTheRegionAndLeaveNothingBehind()
    {
        final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 128);
        image.addRing(0, 0, true, 10);
        image.addRing(2, 0, false, 20);
        image.pointer(image.ifOffset()).setLong(56 + 8L * 2, image.size());
        kernel.expect(StandInKernel.Registration.ok(image, image.ifOffset()));

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.SYSTEM_ERROR, e.reason());
        assertTrue(e.getMessage().matches("netmap:eth0: RX ring 0 at 0x\\p{XDigit}+ lies outside the memory region " +
            "Region\\[.* size=" + image.size() + " .*]"), e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
        assertNull(regions.get(1));
    }

    @Test
    void shouldRefuseARingWhoseBuffersAreNotTheRegions()
    {
        final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 128);
        final long tx = image.addRing(0, 0, true, 10);
        image.addRing(2, 0, false, 20);
        image.pointer(tx).setLong(0, image.bufPoolOffset() - tx + 64);
        kernel.expect(StandInKernel.Registration.ok(image, image.ifOffset()));

        final NetmapException e = openFails("netmap:eth0");

        assertEquals(Reason.SYSTEM_ERROR, e.reason());
        // The pools info disagrees with the first ring, so the region takes its pool from that ring (with a warning):
        // then the next ring is the one that disagrees.
        assertTrue(e.getMessage().startsWith("netmap:eth0: RX ring 0 does not fit the memory region"), e.getMessage());
        assertTrue(e.getMessage().matches(".*: 8 slots, buffers of 2048 bytes from 0x\\p{XDigit}+"), e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldKeepTheSharedMappingWhenASecondPortFails()
    {
        final KernelMemoryImage image = new KernelMemoryImage(1, 1, 1, 8, 128, 4);
        image.addRing(0, 0, true, 10);
        image.addRing(2, 0, false, 20);
        final long second = image.addInterface("eth1", 1, 1, 1);
        kernel.expect(StandInKernel.Registration.ok(image, image.ifOffset()));
        kernel.expect(StandInKernel.Registration.ok(image, second).extra(40));

        try (var first = backend.open(PortSpec.parse("netmap:eth0"), PortOptions.DEFAULT))
        {
            assertThrows(NetmapException.class, () -> backend.open(PortSpec.parse("netmap:eth1"), new PortOptions(8, 8)));
            assertEquals(0, kernel.munmaps.size());
            assertTrue(first.region().isMapped());
        }
        assertEquals(1, kernel.munmaps.size());
    }

    @Test
    void shouldBlameTheOffsetOptionTheKernelRejected()
    {
        final StandInKernel.Registration r = StandInKernel.Registration.failing(EINVAL);
        r.offsetsStatus = EINVAL;
        kernel.expect(r);

        final NetmapException e = openFails("netmap:eth0@offset=4096");

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals("netmap:eth0@offset=4096: netmap rejected option @offset (EINVAL): the initial offset must fit " +
            "the buffer size and the given bits", e.getMessage());
    }

    @Test
    void shouldSayWhenAPortDoesNotSupportOffsets()
    {
        final StandInKernel.Registration r = StandInKernel.Registration.failing(EOPNOTSUPP);
        kernel.expect(r);

        final NetmapException e = openFails("netmap:eth0@offset=64");

        assertEquals(Reason.NOT_SUPPORTED, e.reason());
        assertEquals("netmap:eth0@offset=64: netmap rejected option @offset (EOPNOTSUPP): this port or this netmap " +
            "module does not support it", e.getMessage());
    }

    @Test
    void shouldNotBlameAnOptionTheKernelNeverReached()
    {
        kernel.expect(StandInKernel.Registration.failing(ENXIO));

        assertEquals(Reason.UNKNOWN_INTERFACE, openFails("netmap:eth9@offset=64").reason());
    }

    @Test
    void shouldUnmapTheExtmemFileWhenRegistrationFails()
    {
        final KernelMemoryImage file = new KernelMemoryImage(1, 1, 1, 8, 64);
        kernel.files.put("/hugepages/nm", file);
        final StandInKernel.Registration r = StandInKernel.Registration.failing(ENOMEM);
        r.extmemStatus = ENOMEM;
        kernel.expect(r);

        final NetmapException e = openFails("netmap:eth0@extmem=/hugepages/nm");

        assertEquals(Reason.RESOURCE_EXHAUSTED, e.reason());
        assertEquals("netmap:eth0@extmem=/hugepages/nm: netmap rejected option @extmem (ENOMEM): out of memory",
            e.getMessage());
        assertArrayEquals(new long[]{file.base(), file.size()}, kernel.munmaps.get(0));
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldNameAMissingExtmemFile()
    {
        final NetmapException e = openFails("netmap:eth0@extmem=/hugepages/none");

        assertEquals(Reason.SYSTEM_ERROR, e.reason());
        assertEquals("netmap:eth0@extmem=/hugepages/none: cannot open the @extmem file /hugepages/none: " +
            "ENOENT (No such file or directory)", e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldRefuseExtmemTogetherWithShare()
    {
        final NetmapException e = openFails("netmap:eth0@extmem=/hugepages/nm@share=netmap:eth1");

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals("netmap:eth0@extmem=/hugepages/nm@share=netmap:eth1: @extmem gives the port a memory region of " +
            "its own; it cannot be combined with @N or @share", e.getMessage());
        assertEquals(List.of(), kernel.events, "refused before touching the device");
    }

    @Test
    void shouldRefuseAMemIdThatDisagreesWithTheSharedPort()
    {
        kernel.portInfoMemId = 1;

        final NetmapException e = openFails("netmap:eth0@2@share=netmap:eth1");

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals("netmap:eth0@2@share=netmap:eth1: memory region @2 conflicts with @share=netmap:eth1, which is in " +
            "region 1; give one of the two", e.getMessage());
        assertEquals(List.of(), kernel.openDescriptors());
    }

    @Test
    void shouldNameTheSharedPortWhenItIsUnknown()
    {
        kernel.portInfoErrno = ENXIO;

        final NetmapException e = openFails("netmap:eth0@share=netmap:eth7");

        assertEquals(Reason.UNKNOWN_INTERFACE, e.reason());
        assertEquals("netmap:eth0@share=netmap:eth7: no interface 'eth7' (ENXIO): netmap found no network interface " +
            "of that name; check the name with 'ip link' (interfaces must exist, pipes and VALE ports are created on " +
            "open)", e.getMessage());
    }

    private NetmapException openFails(final String name)
    {
        return assertThrows(NetmapException.class, () -> backend.open(PortSpec.parse(name), PortOptions.DEFAULT));
    }
}
