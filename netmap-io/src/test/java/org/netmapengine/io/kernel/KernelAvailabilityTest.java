package org.netmapengine.io.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.port.BackendKind;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link KernelBackend#unavailableReason()}, which {@code netmap.backend = auto} asks before each open. */
class KernelAvailabilityTest
{
    @TempDir
    Path dir;

    private final StandInKernel kernel = new StandInKernel();
    private final KernelBackend backend =
        new KernelBackend(kernel, StandInKernel.DEVICE, new MappedRegions(), StandInKernel.NUMBERS);

    @Test
    void shouldBeAvailableWhenTheDeviceOpensAndCloseItAgain()
    {
        assertNull(backend.unavailableReason());

        assertEquals(List.of("open /dev/netmap", "close " + StandInKernel.FIRST_FD), kernel.events);
    }

    @Test
    void shouldSayTheModuleIsNotLoadedWhenTheDeviceIsMissing()
    {
        kernel.openErrno = 2;

        assertEquals("no /dev/netmap (ENOENT): the netmap kernel module is not loaded", backend.unavailableReason());
    }

    @Test
    void shouldSayTheDeviceIsNotAccessible()
    {
        kernel.openErrno = 13;

        assertEquals("/dev/netmap is not accessible (EACCES): run as root or give this user read and write access " +
            "to it", backend.unavailableReason());
    }

    @Test
    void shouldFindARealMissingDeviceUnavailable()
    {
        final String missing = dir.resolve("netmap").toString();
        final KernelBackend real = new KernelBackend(LibcNetmapDevice.INSTANCE, missing, new MappedRegions(), null);

        assertEquals("no " + missing + " (ENOENT): the netmap kernel module is not loaded", real.unavailableReason());
    }

    @Test
    void shouldBeTheKernelKind()
    {
        assertEquals(BackendKind.KERNEL, new KernelBackend().kind());
    }
}
