package org.netmapengine.pipeline;

import java.util.regex.Pattern;

/**
 * What a name in a pipeline may look like: stage, port, output and rule names all appear in metric names and in
 * configuration paths, so they are plain words.
 */
public final class Names
{
    /** What {@link #isValid(String)} accepts, in words, for messages. */
    public static final String EXPECTED = "a name of letters, digits, '_' and '-', starting with a letter or digit";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private Names()
    {
    }

    /**
     * @param name a candidate name.
     * @return whether it is letters, digits, '_' and '-', starting with a letter or digit.
     */
    public static boolean isValid(final String name)
    {
        return NAME.matcher(name).matches();
    }
}
