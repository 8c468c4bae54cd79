package org.netmapengine.io.name;

/**
 * Writes a {@link PortSpec} as labelled lines for the {@code ports parse} command, naming the netmap fields so a
 * reader can match them with kernel logs and C code.
 */
final class PortSpecDescription
{
    private static final int LABEL_WIDTH = 15;

    private PortSpecDescription()
    {
    }

    static String describe(final PortSpec spec)
    {
        final StringBuilder sb = new StringBuilder();
        if (spec.isPcap())
        {
            line(sb, "port name", spec.name());
            line(sb, "prefix", "pcap (a capture file replayed through one RX ring)");
            line(sb, "file", spec.parent());
            line(sb, "replay", spec.replay().orElse(ReplayOption.DEFAULT).describe());
            return sb.toString();
        }
        line(sb, "port name", spec.name());
        line(sb, "prefix", prefix(spec));
        line(sb, "kernel name", spec.kernelName());
        line(sb, "parent", spec.parent());
        line(sb, "mode", mode(spec));
        line(sb, "ring", spec.mode().usesRingId() ? Integer.toString(spec.ringId()) : "none");
        line(sb, "flags", flags(spec));
        line(sb, "memory id", 0 == spec.memId() ? "auto" : Integer.toString(spec.memId()));
        spec.conf().ifPresent((o) -> line(sb, "option conf", o.describe()));
        spec.extmem().ifPresent((o) -> line(sb, "option extmem", o.describe()));
        spec.offset().ifPresent((o) -> line(sb, "option offset", o.describe()));
        spec.share().ifPresent((o) -> line(sb, "option share", o.describe() + " (kernel name " + o.kernelName() + ")"));

        return sb.toString();
    }

    private static String prefix(final PortSpec spec)
    {
        if (Prefix.NETMAP == spec.prefix())
        {
            return Prefix.NETMAP.text();
        }

        return spec.switchId().isEmpty() ?
            "vale (default switch)" :
            "vale (switch " + Prefix.VALE.text() + spec.switchId() + ")";
    }

    private static String mode(final PortSpec spec)
    {
        final RegMode mode = spec.mode();
        final String rings = mode.usesRingId() ? mode.description() + ": ring " + spec.ringId() : mode.description();
        final String field = " (NR_REG_" + mode.name() + " = " + mode.value() + ")";
        if (PipeEnd.NONE == spec.pipeEnd())
        {
            return rings + field;
        }

        // The pipe is named in nr_name; the mode only matters when it narrows the pipe's rings.
        final String pipe = "pipe " + spec.pipeEnd().description() + " end, pipe id " + spec.pipeId();

        return RegMode.ALL_NIC == mode ? pipe + field : pipe + "; " + rings + field;
    }

    private static String flags(final PortSpec spec)
    {
        if (spec.flagSet().isEmpty())
        {
            return "none";
        }

        final StringBuilder names = new StringBuilder();
        final StringBuilder letters = new StringBuilder();
        for (final PortFlag flag : spec.flagSet())
        {
            if (names.length() > 0)
            {
                names.append(", ");
            }
            names.append(flag.description());
            letters.append(flag.letter());
        }

        return names + " (/" + letters + ", nr_flags 0x" + Long.toHexString(spec.flags()) + ")";
    }

    private static void line(final StringBuilder sb, final String label, final String value)
    {
        sb.append(label).append(':').append(" ".repeat(LABEL_WIDTH - label.length() - 1)).append(value).append('\n');
    }
}
