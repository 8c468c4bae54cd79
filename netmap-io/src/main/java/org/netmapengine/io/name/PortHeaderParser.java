package org.netmapengine.io.name;

/**
 * Parses {@code subsystem:vpname}, the part of a port name that libnetmap's {@code nmreq_header_decode} handles.
 * <p>
 * It stops at the first suffix character ({@code - * ^ / @}) or the end, having checked that whatever follows the
 * name is one of those, so an error names the first character that cannot belong to the name.
 */
final class PortHeaderParser
{
    /**
     * {@code nmreq_header.nr_name} is 64 bytes including the terminating NUL.
     */
    static final int MAX_KERNEL_NAME_LENGTH = 63;

    private static final String NETMAP = "netmap";
    private static final String VALE = "vale";
    private static final String PCAP = "pcap:";

    private PortHeaderParser()
    {
    }

    static PortHeader parse(final PortNameScanner scanner)
    {
        final int start = scanner.position();
        final Prefix prefix;
        final String switchId;
        if (scanner.startsWith(NETMAP))
        {
            scanner.skip(NETMAP.length());
            if (!scanner.peekIs(':'))
            {
                throw scanner.error("':' after 'netmap'");
            }
            prefix = Prefix.NETMAP;
            switchId = null;
        }
        else if (scanner.startsWith(VALE))
        {
            scanner.skip(VALE.length());
            final int idStart = scanner.skipWhile(PortNameChars::isIdentifier);
            if (!scanner.peekIs(':'))
            {
                throw scanner.error("a VALE switch id character [A-Za-z0-9_] or ':'");
            }
            prefix = Prefix.VALE;
            switchId = scanner.textFrom(idStart);
        }
        else if (scanner.startsWith(PCAP))
        {
            return pcap(scanner);
        }
        else
        {
            throw scanner.error("'netmap:', 'vale<id>:' or 'pcap:'");
        }
        scanner.advance();

        // libnetmap drops "netmap:" from nr_name but keeps "vale<id>:", which names the switch.
        final int kernelStart = Prefix.NETMAP == prefix ? scanner.position() : start;

        return vpname(scanner, prefix, switchId, kernelStart);
    }

    /** {@code pcap:PATH}: the path runs to the first {@code @} (where the options begin) or the end. */
    private static PortHeader pcap(final PortNameScanner scanner)
    {
        scanner.skip(PCAP.length());
        final int pathStart = scanner.skipWhile((c) -> '@' != c);
        if (scanner.position() == pathStart)
        {
            throw scanner.error("the path of a capture file after 'pcap:'");
        }
        final String path = scanner.textFrom(pathStart);
        return new PortHeader(Prefix.PCAP, null, path, PipeEnd.NONE, null, path);
    }

    private static PortHeader vpname(
        final PortNameScanner scanner, final Prefix prefix, final String switchId, final int kernelStart)
    {
        final boolean netmap = Prefix.NETMAP == prefix;
        final int parentStart = scanner.skipWhile(
            netmap ? PortNameChars::isInterfaceName : PortNameChars::isIdentifier);
        if (scanner.position() == parentStart)
        {
            throw scanner.error(netmap ? "an interface name [A-Za-z0-9_.]" : "a VALE port name [A-Za-z0-9_]");
        }
        final String parent = scanner.text().substring(kernelStart, scanner.position());

        PipeEnd pipeEnd = PipeEnd.NONE;
        String pipeId = null;
        if (scanner.peekIsAnyOf("{}"))
        {
            pipeEnd = PipeEnd.fromSeparator(scanner.peek());
            scanner.advance();
            final int pipeStart = scanner.skipWhile(PortNameChars::isIdentifier);
            if (scanner.position() == pipeStart)
            {
                throw scanner.error("a pipe name [A-Za-z0-9_] after '" + pipeEnd.separator() + "'");
            }
            pipeId = scanner.textFrom(pipeStart);
            checkNameEnd(scanner, "a pipe name character [A-Za-z0-9_] or one of - ^ * / @");
        }
        else
        {
            checkNameEnd(scanner, netmap ?
                "an interface name character [A-Za-z0-9_.] or one of { } - ^ * / @" :
                "a VALE port name character [A-Za-z0-9_] or one of { } - ^ * / @");
        }

        final String kernelName = scanner.textFrom(kernelStart);
        if (kernelName.length() > MAX_KERNEL_NAME_LENGTH)
        {
            throw scanner.errorAt(
                kernelStart + MAX_KERNEL_NAME_LENGTH,
                "at most " + MAX_KERNEL_NAME_LENGTH + " characters in the kernel name (nr_name is 64 bytes with the NUL)");
        }

        return new PortHeader(prefix, switchId, parent, pipeEnd, pipeId, kernelName);
    }

    private static void checkNameEnd(final PortNameScanner scanner, final String expected)
    {
        if (scanner.atEnd() || scanner.peekIsAnyOf(PortNameChars.SUFFIX_STARTS))
        {
            return;
        }

        if (scanner.peekIs('+'))
        {
            // Old netmap documentation lists 'foo+'; no parser ever accepted it.
            throw scanner.error("'*' for NIC and host rings ('+' is not netmap syntax)");
        }

        throw scanner.error(expected);
    }
}
