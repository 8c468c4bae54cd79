package org.netmapengine.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest
{
    private static final List<String> KEYS = List.of("batch", "backend", "port", "to", "tx", "idle");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "bach    | batch",
        "batches | batch",
        "prot    | port",
        "idel    | idle",
        "t       | to",
        "xyzzy   | ''",
        "q       | ''" })
    void shouldSuggestTheClosestKnownNameWithinTwoEdits(final String given, final String closest)
    {
        final String expected = closest.isEmpty() ? "" : " (did you mean '" + closest + "'?)";

        assertEquals(expected, Spelling.didYouMean(given, KEYS));
    }

    @Test
    void shouldListNamesAlphabetically()
    {
        assertEquals("one of a, b, c", Spelling.oneOf(List.of("c", "a", "b")));
        assertEquals("a", Spelling.oneOf(List.of("a")));
        assertEquals("nothing here", Spelling.oneOf(List.of()));
    }
}
