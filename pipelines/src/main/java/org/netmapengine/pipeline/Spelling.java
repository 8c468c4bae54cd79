package org.netmapengine.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Suggestions for misspelt names in configuration messages: {@code unknown key 'bach' ... (did you mean 'batch'?)}.
 */
public final class Spelling
{
    /** Names further apart than this many single-character edits are not suggested. */
    public static final int MAX_DISTANCE = 2;

    private Spelling()
    {
    }

    /**
     * @param given the misspelt name.
     * @param known the names that would have been accepted.
     * @return {@code " (did you mean 'x'?)"} for the closest known name within {@link #MAX_DISTANCE} edits, or
     * the empty string.
     */
    public static String didYouMean(final String given, final Collection<String> known)
    {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        final List<String> sorted = new ArrayList<>(known);
        Collections.sort(sorted);
        for (final String candidate : sorted)
        {
            final int distance = distance(given, candidate);
            if (distance < bestDistance && distance < candidate.length())
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return null == best ? "" : " (did you mean '" + best + "'?)";
    }

    /**
     * @return the Levenshtein distance between {@code a} and {@code b}.
     */
    public static int distance(final String a, final String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.length()];
    }

    /**
     * @return {@code "a"}, or {@code "one of a, b, c"} in alphabetical order, or {@code "nothing here"} when
     * {@code names} is empty.
     */
    public static String oneOf(final Collection<String> names)
    {
        if (names.isEmpty())
        {
            return "nothing here";
        }

        final List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        return 1 == sorted.size() ? sorted.get(0) : "one of " + String.join(", ", sorted);
    }
}
