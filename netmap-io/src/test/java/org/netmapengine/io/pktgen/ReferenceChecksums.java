package org.netmapengine.io.pktgen;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * IPv4 and UDP checksums computed from scratch, the slow obvious way, from the bytes of a frame: independent of
 * {@link InternetChecksum} and of the template's partial sums.
 */
final class ReferenceChecksums
{
    private ReferenceChecksums()
    {
    }

    /** @return the IPv4 header checksum the frame should carry. */
    static int ipHeader(final byte[] frame)
    {
        final byte[] header = Arrays.copyOfRange(frame, 14, 34);
        header[10] = 0;
        header[11] = 0;
        return complement(header);
    }

    /** @return the UDP checksum the frame should carry (0xFFFF for a computed 0). */
    static int udp(final byte[] frame)
    {
        final int udpLength = ((frame[38] & 0xFF) << 8) | (frame[39] & 0xFF);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(frame, 26, 8);
        bytes.write(0);
        bytes.write(17);
        bytes.write(udpLength >> 8);
        bytes.write(udpLength & 0xFF);
        final byte[] datagram = Arrays.copyOfRange(frame, 34, 34 + udpLength);
        datagram[6] = 0;
        datagram[7] = 0;
        bytes.write(datagram, 0, datagram.length);
        final int checksum = complement(bytes.toByteArray());
        return 0 == checksum ? 0xFFFF : checksum;
    }

    private static int complement(final byte[] data)
    {
        long sum = 0;
        for (int i = 0; i < data.length; i += 2)
        {
            final int high = data[i] & 0xFF;
            final int low = i + 1 < data.length ? data[i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
        }
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int)(~sum & 0xFFFF);
    }
}
