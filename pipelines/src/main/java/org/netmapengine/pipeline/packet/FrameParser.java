package org.netmapengine.pipeline.packet;

import org.netmapengine.pipeline.PacketView;

import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_ARP;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_IPV4;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_IPV6;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_OFFSET;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.HEADER_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.VLAN_ID_MASK;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.VLAN_TAG_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.isVlanTag;

/**
 * Finds and checks the headers of an Ethernet frame in place: Ethernet and its 802.1Q / 802.1ad tags; then ARP,
 * IPv4 (version, IHL, Total Length, header checksum, fragments) or IPv6 (version, Payload Length, the walk over
 * extension headers); then UDP (length), TCP (data offset, flags), ICMP or ICMPv6 (type, code). It checks every
 * length before it reads, never throws on bad input, and allocates nothing: the answer goes into a reusable
 * {@link ParsedFrame} and a {@link ParseResult} constant, which names what is wrong.
 * <p>
 * Not checked: UDP, TCP and ICMP checksums (they cover the whole payload: a stage that needs them sums them), IPv4
 * options and IPv6 option contents (skipped by length).
 */
public final class FrameParser
{
    private static final int TWO_BYTES = 2;
    private static final int WORD = 4;
    private static final int OCTETS = 8;
    /** Ethernet, IPv4 without options, UDP: the shortest frame the fast path reads. */
    private static final int FAST_PATH_MIN_LENGTH =
        HEADER_LENGTH + Ipv4Descriptor.MIN_HEADER_LENGTH + TransportDescriptor.UDP_HEADER_LENGTH;
    /** The top 24 bits of bytes 12-19 of an untagged IPv4 frame without options: EtherType 0x0800, then 0x45. */
    private static final long FAST_PATH_ETHER_TYPE_VERSION_IHL =
        ((long)ETHER_TYPE_IPV4 << 8) | (Ipv4Descriptor.VERSION << 4) | Ipv4Descriptor.MIN_IHL;

    private FrameParser()
    {
    }

    /**
     * Parses the Ethernet header and skips 802.1Q (0x8100) and 802.1ad (0x88a8) tags, however many.
     *
     * @param frame  a view over the frame.
     * @param parsed refilled: VLAN count, outer and inner ids, EtherType, L3 offset and the bytes after it.
     * @return {@link ParseResult#OK}, {@link ParseResult#TRUNCATED_ETHERNET} or {@link ParseResult#TRUNCATED_VLAN}.
     */
    public static ParseResult parseEthernet(final PacketView frame, final ParsedFrame parsed)
    {
        parsed.reset();
        final int length = frame.length();
        if (length < HEADER_LENGTH)
        {
            return ParseResult.TRUNCATED_ETHERNET;
        }

        int typeOffset = ETHER_TYPE_OFFSET;
        int etherType = frame.u16(typeOffset);
        while (isVlanTag(etherType))
        {
            if (typeOffset + VLAN_TAG_LENGTH + TWO_BYTES > length)
            {
                return ParseResult.TRUNCATED_VLAN;
            }
            final int vlanId = frame.u16(typeOffset + TWO_BYTES) & VLAN_ID_MASK;
            if (0 == parsed.vlanCount)
            {
                parsed.outerVlanId = vlanId;
            }
            else if (1 == parsed.vlanCount)
            {
                parsed.innerVlanId = vlanId;
            }
            parsed.vlanCount++;
            typeOffset += VLAN_TAG_LENGTH;
            etherType = frame.u16(typeOffset);
        }

        parsed.etherType = etherType;
        parsed.l3Offset = typeOffset + TWO_BYTES;
        parsed.l3Length = length - parsed.l3Offset;
        return ParseResult.OK;
    }

    /**
     * Parses every header it knows: Ethernet as {@link #parseEthernet}, then ARP, IPv4 or IPv6 with its extension
     * headers, then UDP, TCP, ICMP or ICMPv6. Frames of other EtherTypes and protocols, and fragments after the
     * first, parse {@link ParseResult#OK} as far as they go.
     *
     * @param frame  a view over the frame.
     * @param parsed refilled.
     * @return {@link ParseResult#OK} or the first problem found.
     */
    public static ParseResult parseTransport(final PacketView frame, final ParsedFrame parsed)
    {
        return parse(frame, parsed, true);
    }

