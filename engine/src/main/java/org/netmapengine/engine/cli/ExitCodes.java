package org.netmapengine.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code netmap-engine} exits with, for scripts.
 */
public final class ExitCodes
{
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something unexpected failed: a bug; the stack trace is printed. */
    public static final int SOFTWARE = 1;
    /** Bad command line: unknown option, bad value, bad port name. */
    public static final int USAGE = 2;
    /** The port could not be opened, or failed while in use. */
    public static final int PORT = 3;
    /** A pipeline definition is invalid. */
    public static final int CONFIG = 4;
    /** The final accounting found packets unaccounted for or leaked. */
    public static final int ACCOUNTING = 5;

    private ExitCodes()
    {
    }

    /** @return each code with what it means, in order, for the usage text. */
    static Map<String, String> descriptions()
    {
        final Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(" " + OK, "done");
        descriptions.put(" " + SOFTWARE, "unexpected error (a bug: the stack trace is printed)");
        descriptions.put(" " + USAGE, "bad command line, option value or port name");
        descriptions.put(" " + PORT, "the port could not be opened, or failed while in use");
        descriptions.put(" " + CONFIG, "a pipeline definition is invalid (every error is printed)");
        descriptions.put(" " + ACCOUNTING, "the final accounting found packets unaccounted for or leaked");
        return descriptions;
    }
}
