package org.netmapengine.io.pktgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PacerTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldLetTheFirstPacketGoAtOnceAtLowRates()
    {
        assertEquals(1, new Pacer(100, 512, 0).allowance(0, 0));
    }

    @Test
    void shouldAllowWhatIsDueSinceTheStart()
    {
        // 100 pps: packets due at 0, 10, 20 and 30 ms.
        assertEquals(3, new Pacer(100, 512, 0).allowance(30 * MS, 1));
    }

    @Test
    void shouldHoldHighRatesUntilABurstIsDue()
    {
        final Pacer pacer = new Pacer(1_000_000, 512, 0);

        assertEquals(0, pacer.allowance(100_000, 0));
        assertEquals(512, pacer.allowance(511_000, 0));
    }

    @Test
    void shouldBatchAMillisecondOfPacketsWhenThatIsLessThanABurst()
    {
        final Pacer pacer = new Pacer(100_000, 512, 0);

        assertEquals(0, pacer.allowance(98_000, 0));
        assertEquals(100, pacer.allowance(990_000, 0));
    }

    @Test
    void shouldCatchUpAtMostABurstPerBatch()
    {
        assertEquals(512, new Pacer(1_000_000, 512, 0).allowance(1_000 * MS, 10));
    }
}
