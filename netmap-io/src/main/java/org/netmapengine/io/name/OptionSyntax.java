package org.netmapengine.io.name;

import java.util.List;

/**
 * The libnetmap options a port name may carry after {@code @}: their names, keys and default key.
 * <p>
 * Every libnetmap option with a default key must have that key set, either as {@code @name=value} or as
 * {@code @name:key=value}; {@code conf} has no default key and no mandatory one, and {@code replay}'s default key
 * {@code rate} may be left out.
 */
enum OptionSyntax
{
    CONF("conf", null,
        "rings", "host-rings", "slots", "tx-rings", "rx-rings", "host-tx-rings", "host-rx-rings", "tx-slots", "rx-slots"),
    EXTMEM("extmem", "file", "file", "if-num", "if-size", "ring-num", "ring-size", "buf-num", "buf-size"),
    OFFSET("offset", "initial", "initial", "bits"),
    SHARE("share", "port", "port"),
    /** The engine's own, for {@code pcap:} names only: how to replay the file. */
    REPLAY("replay", "rate", "rate", "speed", "loop");

    /**
     * All option names, for messages.
     */
    static final String NAMES = "conf, extmem, offset or share";

    /**
     * The option names of a {@code pcap:} name, for messages.
     */
    static final String PCAP_NAMES = "replay";

    private final String optionName;
    private final String defaultKey;
    private final List<String> keys;

    OptionSyntax(final String optionName, final String defaultKey, final String... keys)
    {
        this.optionName = optionName;
        this.defaultKey = defaultKey;
        this.keys = List.of(keys);
    }

    String optionName()
    {
        return optionName;
    }

    /**
     * The key {@code @name=value} assigns, which must always be set; null when the option has none.
     */
    String defaultKey()
    {
        return defaultKey;
    }

    /** @return whether the default key must be set; {@code replay}'s {@code rate} defaults to {@code max}. */
    boolean defaultKeyRequired()
    {
        return REPLAY != this;
    }

    List<String> keys()
    {
        return keys;
    }

    /**
     * The canonical key a key as written stands for, or null. libnetmap accepts '_' for '-' in keys.
     */
    String key(final String written)
    {
        final String canonical = written.replace('_', '-');

        return keys.contains(canonical) ? canonical : null;
    }

    String bodyExpected()
    {
        return null == defaultKey ?
            "':' and key=value pairs after '" + optionName + "'" :
            "'=' and a " + defaultKey + ", or ':' and key=value pairs, after '" + optionName + "'";
    }

    /** @return the option of that name that a name of this prefix may carry, or null. */
    static OptionSyntax fromName(final String name, final Prefix prefix)
    {
        for (final OptionSyntax syntax : values())
        {
            if (syntax.optionName.equals(name) && (REPLAY == syntax) == (Prefix.PCAP == prefix))
            {
                return syntax;
            }
        }

        return null;
    }
}
