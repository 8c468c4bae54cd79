package org.netmapengine.io.kernel;

import org.junit.jupiter.api.Test;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelPortDriverTest
{
    private static final int FD = 7;
    private static final int EINTR = 4;
    private static final int ENXIO = 6;
    private static final int POLLIN = 0x1;
    private static final int POLLOUT = 0x4;

    private final StandInKernel kernel = new StandInKernel();
    private final KernelPortDriver driver = new KernelPortDriver(kernel, FD, StandInKernel.NUMBERS.niocTxSync(),
        StandInKernel.NUMBERS.niocRxSync(), "netmap:eth0");

    @Test
    void shouldTxSyncWithOneIoctlWithoutArgument()
    {
        driver.txSync();

        assertEquals(1, kernel.syncs.size());
        assertArrayEquals(new long[]{FD, 0x6994L, 0}, kernel.syncs.get(0), "NIOCTXSYNC, NULL");
    }

    @Test
    void shouldRxSyncWithOneIoctlWithoutArgument()
    {
        driver.rxSync();

        assertArrayEquals(new long[]{FD, 0x6995L, 0}, kernel.syncs.get(0), "NIOCRXSYNC, NULL");
    }

    @Test
    void shouldReportAFailedSync()
    {
        kernel.syncErrno = ENXIO;

        final NetmapException e = assertThrows(NetmapException.class, driver::txSync);

        assertEquals(Reason.SYSTEM_ERROR, e.reason());
        assertEquals("netmap:eth0: NIOCTXSYNC failed on fd 7: ENXIO (No such device or address)", e.getMessage());
    }

    @Test
    void shouldPollTheDescriptorForTheEventsAskedFor()
    {
        kernel.pollResults.add(new int[]{1, POLLOUT});

        assertEquals(POLLOUT, driver.poll(POLLOUT, 5));

        assertEquals(1, kernel.polls.size());
        assertEquals(FD, kernel.polls.get(0)[1], "pollfd.fd");
        assertEquals(POLLOUT, kernel.polls.get(0)[2], "pollfd.events");
        assertEquals(5, kernel.polls.get(0)[3], "timeout");
    }

    @Test
    void shouldReturnNoEventsOnTimeout()
    {
        kernel.pollResults.add(new int[]{0, 0});

        assertEquals(0, driver.poll(POLLIN, 0));
    }

    @Test
    void shouldPollAgainAfterASignal()
    {
        kernel.pollResults.add(new int[]{-EINTR, 0});
        kernel.pollResults.add(new int[]{1, POLLIN});

        assertEquals(POLLIN, driver.poll(POLLIN, 10_000));

        assertEquals(2, kernel.polls.size());
        final long retried = kernel.polls.get(1)[3];
        assertEquals(true, retried > 0 && retried <= 10_000, "with the time left: " + retried);
    }

    @Test
    void shouldKeepWaitingForeverAfterASignalWhenAskedToWaitForever()
    {
        kernel.pollResults.add(new int[]{-EINTR, 0});
        kernel.pollResults.add(new int[]{1, POLLIN});

        driver.poll(POLLIN, -1);

        assertEquals(-1, kernel.polls.get(1)[3]);
    }

    @Test
    void shouldPollWithTheSameNativePollfdEveryTime()
    {
        driver.poll(POLLIN, 0);
        driver.poll(POLLOUT, 0);

        assertEquals(kernel.polls.get(0)[0], kernel.polls.get(1)[0], "allocated once, not per call");
    }

    @Test
    void shouldRefuseToSyncADescriptorItClosed()
    {
        driver.close();

        final NetmapException e = assertThrows(NetmapException.class, driver::rxSync);

        assertEquals("netmap:eth0: port is closed: fd 7 is no longer its own", e.getMessage());
        assertEquals(List.of(), kernel.syncs, "a reused descriptor number is never synced");
    }

    @Test
    void shouldCloseTheDescriptorOnce()
    {
        driver.close();
        driver.close();

        assertEquals(List.of(FD), kernel.closed);
    }
}
