package org.netmapengine.io.name;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed netmap port name: which port to open, which of its rings, with which flags, in which memory region and
 * with which libnetmap options. It is what libnetmap's {@code nmport_parse} puts into {@code nmreq_header} and
 * {@code nmreq_register} (API 14), computed without touching {@code /dev/netmap}.
 *
 * <h2>Grammar</h2>
 * <pre>
 * portspec  = subsystem ":" vpname [ rings ] *( "/" 1*flag | "@" memid ) *( "@" option )
 *           | "pcap:" path [ "@" replay ]          ; a capture file, replayed (the engine's own)
 * subsystem = "netmap" | "vale" *idchar            ; an empty VALE id selects the default switch
 * vpname    = port [ ( "{" | "}" ) 1*idchar ]      ; '{' pipe master end, '}' pipe slave end
 * port      = 1*ifchar                             ; after "netmap:": an interface name
 *           | 1*idchar                             ; after "vale...:": a VALE port name
 * rings     = "^"                                  ; all host rings            NR_REG_SW
 *           | "^" ring                             ; one host ring pair        NR_REG_ONE_SW
 *           | "*"                                  ; NIC and host rings        NR_REG_NIC_SW
 *           | "-" ring                             ; one NIC ring pair         NR_REG_ONE_NIC
 *                                                  ; (none)  all NIC rings     NR_REG_ALL_NIC
 * flag      = "x"                                  ; exclusive                 NR_EXCLUSIVE      0x800
 *           | "z"                                  ; zero-copy monitor         NR_ZCOPY_MON      0x400
 *           | "t"                                  ; copy monitor of TX        NR_MONITOR_TX     0x100
 *           | "r"                                  ; copy monitor of RX        NR_MONITOR_RX     0x200
 *           | "R"                                  ; bind RX rings only        NR_RX_RINGS_ONLY  0x2000
 *           | "T"                                  ; bind TX rings only        NR_TX_RINGS_ONLY  0x4000
 * option    = name "=" value                       ; sets the option's default key
 *           | name ":" [ key "=" value *( "," key "=" value ) ]
 * idchar    = ALPHA | DIGIT | "_"
 * ifchar    = idchar | "."
 * ring      = 1*DIGIT                              ; 0 to 4094 (below NETMAP_RING_MASK)
 * memid     = 1*DIGIT                              ; 1 to 65535
 * path      = 1*( any character but "@" )          ; absolute, or relative to the working directory
 * </pre>
 * Further rules: flags come in any order and may repeat; a flag group may be followed by {@code @} but not directly
 * by another {@code /}; a second {@code @N} must repeat the first; the options begin at the first {@code @} that is
 * not followed by a digit and each runs to the next {@code @}; a key may be written with {@code _} for {@code -};
 * each key and each option may appear once.
 *
 * <h2>Options</h2>
 * <pre>
 * option  keys (default key first, and mandatory, where there is one)
 * share   *port                                        memory region of another port, "subsystem:vpname"
 * conf    rings host-rings slots tx-rings rx-rings     ring and slot counts for a port the open creates
 *         host-tx-rings host-rx-rings tx-slots rx-slots
 * extmem  *file if-num if-size ring-num ring-size      memory region from mmap()ing a file
 *         buf-num buf-size
 * offset  *initial bits                                per-slot offsets (headroom)
 * replay  *rate speed loop                             pcap: only; rate = max | recorded | packets per second,
 *                                                      speed = factor on recorded timing, loop = times (0 = ever)
 * </pre>
 * A {@code pcap:} name takes no ring suffix, flags or memory id: the file is one RX ring. {@link #withFlag} and
 * {@link #withRing} return it unchanged.
 *
 * <h2>Kernel name</h2>
 * {@link #kernelName()} is {@code nr_name}: without {@code netmap:}, with {@code vale<id>:}, and with the pipe
 * suffix, which the API 14 kernel parses itself (<code>netmap:foo{1</code> registers <code>foo{1</code> in mode
 * {@link RegMode#ALL_NIC}). It must fit 63 bytes.
 * <p>
 * Instances are immutable. Equality covers the text as well as the meaning; two names that open the same thing
 * have the same {@link #canonicalName()}.
 */
public final class PortSpec
{
    /** A capture file has one RX ring and nothing to register: no ring suffix, flags or memory id. */
    private static final Registration PCAP_REGISTRATION = new Registration(RegMode.ALL_NIC, 0, 0, 0);

    private final String name;
    private final PortHeader header;
    private final Registration registration;
    private final PortOptions options;
    private final Set<PortFlag> flagSet;

    private PortSpec(
        final String name, final PortHeader header, final Registration registration, final PortOptions options)
    {
        this.name = name;
        this.header = header;
        this.registration = registration;
        this.options = options;
        this.flagSet = flagSet(registration.flags());
    }

    /**
     * Parse a port name.
     *
     * @param name the port name, e.g. {@code netmap:eth0-2/R}.
     * @return the parsed spec.
     * @throws PortNameException if the name does not follow the grammar; it says where and what was expected.
     */
    public static PortSpec parse(final String name)
    {
        Objects.requireNonNull(name, "name");
        final PortNameScanner scanner = new PortNameScanner(name);
        final PortHeader header = PortHeaderParser.parse(scanner);
        final Registration registration = Prefix.PCAP == header.prefix() ? PCAP_REGISTRATION :
            RegistrationParser.parse(scanner);
        final PortOptions options = OptionParser.parse(scanner, header.prefix());

        return new PortSpec(name, header, registration, options);
    }

    /**
     * The text this spec was parsed from.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The subsystem.
     *
     * @return {@link Prefix#NETMAP} or {@link Prefix#VALE}.
     */
    public Prefix prefix()
    {
        return header.prefix();
    }

    /**
     * The VALE switch id between {@code vale} and {@code :}, empty for the default switch.
     *
     * @return the id, or null for {@link Prefix#NETMAP}.
     */
    public String switchId()
    {
        return header.switchId();
    }

    /**
     * What goes into {@code nmreq_header.nr_name}: {@code eth0}, <code>foo{1</code>, {@code vale0:a}.
     *
     * @return the kernel name, at most 63 characters.
     */
    public String kernelName()
    {
        return header.kernelName();
    }

    /**
     * The port without the pipe suffix: the interface, or for a pipe the port whose memory it lives in.
     *
     * @return {@code eth0}, {@code foo}, {@code vale0:a}.
     */
    public String parent()
    {
        return header.parent();
    }

    /**
     * Which pipe end this name opens.
     *
     * @return the end, {@link PipeEnd#NONE} if not a pipe.
     */
    public PipeEnd pipeEnd()
    {
        return header.pipeEnd();
    }

    /**
     * The pipe id after <code>{</code> or <code>}</code>: a number or any identifier.
     *
     * @return the id, or null when not a pipe.
     */
    public String pipeId()
    {
        return header.pipeId();
    }

    /**
     * {@code nmreq_register.nr_mode}.
     *
     * @return the registration mode.
     */
    public RegMode mode()
    {
        return registration.mode();
    }

    /**
     * {@code nmreq_register.nr_ringid}: the ring of {@code -N} or {@code ^N}.
     *
     * @return the ring, 0 when the mode does not select one.
     */
    public int ringId()
    {
        return registration.ringId();
    }

    /**
     * {@code nmreq_register.nr_flags}.
     *
     * @return an OR of {@link PortFlag#bit()}s.
     */
    public long flags()
    {
        return registration.flags();
    }

    /**
     * The flags given after {@code /}.
     *
     * @return an unmodifiable set.
     */
    public Set<PortFlag> flagSet()
    {
        return flagSet;
    }

    /**
     * Whether a flag was given.
     *
     * @param flag the flag.
     * @return true if set.
     */
    public boolean hasFlag(final PortFlag flag)
    {
        return 0 != (registration.flags() & flag.bit());
    }

    /**
     * {@code nmreq_register.nr_mem_id} from {@code @N}.
     *
     * @return the memory region id, 0 for "let netmap choose".
     */
    public int memId()
    {
        return registration.memId();
    }

    /**
     * The {@code @conf:} option.
     *
     * @return the option, if given.
     */
    public Optional<ConfOption> conf()
    {
        return Optional.ofNullable(options.conf());
    }

    /**
     * The {@code @share=} option.
     *
     * @return the option, if given.
     */
    public Optional<ShareOption> share()
    {
        return Optional.ofNullable(options.share());
    }

    /**
     * The {@code @offset:} option.
     *
     * @return the option, if given.
     */
    public Optional<OffsetOption> offset()
    {
        return Optional.ofNullable(options.offset());
    }

    /**
     * The {@code @extmem:} option.
     *
     * @return the option, if given.
     */
    public Optional<ExtmemOption> extmem()
    {
        return Optional.ofNullable(options.extmem());
    }

    /**
     * The {@code @replay} option of a {@code pcap:} name.
     *
     * @return the option, if given.
     */
    public Optional<ReplayOption> replay()
    {
        return Optional.ofNullable(options.replay());
    }

    /**
     * Whether this names a capture file ({@code pcap:PATH}) rather than a netmap port.
     *
     * @return true for {@link Prefix#PCAP}.
     */
    public boolean isPcap()
    {
        return Prefix.PCAP == header.prefix();
    }

    /**
     * The name written in one normal form: ring suffix, flags in {@link PortFlag} order, {@code @N}, then the options
     * in the order conf, extmem, offset, share. Parsing it gives a spec with the same meaning.
     *
     * @return the canonical name.
     */
    public String canonicalName()
    {
        return canonicalName(flagSet);
    }

    /**
     * The same port with one more flag, e.g. {@code /R} for a receiver's file descriptor and {@code /T} for a
     * transmitter's, so each fd binds only the rings its single owner thread syncs.
     *
     * @param flag the flag to add.
     * @return the port with {@code flag}; this one when it has it already.
     */
    public PortSpec withFlag(final PortFlag flag)
    {
        if (flagSet.contains(flag) || isPcap())
        {
            return this;
        }
        final java.util.EnumSet<PortFlag> flags = java.util.EnumSet.of(flag);
        flags.addAll(flagSet);
        return parse(canonicalName(flags));
    }

    /**
     * The same port bound to one ring pair only ({@code -N}), for one receiver per ring.
     *
     * @param ring the ring pair.
     * @return the port as {@code NAME-ring} with this port's flags, memory id and options.
     */
    public PortSpec withRing(final int ring)
    {
        if (isPcap())
        {
            return this;
        }
        return parse(canonicalName(flagSet, RegMode.ONE_NIC, ring));
    }

    private String canonicalName(final Set<PortFlag> flags)
    {
        return canonicalName(flags, registration.mode(), registration.ringId());
    }

    private String canonicalName(final Set<PortFlag> flags, final RegMode mode, final int ringId)
    {
        final StringBuilder sb = new StringBuilder();
        if (Prefix.VALE != header.prefix())
        {
            sb.append(header.prefix().text()).append(':');
        }
        sb.append(header.kernelName());
        if (isPcap())
        {
            replay().ifPresent((o) -> sb.append(o.render()));
            return sb.toString();
        }

        switch (mode)
        {
            case SW:
                sb.append('^');
                break;

            case ONE_SW:
                sb.append('^').append(ringId);
                break;

            case NIC_SW:
                sb.append('*');
                break;

            case ONE_NIC:
                sb.append('-').append(ringId);
                break;

            default:
                break;
        }

        if (!flags.isEmpty())
        {
            sb.append('/');
            for (final PortFlag flag : flags)
            {
                sb.append(flag.letter());
            }
        }
        if (0 != registration.memId())
        {
            sb.append('@').append(registration.memId());
        }

        conf().ifPresent((o) -> sb.append(o.render()));
        extmem().ifPresent((o) -> sb.append(o.render()));
        offset().ifPresent((o) -> sb.append(o.render()));
        share().ifPresent((o) -> sb.append(o.render()));

        return sb.toString();
    }

    /**
     * Several lines for humans, as printed by {@code netmap-engine ports parse NAME}.
     *
     * @return the description, one "label: value" per line.
     */
    public String describe()
    {
        return PortSpecDescription.describe(this);
    }

    /**
     * {@inheritDoc}
     */
    public boolean equals(final Object o)
    {
        if (this == o)
        {
            return true;
        }
        if (!(o instanceof PortSpec))
        {
            return false;
        }

        final PortSpec that = (PortSpec)o;

        return name.equals(that.name) &&
            header.equals(that.header) &&
            registration.equals(that.registration) &&
            options.equals(that.options);
    }

    /**
     * {@inheritDoc}
     */
    public int hashCode()
    {
        return Objects.hash(name, header, registration, options);
    }

    /**
     * The name as given, so a spec reads naturally in log lines.
     *
     * @return {@link #name()}.
     */
    public String toString()
    {
        return name;
    }

    private static Set<PortFlag> flagSet(final long flags)
    {
        final EnumSet<PortFlag> set = EnumSet.noneOf(PortFlag.class);
        for (final PortFlag flag : PortFlag.values())
        {
            if (0 != (flags & flag.bit()))
            {
                set.add(flag);
            }
        }

        return Collections.unmodifiableSet(set);
    }
}
