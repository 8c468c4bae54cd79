package org.netmapengine.io.pktgen;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrafficReporterTest
{
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final TrafficCounters counters = new TrafficCounters();

    @Test
    void shouldPrintOneLinePerIntervalAsPktGenDoes()
    {
        counters.start(0);
        counters.add(1000, 60_000);
        counters.add(1000, 60_000);

        reporter(null).report(SECOND);

        assertEquals("2.000 Kpps (2.000 Kpkts 960.000 Kbps, raw 1.344 Mbps, in 1000000 usec) 1000.00 avg_batch\n",
            text.toString());
    }

    @Test
    void shouldReportOnlyTheLatestIntervalOnTheNextLine()
    {
        counters.start(0);
        counters.add(1000, 60_000);
        final TrafficReporter reporter = reporter(null);
        reporter.report(SECOND);
        counters.add(500, 30_000);
        text.getBuffer().setLength(0);

        reporter.report(2 * SECOND);

        assertEquals("500.000 pps (500.000 pkts 240.000 Kbps, raw 336.000 Kbps, in 1000000 usec) 500.00 avg_batch\n",
            text.toString());
    }

    @Test
    void shouldSummariseTotalsOverTheMeasuredInterval()
    {
        counters.start(SECOND);
        counters.add(1500, 90_000);
        counters.add(500, 30_000);
        counters.finish(3 * SECOND);

        reporter(null).summary("Sent", 10 * SECOND);

        assertEquals("Sent 2000 packets 120000 bytes 2 batches 60 bytes each in 2.000 seconds.\n" +
            "Speed: 1.000 Kpps Bandwidth: 480.000 Kbps (raw 672.000 Kbps). Average batch: 1000.00 pkts\n",
            text.toString());
    }

    @Test
    void shouldSayNothingWasSentWhenNothingWas()
    {
        counters.start(0);
        counters.finish(SECOND);

        reporter(null).summary("Sent", SECOND);

        assertEquals("Sent nothing.\n", text.toString());
    }

    @Test
    void shouldAddWhatAVerifyingReceiverFound()
    {
        counters.start(0);
        counters.finish(SECOND);
        final ReceiveChecks checks = new ReceiveChecks();
        checks.sequence().onSequence(0);
        checks.sequence().onSequence(3);

        reporter(checks).summary("Received", SECOND);

        assertEquals("Received nothing.\n" +
            "Checks: 2 lost, 0 duplicate, 0 reordered, 0 checksum errors, 0 malformed\n", text.toString());
    }

    @Test
    void shouldScaleUnitsAsPktGenDoes()
    {
        assertEquals("14.881 M", TrafficReporter.norm(14_880_952));
        assertEquals("999.000 ", TrafficReporter.norm(999));
    }

    private TrafficReporter reporter(final ReceiveChecks checks)
    {
        return new TrafficReporter(new PrintWriter(text), counters, checks, 0);
    }
}
