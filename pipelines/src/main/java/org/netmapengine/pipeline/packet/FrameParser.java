package org.netmapengine.pipeline.packet;

import org.netmapengine.pipeline.PacketView;

import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_IPV4;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_IPV6;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.ETHER_TYPE_OFFSET;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.HEADER_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.VLAN_ID_MASK;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.VLAN_TAG_LENGTH;
import static org.netmapengine.pipeline.packet.EthernetDescriptor.isVlanTag;

/**
 * Finds the headers of an Ethernet frame in place: Ethernet and its VLAN tags, then IPv4 or the IPv6 fixed header,
 * then the ports of UDP or TCP. It checks every length before it reads, never throws on bad input, and allocates
 * nothing: the answer goes into a reusable {@link ParsedFrame} and a {@link ParseResult} constant.
 * <p>
 * Not yet parsed (later parsers build on this one): IPv6 extension headers (a Next Header other than UDP or TCP
 * leaves the ports at -1), ARP, ICMP, checksums.
 */
public final class FrameParser
{
    private static final int TWO_BYTES = 2;

    private FrameParser()
    {
    }

    /**
     * Parses the Ethernet header and skips 802.1Q (0x8100) and 802.1ad (0x88a8) tags, however many.
     *
     * @param frame  a view over the frame.
     * @param parsed refilled: VLAN count and outer id, EtherType, L3 offset and the bytes after it.
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
            if (0 == parsed.vlanCount)
            {
                parsed.outerVlanId = frame.u16(typeOffset + TWO_BYTES) & VLAN_ID_MASK;
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
     * Parses up to the transport ports: Ethernet as {@link #parseEthernet}, then IPv4 (version, IHL, Total Length,
     * fragment offset) or the IPv6 fixed header (version, Payload Length), then the UDP or TCP header when the IP
     * protocol is one of them. Frames of other EtherTypes and protocols, and IPv4 fragments after the first, parse
     * {@link ParseResult#OK} with no ports.
     *
     * @param frame  a view over the frame.
     * @param parsed refilled.
     * @return {@link ParseResult#OK} or the first problem found.
     */
    public static ParseResult parseTransport(final PacketView frame, final ParsedFrame parsed)
    {
        final ParseResult ethernet = parseEthernet(frame, parsed);
        if (ParseResult.OK != ethernet)
        {
            return ethernet;
        }

        switch (parsed.etherType)
        {
            case ETHER_TYPE_IPV4:
                return parseIpv4(frame, parsed);

            case ETHER_TYPE_IPV6:
                return parseIpv6(frame, parsed);

            default:
                return ParseResult.OK;
        }
    }

    private static ParseResult parseIpv4(final PacketView frame, final ParsedFrame parsed)
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
        final int headerLength = ihl * 4;
        final int totalLength = frame.u16(offset + Ipv4Descriptor.TOTAL_LENGTH_OFFSET);
        if (totalLength < headerLength)
        {
            return ParseResult.BAD_IPV4_LENGTH;
        }
        if (totalLength > parsed.l3Length)
        {
            return ParseResult.TRUNCATED_IPV4;
        }

        final int flagsFragment = frame.u16(offset + Ipv4Descriptor.FLAGS_FRAGMENT_OFFSET);
        parsed.ipVersion = Ipv4Descriptor.VERSION;
        parsed.l3Length = totalLength;
        parsed.protocol = frame.u8(offset + Ipv4Descriptor.PROTOCOL_OFFSET);
        parsed.fragment = 0 != (flagsFragment & (Ipv4Descriptor.MORE_FRAGMENTS | Ipv4Descriptor.FRAGMENT_OFFSET_MASK));
        if (0 != (flagsFragment & Ipv4Descriptor.FRAGMENT_OFFSET_MASK))
        {
            return ParseResult.OK;
        }

        return parsePorts(frame, parsed, offset + headerLength, totalLength - headerLength);
    }

    private static ParseResult parseIpv6(final PacketView frame, final ParsedFrame parsed)
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
        parsed.protocol = frame.u8(offset + Ipv6Descriptor.NEXT_HEADER_OFFSET);

        return parsePorts(frame, parsed, offset + Ipv6Descriptor.HEADER_LENGTH, payloadLength);
    }

    private static ParseResult parsePorts(
        final PacketView frame, final ParsedFrame parsed, final int offset, final int length)
    {
        switch (parsed.protocol)
        {
            case TransportDescriptor.PROTOCOL_UDP:
                if (length < TransportDescriptor.UDP_HEADER_LENGTH)
                {
                    return ParseResult.TRUNCATED_UDP;
                }
                break;

            case TransportDescriptor.PROTOCOL_TCP:
                final ParseResult tcp = checkTcp(frame, offset, length);
                if (ParseResult.OK != tcp)
                {
                    return tcp;
                }
                break;

            default:
                return ParseResult.OK;
        }

        parsed.l4Offset = offset;
        parsed.l4Length = length;
        parsed.sourcePort = frame.u16(offset + TransportDescriptor.SOURCE_PORT_OFFSET);
        parsed.destinationPort = frame.u16(offset + TransportDescriptor.DESTINATION_PORT_OFFSET);
        return ParseResult.OK;
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
        if (dataOffset * 4 > length)
        {
            return ParseResult.TRUNCATED_TCP;
        }

        return ParseResult.OK;
    }
}