    /**
     * Parses up to the network layer, as a router needs: Ethernet as {@link #parseEthernet}, then ARP, IPv4 (every
     * check of {@link #parseTransport} on the IPv4 header, checksum included) or the IPv6 fixed header; the upper
     * layer is neither walked to nor checked. {@link ParsedFrame#protocol()} is the IPv4 Protocol or the IPv6 Next
     * Header of the fixed header, and {@link ParsedFrame#l4Offset()} stays -1.
     *
     * @param frame  a view over the frame.
     * @param parsed refilled.
     * @return {@link ParseResult#OK} or the first problem found.
     */
    public static ParseResult parseNetwork(final PacketView frame, final ParsedFrame parsed)
    {
        return parse(frame, parsed, false);
    }

    private static ParseResult parse(final PacketView frame, final ParsedFrame parsed, final boolean upper)
    {
        if (upper && untaggedIpv4Udp(frame, parsed))
        {
            return ParseResult.OK;
        }
        return parseStepByStep(frame, parsed, upper);
    }

    /** The parse every frame could take: header by header, each check in turn. */
    static ParseResult parseStepByStep(final PacketView frame, final ParsedFrame parsed, final boolean upper)
    {
        final ParseResult ethernet = parseEthernet(frame, parsed);
        if (ParseResult.OK != ethernet)
        {
            return ethernet;
        }

        switch (parsed.etherType)
        {
            case ETHER_TYPE_IPV4:
                return parseIpv4(frame, parsed, upper);

            case ETHER_TYPE_IPV6:
                return parseIpv6(frame, parsed, upper);

            case ETHER_TYPE_ARP:
                return parseArp(frame, parsed);

            default:
                return ParseResult.OK;
        }
    }

    /**
     * The fast path for the most common frame, untagged IPv4 without options carrying UDP, not a later fragment:
     * four reads of 8 or 4 bytes instead of a dozen, and every field of {@code parsed} written once
     * ({@link ParsedFrame#untaggedUdpOverIpv4}). It makes each check {@link #parseStepByStep} makes on such a frame
     * and fills in the same; a frame that is anything else, or fails a check, is left to {@link #parseStepByStep},
     * which names the problem.
     *
     * @return true when the frame was such a frame and passed every check; {@code parsed} is then filled.
     */
    private static boolean untaggedIpv4Udp(final PacketView frame, final ParsedFrame parsed)
    {
        final int length = frame.length();
        if (length < FAST_PATH_MIN_LENGTH)
        {
            return false;
        }
        // Bytes 12-19: EtherType, version and IHL, TOS, Total Length, Identification.
        final long ethernetIp = frame.u64(ETHER_TYPE_OFFSET);
        if ((ethernetIp >>> 40) != FAST_PATH_ETHER_TYPE_VERSION_IHL)
        {
            return false;
        }
        // Bytes 20-27: flags and fragment offset, TTL, Protocol, header checksum, the first half of the source.
        final long flagsToSource = frame.u64(HEADER_LENGTH + Ipv4Descriptor.FLAGS_FRAGMENT_OFFSET);
        final int flagsFragment = (int)(flagsToSource >>> 48);
        if (((flagsToSource >>> 32) & 0xFF) != TransportDescriptor.PROTOCOL_UDP ||
            0 != (flagsFragment & Ipv4Descriptor.FRAGMENT_OFFSET_MASK))
        {
            return false;
        }
        // Bytes 28-35: the source's second half, the destination, the UDP source port.
        final long sourceToPort = frame.u64(HEADER_LENGTH + Ipv4Descriptor.FLAGS_FRAGMENT_OFFSET + Long.BYTES);
        // Bytes 36-39: UDP destination port and length.
        final int ports = frame.i32(HEADER_LENGTH + Ipv4Descriptor.MIN_HEADER_LENGTH +
            TransportDescriptor.DESTINATION_PORT_OFFSET);
        final int totalLength = (int)(ethernetIp >>> 16) & 0xFFFF;
        final int udpLength = ports & 0xFFFF;
        final int ipPayload = totalLength - Ipv4Descriptor.MIN_HEADER_LENGTH;
        if (ipPayload < TransportDescriptor.UDP_HEADER_LENGTH || totalLength > length - HEADER_LENGTH ||
            udpLength < TransportDescriptor.UDP_HEADER_LENGTH || udpLength > ipPayload)
        {
            return false;
        }
        // The IPv4 header is bytes 14-33: the low 48 bits of the first read, all of the second, the high 48 bits of
        // the third; the ones' complement sum of its words must be all ones (RFC 1071).
        if (!Checksums.sumsToAllOnes(ethernetIp & 0xFFFF_FFFF_FFFFL, flagsToSource, sourceToPort >>> 16))
        {
            return false;
        }
        parsed.untaggedUdpOverIpv4(totalLength, 0 != (flagsFragment & Ipv4Descriptor.MORE_FRAGMENTS),
            (int)sourceToPort & 0xFFFF, ports >>> 16);
        return true;
    }

