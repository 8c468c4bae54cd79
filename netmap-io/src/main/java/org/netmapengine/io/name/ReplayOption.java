package org.netmapengine.io.name;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code @replay} option of a {@code pcap:} name: how fast the capture file is replayed and how many times.
 * <pre>
 *   pcap:/tmp/day.pcap                                   as fast as the pipeline takes packets, once
 *   pcap:/tmp/day.pcap@replay=recorded                   at the timing the file recorded
 *   pcap:/tmp/day.pcap@replay:rate=recorded,speed=10     ten times faster than recorded
 *   pcap:/tmp/day.pcap@replay:rate=100000,loop=0         100,000 packets per second, for ever
 * </pre>
 *
 * @param pace  {@code rate}: {@link Pace#MAX}, {@link Pace#RECORDED}, or a number for {@link Pace#RATE}; the default
 *              key.
 * @param rate  packets per second with {@link Pace#RATE}, 0 otherwise.
 * @param speed {@code speed}: a factor on the recorded timing (2 is twice as fast), 1 unless {@link Pace#RECORDED}.
 * @param loop  {@code loop}: how many times the file is played, 0 for ever; 1 by default.
 */
public record ReplayOption(Pace pace, long rate, double speed, long loop)
{
    /** As fast as possible, once. */
    public static final ReplayOption DEFAULT = new ReplayOption(Pace.MAX, 0, 1.0, 1);

    /** The highest rate accepted, in packets per second. */
    public static final long MAX_RATE = 1_000_000_000L;
    /** The highest speed factor accepted. */
    public static final double MAX_SPEED = 1_000_000.0;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,9})?");

    /** How packets are spaced in time. */
    public enum Pace
    {
        /** As fast as the receiver takes them. */
        MAX,
        /** At a constant number of packets per second. */
        RATE,
        /** As the file's timestamps say, divided by the speed factor. */
        RECORDED
    }

    /**
     * Check the values agree with each other.
     */
    public ReplayOption
    {
        Objects.requireNonNull(pace, "pace");
        if ((Pace.RATE == pace) != (rate > 0) || rate > MAX_RATE || !(speed > 0) || speed > MAX_SPEED ||
            (Pace.RECORDED != pace && 1.0 != speed) || loop < 0)
        {
            throw new IllegalArgumentException("inconsistent replay: pace=" + pace + " rate=" + rate + " speed=" +
                speed + " loop=" + loop);
        }
    }

    static ReplayOption from(final OptionValues values)
    {
        final String rateText = values.text("rate");
        final Pace pace;
        long rate = 0;
        if (null == rateText || "max".equals(rateText))
        {
            pace = Pace.MAX;
        }
        else if ("recorded".equals(rateText))
        {
            pace = Pace.RECORDED;
        }
        else
        {
            if (!rateText.chars().allMatch(Character::isDigit))
            {
                throw values.error("rate", "max, recorded or packets per second for key 'rate'");
            }
            rate = values.number("rate", MAX_RATE, 0);
            if (0 == rate)
            {
                throw values.error("rate", "a rate of at least 1 packet per second for key 'rate'");
            }
            pace = Pace.RATE;
        }

        double speed = 1.0;
        if (values.has("speed"))
        {
            if (Pace.RECORDED != pace)
            {
                throw values.error("speed", "no 'speed' unless rate=recorded (it scales the recorded timing)");
            }
            final String text = values.text("speed");
            speed = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : -1;
            if (!(speed > 0) || speed > MAX_SPEED)
            {
                throw values.error("speed", "a factor above 0 and at most " + (long)MAX_SPEED +
                    ", such as 2 or 0.5, for key 'speed'");
            }
        }

        final long loop = values.number("loop", Integer.MAX_VALUE, 1);
        return new ReplayOption(pace, rate, speed, loop);
    }

    /**
     * The option as port-name text, e.g. {@code @replay:rate=recorded,speed=2}; empty for the default.
     *
     * @return the text.
     */
    public String render()
    {
        return equals(DEFAULT) ? "" : text(false).render();
    }

    /**
     * Every key, for humans.
     *
     * @return the list.
     */
    public String describe()
    {
        return text(true).describe();
    }

    private OptionText text(final boolean all)
    {
        final OptionText text = new OptionText(OptionSyntax.REPLAY)
            .text("rate", Pace.RATE == pace ? Long.toString(rate) : pace.name().toLowerCase(java.util.Locale.ROOT));
        if (all || 1.0 != speed)
        {
            text.text("speed", 1.0 == speed ? "1" : Double.toString(speed));
        }
        if (all || 1 != loop)
        {
            text.number("loop", loop);
        }
        return text;
    }
}
