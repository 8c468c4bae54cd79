package org.netmapengine.io.name;

/**
 * Parses what follows {@code subsystem:vpname}: an optional ring suffix ({@code ^ ^N * -N}), then any mix of flag
 * groups ({@code /xzRT}) and memory ids ({@code @N}), stopping at the first {@code @} not followed by a digit, where
 * the options begin.
 * <p>
 * Like libnetmap, a flag group may be followed by {@code @} but not directly by another {@code /}, and a repeated
 * {@code @N} is only accepted if it names the same region.
 */
final class RegistrationParser
{
    /**
     * {@code NETMAP_RING_MASK}: ring numbers must be below it.
     */
    static final int RING_LIMIT = 0xFFF;

    /**
     * {@code nr_mem_id} is a u16 and 0 means "not given".
     */
    static final int MAX_MEM_ID = 0xFFFF;

    private static final String FLAG_LETTERS = String.join(" ", PortFlag.LETTERS.split(""));

    private RegistrationParser()
    {
    }

    static Registration parse(final PortNameScanner scanner)
    {
        final Registration rings = ringSuffix(scanner);
        long flags = 0;
        int memId = 0;
        while (!scanner.atEnd())
        {
            if (scanner.peekIs('/'))
            {
                scanner.advance();
                flags |= flagGroup(scanner);
            }
            else if (scanner.peekIs('@'))
            {
                final int at = scanner.position();
                if (!scanner.isDigitAt(at + 1))
                {
                    if (at + 1 == scanner.limit())
                    {
                        scanner.advance();
                        throw scanner.error("a memory id or an option name after '@'");
                    }
                    break; // the options start at this '@'
                }
                scanner.advance();
                memId = memId(scanner, memId);
            }
            else
            {
                throw scanner.error("'/', '@' or the end");
            }
        }

        return new Registration(rings.mode(), rings.ringId(), flags, memId);
    }

    // The mode and ring of '^', '^N', '*', '-N' or no suffix; flags and memory id are left at 0.
    private static Registration ringSuffix(final PortNameScanner scanner)
    {
        if (scanner.peekIs('^'))
        {
            scanner.advance();
            if (scanner.peekIsDigit())
            {
                return rings(RegMode.ONE_SW, ringNumber(scanner, "a host ring number after '^'"));
            }
            if (!scanner.atEnd() && !scanner.peekIsAnyOf("/@"))
            {
                throw scanner.error("a host ring number, '/', '@' or the end");
            }

            return rings(RegMode.SW, 0);
        }
        if (scanner.peekIs('*'))
        {
            scanner.advance();

            return rings(RegMode.NIC_SW, 0);
        }
        if (scanner.peekIs('-'))
        {
            scanner.advance();

            return rings(RegMode.ONE_NIC, ringNumber(scanner, "a ring number after '-'"));
        }

        return rings(RegMode.ALL_NIC, 0);
    }

    private static Registration rings(final RegMode mode, final int ringId)
    {
        return new Registration(mode, ringId, 0, 0);
    }

    private static int ringNumber(final PortNameScanner scanner, final String notDigit)
    {
        return (int)scanner.number(0, RING_LIMIT - 1, notDigit, "a ring number in [0, " + RING_LIMIT + ")");
    }

    private static int memId(final PortNameScanner scanner, final int previous)
    {
        final int start = scanner.position();
        final int memId = (int)scanner.number(1, MAX_MEM_ID, "a memory id", "a memory id in [1, " + MAX_MEM_ID + "]");
        if (0 != previous && previous != memId)
        {
            throw scanner.errorAt(start, "the memory id given before (@" + previous + ")");
        }

        return memId;
    }

    // Reads the letters of one '/' group; it must have at least one and may only be followed by '@' or the end.
    private static long flagGroup(final PortNameScanner scanner)
    {
        long flags = 0;
        boolean any = false;
        while (!scanner.atEnd())
        {
            final PortFlag flag = PortFlag.fromLetter(scanner.peek());
            if (null == flag)
            {
                if (any && scanner.peekIs('@'))
                {
                    return flags;
                }
                break;
            }
            flags |= flag.bit();
            any = true;
            scanner.advance();
        }

        if (any && scanner.atEnd())
        {
            return flags;
        }

        throw scanner.error(any ?
            "a flag letter (" + FLAG_LETTERS + "), '@' or the end" :
            "a flag letter (" + FLAG_LETTERS + ") after '/'");
    }
}