    private static ParseResult parseArp(final PacketView frame, final ParsedFrame parsed)
    {
        final int offset = parsed.l3Offset;
        if (parsed.l3Length < ArpDescriptor.FIXED_LENGTH)
        {
            return ParseResult.TRUNCATED_ARP;
        }
        final int hardwareLength = frame.u8(offset + ArpDescriptor.HARDWARE_LENGTH_OFFSET);
        final int protocolLength = frame.u8(offset + ArpDescriptor.PROTOCOL_LENGTH_OFFSET);
        if (ArpDescriptor.FIXED_LENGTH + 2 * (hardwareLength + protocolLength) > parsed.l3Length)
        {
            return ParseResult.TRUNCATED_ARP;
        }
        parsed.arpOperation = frame.u16(offset + ArpDescriptor.OPERATION_OFFSET);
        parsed.ethernetIpv4Arp =
            ArpDescriptor.HARDWARE_ETHERNET == frame.u16(offset + ArpDescriptor.HARDWARE_TYPE_OFFSET) &&
            ETHER_TYPE_IPV4 == frame.u16(offset + ArpDescriptor.PROTOCOL_TYPE_OFFSET) &&
            ArpDescriptor.HARDWARE_ADDRESS_LENGTH == hardwareLength &&
            ArpDescriptor.PROTOCOL_ADDRESS_LENGTH == protocolLength;
        return ParseResult.OK;
    }

    private static ParseResult parseIpv4(final PacketView frame, final ParsedFrame parsed, final boolean upper)
    {
        final int offset = parsed.l3Offset;
        if (parsed.l3Length < Ipv4Descriptor.MIN_HEADER_LENGTH)
        {
            return ParseResult.TRUNCATED_IPV4;
        }

        final int versionIhl = frame.u8(offset + Ipv4Descriptor.VERSION_IHL_OFFSET);
        if (Ipv4Descriptor.VERSION != versionIhl >>> 4)
        {
            return ParseResult.BAD_IPV4_VERSION;
        }
        final int ihl = versionIhl & 0xF;
        if (ihl < Ipv4Descriptor.MIN_IHL)
        {
            return ParseResult.BAD_IPV4_IHL;
        }
        final int headerLength = ihl * WORD;
        final int totalLength = frame.u16(offset + Ipv4Descriptor.TOTAL_LENGTH_OFFSET);
        if (totalLength < headerLength)
        {
            return ParseResult.BAD_IPV4_LENGTH;
        }
        if (totalLength > parsed.l3Length)
        {
            return ParseResult.TRUNCATED_IPV4;
        }
        if (!Checksums.ipv4HeaderOk(frame, offset, headerLength))
        {
            return ParseResult.BAD_IPV4_CHECKSUM;
        }

        final int flagsFragment = frame.u16(offset + Ipv4Descriptor.FLAGS_FRAGMENT_OFFSET);
        final int fragmentOffset = (flagsFragment & Ipv4Descriptor.FRAGMENT_OFFSET_MASK) * OCTETS;
        if (fragmentOffset + totalLength - headerLength > Ipv4Descriptor.MAX_DATAGRAM_LENGTH)
        {
            return ParseResult.BAD_IPV4_FRAGMENT;
        }
        parsed.ipVersion = Ipv4Descriptor.VERSION;
        parsed.l3Length = totalLength;
        parsed.protocol = frame.u8(offset + Ipv4Descriptor.PROTOCOL_OFFSET);
        parsed.fragment = 0 != (flagsFragment & (Ipv4Descriptor.MORE_FRAGMENTS | Ipv4Descriptor.FRAGMENT_OFFSET_MASK));
        if (0 != fragmentOffset)
        {
            parsed.laterFragment = true;
            return ParseResult.OK;
        }
        if (!upper)
        {
            return ParseResult.OK;
        }

        return parseUpperLayer(frame, parsed, offset + headerLength, totalLength - headerLength);
    }

