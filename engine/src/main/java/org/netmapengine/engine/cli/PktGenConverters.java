package org.netmapengine.engine.cli;

import org.netmapengine.io.pktgen.Ipv4Range;
import org.netmapengine.io.pktgen.MacAddress;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * picocli converters for pkt-gen's option values; a bad value becomes a usage error quoting the parser's message.
 */
final class PktGenConverters
{
    private PktGenConverters()
    {
    }

    /** What pkt-gen does with the port. */
    enum Function
    {
        TX("Sent"),
        RX("Received");

        private final String verb;

        Function(final String verb)
        {
            this.verb = verb;
        }

        /** @return the summary's first word. */
        String verb()
        {
            return verb;
        }
    }

    static final class FunctionConverter implements ITypeConverter<Function>
    {
        @Override
        public Function convert(final String value)
        {
            switch (value.toLowerCase(Locale.ROOT))
            {
                case "tx":
                    return Function.TX;
                case "rx":
                    return Function.RX;
                default:
                    throw new TypeConversionException("unknown function '" + value + "': expected tx or rx");
            }
        }
    }

    static final class RangeConverter implements ITypeConverter<Ipv4Range>
    {
        @Override
        public Ipv4Range convert(final String value)
        {
            try
            {
                return Ipv4Range.parse(value);
            }
            catch (final IllegalArgumentException e)
            {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MacConverter implements ITypeConverter<Long>
    {
        @Override
        public Long convert(final String value)
        {
            try
            {
                return MacAddress.parse(value);
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
