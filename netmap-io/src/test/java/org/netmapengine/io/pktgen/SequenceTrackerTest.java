package org.netmapengine.io.pktgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SequenceTrackerTest
{
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void shouldFindNothingWrongInAnUnbrokenStream()
    {
        feed(5, 6, 7, 8);

        assertCounts(0, 0, 0);
        assertEquals(9, tracker.expected());
    }

    @Test
    void shouldStartFromTheFirstNumberSeen()
    {
        feed(1000);

        assertCounts(0, 0, 0);
        assertEquals(1000, tracker.first());
    }

    @Test
    void shouldCountAGapAsLost()
    {
        feed(0, 1, 5);

        assertCounts(3, 0, 0);
    }

    @Test
    void shouldCountALatePacketThatFillsAGapAsReorderedAndNoLongerLost()
    {
        feed(0, 2, 1);

        assertCounts(0, 0, 1);
    }

    @Test
    void shouldCountAPacketSeenTwiceAsDuplicate()
    {
        feed(0, 1, 2, 1);

        assertCounts(0, 1, 0);
    }

    @Test
    void shouldCountAPacketOlderThanTheWindowAsReordered()
    {
        feed(0, 1, SequenceTracker.WINDOW + 10, 1);

        assertCounts(SequenceTracker.WINDOW + 8, 0, 1);
    }

    @Test
    void shouldNotCountPacketsBeforeTheFirstAsLostWhenTheyArriveLate()
    {
        feed(10, 11, 9);

        assertCounts(0, 0, 1);
    }

    @Test
    void shouldForgetSkippedNumbersSoTheyAreNotTakenForDuplicates()
    {
        // 1 and WINDOW + 1 share a bit of the window; 1 was seen, WINDOW + 1 was skipped.
        feed(0, 1, SequenceTracker.WINDOW + 2, SequenceTracker.WINDOW + 1);

        assertCounts(SequenceTracker.WINDOW - 1, 0, 1);
    }

    private void feed(final long... sequences)
    {
        for (final long sequence : sequences)
        {
            tracker.onSequence(sequence);
        }
    }

    private void assertCounts(final long lost, final long duplicates, final long reordered)
    {
        assertEquals(lost, tracker.lost(), "lost");
        assertEquals(duplicates, tracker.duplicates(), "duplicates");
        assertEquals(reordered, tracker.reordered(), "reordered");
    }
}
