package org.netmapengine.io.name;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the parser over random text and over names generated from the grammar.
 */
class PortSpecPropertiesTest
{
    private static final String GRAMMAR_CHARS = "netmapvale0129:{}-^*/@xztrRT_=,.+ bcfgiosu";

    @Property(tries = 5000)
    void shouldParseOrReportAPositionWithinTheName(@ForAll("nameLikeText") final String text)
    {
        try
        {
            PortSpec.parse(text);
        }
        catch (final PortNameException e)
        {
            assertTrue(e.position() >= 0 && e.position() <= text.length(), e.getMessage());
            assertEquals(text, e.portName());
        }
    }

    @Property(tries = 2000)
    void shouldParseWhatTheGrammarGenerates(@ForAll("generatedNames") final GeneratedPortName generated)
    {
        final PortSpec spec = PortSpec.parse(generated.text());

        assertEquals(generated.header(), headerOf(spec));
        assertEquals(generated.registration(), registrationOf(spec));
        assertEquals(generated.options(), optionsOf(spec));
    }

    @Property(tries = 2000)
    void shouldParseTheCanonicalNameToTheSameMeaning(@ForAll("generatedNames") final GeneratedPortName generated)
    {
        final PortSpec spec = PortSpec.parse(generated.text());
        final PortSpec canonical = PortSpec.parse(spec.canonicalName());

        assertEquals(headerOf(spec), headerOf(canonical));
        assertEquals(registrationOf(spec), registrationOf(canonical));
        assertEquals(optionsOf(spec), optionsOf(canonical));
        assertEquals(spec.canonicalName(), canonical.canonicalName());
    }

    @Provide
    Arbitrary<String> nameLikeText()
    {
        final Arbitrary<String> heads = Arbitraries.of("", "netmap:", "netmap:eth0", "vale:", "vale0:a", "netmap", "vale");
        final Arbitrary<String> tails = Arbitraries.strings().withChars(GRAMMAR_CHARS).ofMaxLength(30);

        return Arbitraries.oneOf(
            Combinators.combine(heads, tails).as(String::concat),
            Arbitraries.strings().all().ofMaxLength(40));
    }

    @Provide
    Arbitrary<GeneratedPortName> generatedNames()
    {
        return Arbitraries.randomValue(GeneratedPortName::generate);
    }

    private static PortHeader headerOf(final PortSpec spec)
    {
        return new PortHeader(
            spec.prefix(), spec.switchId(), spec.parent(), spec.pipeEnd(), spec.pipeId(), spec.kernelName());
    }

    private static Registration registrationOf(final PortSpec spec)
    {
        return new Registration(spec.mode(), spec.ringId(), spec.flags(), spec.memId());
    }

    private static PortOptions optionsOf(final PortSpec spec)
    {
        return new PortOptions(
            spec.conf().orElse(null), spec.extmem().orElse(null), spec.offset().orElse(null), spec.share().orElse(null),
            spec.replay().orElse(null));
    }
}
