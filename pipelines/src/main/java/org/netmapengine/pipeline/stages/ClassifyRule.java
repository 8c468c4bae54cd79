package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.packet.ParsedFrame;
import org.netmapengine.pipeline.packet.TransportDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rule of {@code classify}: the criteria it gives, all of which must match; a criterion left out matches
 * everything.
 * <pre>
 *   name       the output (required)
 *   ethertype  0x0800, "0x86dd", 2054, or ipv4 | ipv6 | arp          (after VLAN tags)
 *   vlan       outer VLAN ids as ranges: 100, "100,200-299", or none (untagged only)
 *   src, dst   IPv4 or IPv6 prefixes: "10.0.0.0/8", ["2001:db8::/32", "192.0.2.1"]
 *   protocol   tcp | udp | icmp | icmpv6 | 0-255                     (IPv6: after extension headers)
 *   src-ports, dst-ports, ports (either)   "80,443,8000-8080"        (UDP or TCP; not later fragments)
 *   tcp-flags  "syn,!ack": flags that must be set, and with '!' clear (implies TCP)
 * </pre>
 */
final class ClassifyRule
{
    static final List<String> KEYS =
        List.of("dst", "dst-ports", "ethertype", "name", "ports", "protocol", "src", "src-ports", "tcp-flags", "vlan");

    private static final String[] FLAG_NAMES = { "fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr" };
    private static final String EXPECTED_FLAGS = "expected TCP flags to be set or, with '!', clear, such as " +
        "\"syn,!ack\" (fin syn rst psh ack urg ece cwr)";

    private final String name;
    private final int etherType;
    private final boolean untagged;
    private final int[] vlans;
    private final Addresses.Prefix[] sources;
    private final Addresses.Prefix[] destinations;
    private final int protocol;
    private final int[] sourcePorts;
    private final int[] destinationPorts;
    private final int[] eitherPorts;
    private final int flagsSet;
    private final int flagsClear;

    private ClassifyRule(
        final String name, final int etherType, final boolean untagged, final int[] vlans,
        final Addresses.Prefix[] sources, final Addresses.Prefix[] destinations, final int protocol,
        final int[] sourcePorts, final int[] destinationPorts, final int[] eitherPorts, final int flagsSet,
        final int flagsClear)
    {
        this.name = name;
        this.etherType = etherType;
        this.untagged = untagged;
        this.vlans = vlans;
        this.sources = sources;
        this.destinations = destinations;
        this.protocol = protocol;
        this.sourcePorts = sourcePorts;
        this.destinationPorts = destinationPorts;
        this.eitherPorts = eitherPorts;
        this.flagsSet = flagsSet;
        this.flagsClear = flagsClear;
    }

    static ClassifyRule of(final StageParameters rule)
    {
        rule.requireKnownKeys(KEYS);
        final String name = rule.getString("name");
        if (!Classify.isRuleName(name))
        {
            throw rule.error("name", "rule names become output names: expected " + Names.EXPECTED + ", other than " +
                "miss");
        }
        final boolean untagged = rule.has("vlan") && "none".equals(rule.value("vlan").unwrapped());
        final int[] vlans = !rule.has("vlan") || untagged ? null : vlanRanges(rule);
        final int flagsSet;
        final int flagsClear;
        if (rule.has("tcp-flags"))
        {
            final int[] flags = tcpFlags(rule);
            flagsSet = flags[0];
            flagsClear = flags[1];
        }
        else
        {
            flagsSet = 0;
            flagsClear = 0;
        }
        int protocol = rule.has("protocol") ? protocol(rule) : -1;
        final boolean ports = rule.has("src-ports") || rule.has("dst-ports") || rule.has("ports");
        if (ports && -1 != protocol && TransportDescriptor.PROTOCOL_TCP != protocol &&
            TransportDescriptor.PROTOCOL_UDP != protocol)
        {
            throw rule.error("protocol", "ports need UDP or TCP: expected tcp or udp with src-ports, dst-ports or " +
                "ports");
        }
        if (rule.has("tcp-flags"))
        {
            if (-1 != protocol && TransportDescriptor.PROTOCOL_TCP != protocol)
            {
                throw rule.error("protocol", "tcp-flags need TCP: expected tcp or no protocol");
            }
            protocol = TransportDescriptor.PROTOCOL_TCP;
        }
        return new ClassifyRule(name, rule.has("ethertype") ? etherType(rule) : -1, untagged, vlans,
            prefixes(rule, "src"), prefixes(rule, "dst"), protocol,
            rule.has("src-ports") ? PortRanges.parse(rule, "src-ports") : null,
            rule.has("dst-ports") ? PortRanges.parse(rule, "dst-ports") : null,
            rule.has("ports") ? PortRanges.parse(rule, "ports") : null, flagsSet, flagsClear);
    }

    String name()
    {
        return name;
    }

    /**
     * @param frame a frame parsed OK.
     * @param srcHigh the source address's high 64 bits (IPv6), srcLow its low 64 (or the IPv4 address).
     */
    boolean matches(
        final ParsedFrame frame, final long srcHigh, final long srcLow, final long dstHigh, final long dstLow)
    {
        if (-1 != etherType && etherType != frame.etherType())
        {
            return false;
        }
        if (untagged && 0 != frame.vlanCount())
        {
            return false;
        }
        if (null != vlans && (0 == frame.vlanCount() || !inRanges(vlans, frame.outerVlanId())))
        {
            return false;
        }
        if (null != sources && !inPrefixes(sources, frame.ipVersion(), srcHigh, srcLow))
        {
            return false;
        }
        if (null != destinations && !inPrefixes(destinations, frame.ipVersion(), dstHigh, dstLow))
        {
            return false;
        }
        if (-1 != protocol && protocol != frame.protocol())
        {
            return false;
        }
        if (null != sourcePorts || null != destinationPorts || null != eitherPorts)
        {
            if (!frame.hasPorts() ||
                (null != sourcePorts && !inRanges(sourcePorts, frame.sourcePort())) ||
                (null != destinationPorts && !inRanges(destinationPorts, frame.destinationPort())) ||
                (null != eitherPorts && !inRanges(eitherPorts, frame.sourcePort()) &&
                    !inRanges(eitherPorts, frame.destinationPort())))
            {
                return false;
            }
        }
        if (0 != (flagsSet | flagsClear))
        {
            final int flags = frame.tcpFlags();
            return flags >= 0 && (flags & flagsSet) == flagsSet && 0 == (flags & flagsClear);
        }
        return true;
    }

