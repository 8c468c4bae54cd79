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

    private static final String FLAG_LETTERS = "x z t r R T";

    private RegistrationParser()
    {
    }

    static Registration parse(final PortNameScanner scanner)
    {
        RegMode mode = RegMode.ALL_NIC;
        int ringId = 0;
        String afterThis = "'/', '@' or the end";
        if (scanner.peekIs('^'))
        {
            scanner.advance();
            if (scanner.peekIsDigit())
            {
                mode = RegMode.ONE_SW;
                ringId = ringNumber(scanner, "a host ring number after '^'");
            }
            else
            {
                mode = RegMode.SW;
                afterThis = "a host ring number, '/', '@' or the end";
            }
        }
        else if (scanner.peekIs('*'))
        {
            scanner.advance();
            mode = RegMode.NIC_SW;
        }
        else if (scanner.peekIs('-'))
        {
            scanner.advance();
            mode = RegMode.ONE_NIC;
            ringId = ringNumber(scanner, "a ring number after '-'");
        }

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
                afterThis = "'/', '@' or the end";
            }
            else
            {
                throw scanner.error(afterThis);
            }
        }

        return new Registration(mode, ringId, flags, memId);
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
