package org.netmapengine.engine.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: it refuses what a scraper would
 * refuse, and a little more (this project's conventions).
 * <ul>
 *   <li>every line is {@code # HELP name text}, {@code # TYPE name type}, another comment, or a sample;</li>
 *   <li>metric names match {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*} and do not
 *       start with {@code __}; no label appears twice in a sample;</li>
 *   <li>label values are double-quoted and escape only backslash, double quote and newline;</li>
 *   <li>HELP text escapes only backslash and newline;</li>
 *   <li>at most one HELP and one TYPE per family, both before its first sample; type is counter, gauge,
 *       histogram, summary or untyped;</li>
 *   <li>a family's samples are one contiguous group; no series (name and label set) appears twice;</li>
 *   <li>values parse as Go floats ({@code NaN}, {@code +Inf}, {@code -Inf} included);</li>
 *   <li>conventions: every family has HELP and TYPE; counters end in {@code _total} and are never negative;</li>
 *   <li>the text ends with a newline.</li>
 * </ul>
 */
public final class PrometheusParser
{
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[+-]?(Inf|NaN|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** A family: its HELP, TYPE and samples in order. */
    public record Family(String name, String help, String type, List<Sample> samples)
    {
    }

    /** One sample: labels in order of appearance. */
    public record Sample(String name, Map<String, String> labels, double value)
    {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Set<String> series = new HashSet<>();
    private String current;
    private int line;

    private PrometheusParser()
    {
    }

    /**
     * @return the families, by name, in order.
     * @throws IllegalArgumentException at the first violation, with its line.
     */
    public static Map<String, Family> parse(final String text)
    {
        final PrometheusParser parser = new PrometheusParser();
        if (!text.isEmpty() && !text.endsWith("\n"))
        {
            throw new IllegalArgumentException("the text does not end with a newline");
        }
        for (final String l : text.split("\n", -1))
        {
            parser.line++;
            parser.line(l);
        }
        for (final Family family : parser.families.values())
        {
            if (null == family.help() || null == family.type())
            {
                throw new IllegalArgumentException("family " + family.name() + " lacks HELP or TYPE");
            }
        }
        return parser.families;
    }

    private void line(final String l)
    {
        if (l.isEmpty())
        {
            return;
        }
        if (l.startsWith("#"))
        {
            comment(l);
            return;
        }
        sample(l);
    }

    private void comment(final String l)
    {
        final String[] parts = l.split(" ", 4);
        if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE")))
        {
            return; // an ordinary comment
        }
        final String name = parts[2];
        check(METRIC_NAME.matcher(name).matches(), "bad metric name in " + parts[1] + ": " + name);
        check(!closed.contains(name) || name.equals(current), parts[1] + " of " + name + " after its samples");
        final Family family = family(name);
        check(family.samples().isEmpty(), parts[1] + " of " + name + " after its first sample");
        final String rest = parts.length > 3 ? parts[3] : "";
        if (parts[1].equals("HELP"))
        {
            check(null == help.put(name, rest), "a second HELP for " + name);
            checkEscapes(rest, false);
            families.put(name, new Family(name, unescape(rest), family.type(), family.samples()));
        }
        else
        {
            check(TYPES.contains(rest), "bad type for " + name + ": " + rest);
            check(null == types.put(name, rest), "a second TYPE for " + name);
            check(!rest.equals("counter") || name.endsWith("_total"), "counter " + name + " does not end in _total");
            families.put(name, new Family(name, family.help(), rest, family.samples()));
        }
        switchTo(name);
    }

    private void sample(final String l)
    {
        int i = 0;
        while (i < l.length() && l.charAt(i) != '{' && l.charAt(i) != ' ')
        {
            i++;
        }
        final String name = l.substring(0, i);
        check(METRIC_NAME.matcher(name).matches(), "bad metric name: " + name);
        final Map<String, String> labels = new LinkedHashMap<>();
        if (i < l.length() && l.charAt(i) == '{')
        {
            i = labels(l, i + 1, labels);
        }
        check(i < l.length() && l.charAt(i) == ' ', "expected a space before the value");
        final String[] rest = l.substring(i + 1).trim().split(" +");
        check(rest.length >= 1 && rest.length <= 2, "expected a value and an optional timestamp");
        check(VALUE.matcher(rest[0]).matches(), "bad value: " + rest[0]);
        final double value = rest[0].endsWith("Inf") ? (rest[0].startsWith("-") ? Double.NEGATIVE_INFINITY :
            Double.POSITIVE_INFINITY) : Double.parseDouble(rest[0]);
        final String family = familyOf(name);
        check(!closed.contains(family) || family.equals(current), "samples of " + family + " are not contiguous");
        switchTo(family);
        check(series.add(name + new TreeMap<>(labels)), "a second sample of the same series: " + l);
        final Family f = family(family);
        check(!"counter".equals(f.type()) || value >= 0, "a negative counter: " + l);
        f.samples().add(new Sample(name, labels, value));
    }

    /** @return the index after the closing brace. */
    private int labels(final String l, final int from, final Map<String, String> labels)
    {
        int i = from;
        while (true)
        {
            check(i < l.length(), "unterminated label set");
            if (l.charAt(i) == '}')
            {
                return i + 1;
            }
            final int eq = l.indexOf('=', i);
            check(eq > i, "expected label=\"value\"");
            final String label = l.substring(i, eq);
            check(LABEL_NAME.matcher(label).matches() && !label.startsWith("__"), "bad label name: " + label);
            check(eq + 1 < l.length() && l.charAt(eq + 1) == '"', "label value not quoted: " + label);
            final StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (true)
            {
                check(j < l.length(), "unterminated label value of " + label);
                final char c = l.charAt(j);
                if (c == '\\')
                {
                    check(j + 1 < l.length(), "dangling backslash");
                    final char e = l.charAt(j + 1);
                    check(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e + " in " + label);
                    value.append(e == 'n' ? '\n' : e);
                    j += 2;
                }
                else if (c == '"')
                {
                    break;
                }
                else
                {
                    value.append(c);
                    j++;
                }
            }
            check(null == labels.put(label, value.toString()), "label " + label + " twice");
            i = j + 1;
            if (i < l.length() && l.charAt(i) == ',')
            {
                i++;
            }
        }
    }

    private String familyOf(final String sample)
    {
        for (final String suffix : new String[]{"_bucket", "_count", "_sum"})
        {
            if (sample.endsWith(suffix))
            {
                final String base = sample.substring(0, sample.length() - suffix.length());
                final String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type))
                {
                    return base;
                }
            }
        }
        return sample;
    }

    private Family family(final String name)
    {
        return families.computeIfAbsent(name, n -> new Family(n, null, null, new ArrayList<>()));
    }

    private void switchTo(final String family)
    {
        if (null != current && !current.equals(family))
        {
            closed.add(current);
        }
        current = family;
    }

    private void checkEscapes(final String text, final boolean quotes)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) == '\\')
            {
                check(i + 1 < text.length(), "dangling backslash");
                final char e = text.charAt(i + 1);
                check(e == '\\' || e == 'n' || (quotes && e == '"'), "bad escape \\" + e);
                i++;
            }
        }
    }

    private static String unescape(final String text)
    {
        return text.replace("\\n", "\n").replace("\\\\", "\\");
    }

    private void check(final boolean ok, final String message)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("line " + line + ": " + message);
        }
    }

    /** @return the value of the one sample of {@code name} with exactly these labels, or null. */
    public static Double value(final Map<String, Family> families, final String name, final String... labels)
    {
        final Family family = families.get(name);
        if (null == family)
        {
            return null;
        }
        final Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2)
        {
            wanted.put(labels[i], labels[i + 1]);
        }
        return family.samples().stream().filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()) &&
            wanted.entrySet().containsAll(s.labels().entrySet())).map(Sample::value).findFirst().orElse(null);
    }

    /** @return the samples of {@code name} whose labels include these. */
    public static List<Sample> samples(final Map<String, Family> families, final String name, final String... labels)
    {
        final Family family = families.get(name);
        final List<Sample> found = new ArrayList<>();
        if (null != family)
        {
            for (final Sample s : family.samples())
            {
                boolean match = true;
                for (int i = 0; i < labels.length; i += 2)
                {
                    match &= labels[i + 1].equals(s.labels().get(labels[i]));
                }
                if (match)
                {
                    found.add(s);
                }
            }
        }
        return found;
    }
}
