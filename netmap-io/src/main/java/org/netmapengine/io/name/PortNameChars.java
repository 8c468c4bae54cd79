package org.netmapengine.io.name;

/**
 * Character classes of the port-name grammar.
 * <p>
 * Identifiers are ASCII {@code [A-Za-z0-9_]}, like libnetmap's {@code isalnum} in the C locale and the kernel's VALE
 * name check. Interface names behind {@code netmap:} also take {@code '.'} so VLAN devices such as {@code eth0.100}
 * can be named; libnetmap does not check that part at all and leaves it to the kernel's interface lookup.
 */
final class PortNameChars
{
    /**
     * Characters that end the port part of a name and start the mode, flags, memory id or options.
     */
    static final String SUFFIX_STARTS = "-*^/@";

    private PortNameChars()
    {
    }

    static boolean isDigit(final int c)
    {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifier(final int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || '_' == c;
    }

    static boolean isInterfaceName(final int c)
    {
        return isIdentifier(c) || '.' == c;
    }
}