    private static ParseResult parseIpv6(final PacketView frame, final ParsedFrame parsed, final boolean upper)
    {
        final int offset = parsed.l3Offset;
        if (parsed.l3Length < Ipv6Descriptor.HEADER_LENGTH)
        {
            return ParseResult.TRUNCATED_IPV6;
        }
        if (Ipv6Descriptor.VERSION != frame.u8(offset + Ipv6Descriptor.VERSION_OFFSET) >>> 4)
        {
            return ParseResult.BAD_IPV6_VERSION;
        }
        final int payloadLength = frame.u16(offset + Ipv6Descriptor.PAYLOAD_LENGTH_OFFSET);
        if (Ipv6Descriptor.HEADER_LENGTH + payloadLength > parsed.l3Length)
        {
            return ParseResult.TRUNCATED_IPV6;
        }

        parsed.ipVersion = Ipv6Descriptor.VERSION;
        parsed.l3Length = Ipv6Descriptor.HEADER_LENGTH + payloadLength;
        if (!upper)
        {
            parsed.protocol = frame.u8(offset + Ipv6Descriptor.NEXT_HEADER_OFFSET);
            return ParseResult.OK;
        }
        return walkExtensions(frame, parsed, frame.u8(offset + Ipv6Descriptor.NEXT_HEADER_OFFSET),
            offset + Ipv6Descriptor.HEADER_LENGTH, offset + parsed.l3Length);
    }

    /** Follows Next Header from {@code at} to the upper layer, each extension header checked against {@code end}. */
    private static ParseResult walkExtensions(
        final PacketView frame, final ParsedFrame parsed, final int firstHeader, final int at, final int end)
    {
        int next = firstHeader;
        int offset = at;
        for (int count = 0; ; count++)
        {
            final int length;
            switch (next)
            {
                case Ipv6Descriptor.HOP_BY_HOP:
                case Ipv6Descriptor.ROUTING:
                case Ipv6Descriptor.DESTINATION_OPTIONS:
                case Ipv6Descriptor.MOBILITY:
                case Ipv6Descriptor.HIP:
                case Ipv6Descriptor.SHIM6:
                    if (Ipv6Descriptor.HOP_BY_HOP == next && count > 0)
                    {
                        return ParseResult.BAD_IPV6_EXTENSION;
                    }
                    if (offset + Ipv6Descriptor.EXTENSION_MIN_LENGTH > end)
                    {
                        return ParseResult.TRUNCATED_IPV6_EXTENSION;
                    }
                    length = (frame.u8(offset + 1) + 1) * OCTETS;
                    break;

                case Ipv6Descriptor.AUTHENTICATION:
                    if (offset + Ipv6Descriptor.EXTENSION_MIN_LENGTH > end)
                    {
                        return ParseResult.TRUNCATED_IPV6_EXTENSION;
                    }
                    length = (frame.u8(offset + 1) + 2) * WORD;
                    break;

                case Ipv6Descriptor.FRAGMENT:
                    length = Ipv6Descriptor.FRAGMENT_HEADER_LENGTH;
                    break;

                case Ipv6Descriptor.ESP:
                case Ipv6Descriptor.NO_NEXT_HEADER:
                    parsed.protocol = next;
                    return ParseResult.OK;

                default:
                    parsed.protocol = next;
                    return parseUpperLayer(frame, parsed, offset, end - offset);
            }
            if (count == Ipv6Descriptor.MAX_EXTENSION_HEADERS)
            {
                return ParseResult.BAD_IPV6_EXTENSION;
            }
            if (offset + length > end)
            {
                return ParseResult.TRUNCATED_IPV6_EXTENSION;
            }
            if (Ipv6Descriptor.FRAGMENT == next)
            {
                parsed.fragment = true;
                final int offsetField = frame.u16(offset + Ipv6Descriptor.FRAGMENT_OFFSET_FIELD);
                if (0 != (offsetField & Ipv6Descriptor.FRAGMENT_OFFSET_MASK))
                {
                    parsed.laterFragment = true;
                    parsed.protocol = frame.u8(offset);
                    return ParseResult.OK;
                }
            }
            next = frame.u8(offset);
            offset += length;
        }
    }

