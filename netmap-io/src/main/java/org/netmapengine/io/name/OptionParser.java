package org.netmapengine.io.name;

import java.util.EnumSet;

/**
 * Parses the options that end a port name: {@code @name}, then {@code =value} for the default key or
 * {@code :key=value,...}, each option running to the next {@code @}.
 * <p>
 * libnetmap's checks are kept (unknown option, no body, '=' without a default key, unknown or repeated key, missing
 * {@code =value}, missing mandatory key). Where libnetmap is lenient this parser is not: an empty value, a trailing
 * ',', a number with junk ({@code atoi} would read 0) or out of its field's range, and an option given twice are
 * all errors.
 */
final class OptionParser
{
    private OptionParser()
    {
    }

    static PortOptions parse(final PortNameScanner scanner, final Prefix prefix)
    {
        if (scanner.atEnd())
        {
            return PortOptions.NONE;
        }

        final EnumSet<OptionSyntax> seen = EnumSet.noneOf(OptionSyntax.class);
        ConfOption conf = null;
        ExtmemOption extmem = null;
        OffsetOption offset = null;
        ShareOption share = null;
        ReplayOption replay = null;
        while (!scanner.atEnd())
        {
            scanner.advance(); // the '@', which the registration parser stopped at
            final int optionEnd = scanner.indexOfOrLimit('@');
            final OptionValues values = option(scanner, optionEnd, seen, prefix);
            switch (values.syntax())
            {
                case CONF:
                    conf = ConfOption.from(values);
                    break;

                case EXTMEM:
                    extmem = ExtmemOption.from(values);
                    break;

                case OFFSET:
                    offset = OffsetOption.from(values);
                    break;

                case SHARE:
                    share = share(scanner, values);
                    break;

                case REPLAY:
                    replay = ReplayOption.from(values);
                    break;
            }
        }

        return new PortOptions(conf, extmem, offset, share, replay);
    }

    private static OptionValues option(
        final PortNameScanner scanner, final int optionEnd, final EnumSet<OptionSyntax> seen, final Prefix prefix)
    {
        final int nameStart = scanner.position();
        if (nameStart == optionEnd)
        {
            throw scanner.error("an option name after '@'");
        }

        final PortNameScanner option = scanner.slice(nameStart, optionEnd);
        option.skipWhile((c) -> ':' != c && '=' != c);
        final OptionSyntax syntax = OptionSyntax.fromName(option.textFrom(nameStart), prefix);
        if (null == syntax)
        {
            throw scanner.error(Prefix.PCAP == prefix ? "an option of a pcap port: " + OptionSyntax.PCAP_NAMES :
                "an option name: " + OptionSyntax.NAMES);
        }
        if (!seen.add(syntax))
        {
            throw scanner.error("at most one '" + syntax.optionName() + "' option");
        }

        if (option.atEnd())
        {
            throw option.error(syntax.bodyExpected());
        }
        final OptionValues values = new OptionValues(option, syntax);
        if (option.peekIs('='))
        {
            if (null == syntax.defaultKey())
            {
                throw option.error("':' after '" + syntax.optionName() + "' (it has no default key)");
            }
            option.advance();
            if (option.atEnd())
            {
                throw option.error("a " + syntax.defaultKey() + " after '='");
            }
            values.put(syntax.defaultKey(), option.text().substring(option.position(), optionEnd), option.position());
        }
        else
        {
            option.advance(); // ':'
            keys(option, values);
        }

        final String mandatory = syntax.defaultKey();
        if (null != mandatory && syntax.defaultKeyRequired() && !values.has(mandatory))
        {
            throw scanner.errorAt(optionEnd, "key '" + mandatory + "' in option '" + syntax.optionName() + "'");
        }
        scanner.skip(optionEnd - nameStart);

        return values;
    }

    // An empty key list is accepted, as libnetmap does: "@conf:" sets nothing. A trailing ',' is not.
    private static void keys(final PortNameScanner option, final OptionValues values)
    {
        if (option.atEnd())
        {
            return;
        }

        pair(option, values);
        while (option.peekIs(','))
        {
            option.advance();
            pair(option, values);
        }
    }

    private static void pair(final PortNameScanner option, final OptionValues values)
    {
        final OptionSyntax syntax = values.syntax();
        final int keyStart = option.skipWhile((c) -> '=' != c && ',' != c);
        final String written = option.textFrom(keyStart);
        final String key = syntax.key(written);
        if (null == key)
        {
            throw option.errorAt(keyStart,
                "a key of option '" + syntax.optionName() + "': " + String.join(", ", syntax.keys()));
        }
        if (values.has(key))
        {
            throw option.errorAt(keyStart,
                "each key at most once ('" + key + "' is already set to '" + values.text(key) + "')");
        }
        if (!option.peekIs('='))
        {
            throw option.error("'=' and a value after key '" + written + "'");
        }
        option.advance();

        final int valueStart = option.skipWhile((c) -> ',' != c);
        if (option.position() == valueStart)
        {
            throw option.error("a value for key '" + written + "'");
        }
        values.put(key, option.textFrom(valueStart), valueStart);
    }

    private static ShareOption share(final PortNameScanner scanner, final OptionValues values)
    {
        final String port = values.text("port");
        final int start = values.position("port");
        final PortNameScanner portScanner = scanner.slice(start, start + port.length());
        final PortHeader header = PortHeaderParser.parse(portScanner);
        if (Prefix.PCAP == header.prefix())
        {
            throw scanner.errorAt(start, "a netmap or VALE port to share memory with (a capture file has none)");
        }
        if (!portScanner.atEnd())
        {
            // libnetmap would ignore a mode here; only subsystem:vpname picks the memory region.
            throw portScanner.error("the end of the shared port name (no mode, flags or memory id)");
        }

        return new ShareOption(port, header.kernelName());
    }
}