    private static boolean inRanges(final int[] ranges, final int value)
    {
        for (int i = 0; i < ranges.length; i += 2)
        {
            if (value >= ranges[i] && value <= ranges[i + 1])
            {
                return true;
            }
        }
        return false;
    }

    private static boolean inPrefixes(
        final Addresses.Prefix[] prefixes, final int version, final long high, final long low)
    {
        for (final Addresses.Prefix prefix : prefixes)
        {
            if (4 == version ? prefix.containsIpv4(low) : 6 == version && prefix.containsIpv6(high, low))
            {
                return true;
            }
        }
        return false;
    }

    private static int etherType(final StageParameters rule)
    {
        final Object raw = rule.value("ethertype").unwrapped();
        final String text = String.valueOf(raw).toLowerCase(Locale.ROOT);
        switch (text)
        {
            case "ipv4":
                return 0x0800;
            case "ipv6":
                return 0x86DD;
            case "arp":
                return 0x0806;
            default:
                final long value = raw instanceof Number || raw instanceof String ?
                    ClassifyEthertype.parseInteger(text) : -1;
                if (value < 0 || value > 0xFFFF)
                {
                    throw rule.error("ethertype", "expected an EtherType in [0x0000, 0xffff] such as 0x0800, or " +
                        "ipv4, ipv6 or arp");
                }
                return (int)value;
        }
    }

    private static int[] vlanRanges(final StageParameters rule)
    {
        final int[] ranges;
        try
        {
            ranges = PortRanges.parse(rule, "vlan");
        }
        catch (final org.netmapengine.pipeline.PipelineConfigException e)
        {
            throw rule.error("vlan", "expected VLAN ids and ranges in [0, 4095] such as 100 or \"100,200-299\", or " +
                "none");
        }
        for (int i = 1; i < ranges.length; i += 2)
        {
            if (ranges[i] > 4095)
            {
                throw rule.error("vlan", "expected VLAN ids and ranges in [0, 4095] such as 100 or \"100,200-299\", " +
                    "or none");
            }
        }
        return ranges;
    }

    private static Addresses.Prefix[] prefixes(final StageParameters rule, final String key)
    {
        if (!rule.has(key))
        {
            return null;
        }
        final ConfigValue value = rule.value(key);
        final List<String> texts = new ArrayList<>();
        if (ConfigValueType.STRING == value.valueType())
        {
            texts.add((String)value.unwrapped());
        }
        else if (ConfigValueType.LIST == value.valueType())
        {
            for (final Object element : (List<?>)value.unwrapped())
            {
                texts.add(String.valueOf(element));
            }
        }
        if (texts.isEmpty())
        {
            throw rule.error(key, Addresses.EXPECTED_PREFIX);
        }
        final Addresses.Prefix[] prefixes = new Addresses.Prefix[texts.size()];
        for (int i = 0; i < prefixes.length; i++)
        {
            prefixes[i] = Addresses.parsePrefix(texts.get(i).trim());
            if (null == prefixes[i])
            {
                throw rule.error(key, Addresses.EXPECTED_PREFIX + " ('" + texts.get(i) + "' is not)");
            }
        }
        return prefixes;
    }

    private static int protocol(final StageParameters rule)
    {
        final Object raw = rule.value("protocol").unwrapped();
        final String text = String.valueOf(raw).toLowerCase(Locale.ROOT);
        switch (text)
        {
            case "tcp":
                return TransportDescriptor.PROTOCOL_TCP;
            case "udp":
                return TransportDescriptor.PROTOCOL_UDP;
            case "icmp":
                return TransportDescriptor.PROTOCOL_ICMP;
            case "icmpv6":
                return TransportDescriptor.PROTOCOL_ICMPV6;
            default:
                if (raw instanceof Integer && (Integer)raw >= 0 && (Integer)raw <= 255)
                {
                    return (Integer)raw;
                }
                throw rule.error("protocol", "expected tcp, udp, icmp, icmpv6 or an IP protocol number in [0, 255]");
        }
    }

    /** @return {set, clear} masks. */
    private static int[] tcpFlags(final StageParameters rule)
    {
        final String text = rule.getString("tcp-flags");
        int set = 0;
        int clear = 0;
        for (final String part : text.split(",", -1))
        {
            final String word = part.trim().toLowerCase(Locale.ROOT);
            final boolean negated = word.startsWith("!");
            final int bit = flagBit(negated ? word.substring(1) : word);
            if (0 == bit || 0 != ((set | clear) & bit))
            {
                throw rule.error("tcp-flags", EXPECTED_FLAGS);
            }
            if (negated)
            {
                clear |= bit;
            }
            else
            {
                set |= bit;
            }
        }
        return new int[]{ set, clear };
    }

    private static int flagBit(final String name)
    {
        for (int b = 0; b < FLAG_NAMES.length; b++)
        {
            if (FLAG_NAMES[b].equals(name))
            {
                return 1 << b;
            }
        }
        return 0;
    }
}