    /**
     * Checks the upper-layer header at {@code offset}, {@code length} bytes to the end of the IP payload, and fills
     * in its offset and what stages decide on.
     */
    private static ParseResult parseUpperLayer(
        final PacketView frame, final ParsedFrame parsed, final int offset, final int length)
    {
        switch (parsed.protocol)
        {
            case TransportDescriptor.PROTOCOL_UDP:
                if (length < TransportDescriptor.UDP_HEADER_LENGTH)
                {
                    return ParseResult.TRUNCATED_UDP;
                }
                final int udpLength = frame.u16(offset + TransportDescriptor.UDP_LENGTH_OFFSET);
                if (udpLength < TransportDescriptor.UDP_HEADER_LENGTH || udpLength > length)
                {
                    return ParseResult.BAD_UDP_LENGTH;
                }
                setPorts(frame, parsed, offset);
                break;

            case TransportDescriptor.PROTOCOL_TCP:
                final ParseResult tcp = checkTcp(frame, offset, length);
                if (ParseResult.OK != tcp)
                {
                    return tcp;
                }
                setPorts(frame, parsed, offset);
                parsed.tcpFlags = frame.u8(offset + TransportDescriptor.TCP_FLAGS_OFFSET);
                break;

            case TransportDescriptor.PROTOCOL_ICMP:
            case TransportDescriptor.PROTOCOL_ICMPV6:
                if (length < IcmpDescriptor.HEADER_LENGTH)
                {
                    return TransportDescriptor.PROTOCOL_ICMP == parsed.protocol ? ParseResult.TRUNCATED_ICMP :
                        ParseResult.TRUNCATED_ICMPV6;
                }
                parsed.icmpType = frame.u8(offset + IcmpDescriptor.TYPE_OFFSET);
                parsed.icmpCode = frame.u8(offset + IcmpDescriptor.CODE_OFFSET);
                break;

            default:
                break;
        }

        parsed.l4Offset = offset;
        parsed.l4Length = length;
        return ParseResult.OK;
    }

    private static void setPorts(final PacketView frame, final ParsedFrame parsed, final int offset)
    {
        parsed.sourcePort = frame.u16(offset + TransportDescriptor.SOURCE_PORT_OFFSET);
        parsed.destinationPort = frame.u16(offset + TransportDescriptor.DESTINATION_PORT_OFFSET);
    }

    private static ParseResult checkTcp(final PacketView frame, final int offset, final int length)
    {
        if (length < TransportDescriptor.TCP_MIN_HEADER_LENGTH)
        {
            return ParseResult.TRUNCATED_TCP;
        }
        final int dataOffset = frame.u8(offset + TransportDescriptor.TCP_DATA_OFFSET_OFFSET) >>> 4;
        if (dataOffset < TransportDescriptor.TCP_MIN_DATA_OFFSET)
        {
            return ParseResult.BAD_TCP_OFFSET;
        }
        if (dataOffset * WORD > length)
        {
            return ParseResult.TRUNCATED_TCP;
        }

        return ParseResult.OK;
    }
}
