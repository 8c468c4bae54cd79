package org.netmapengine.actors;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32;

/**
 * A UDP peer for tests that run it inside a network namespace ({@code ip netns exec NS java -cp ... UdpPeer}):
 * {@code send HOST PORT COUNT} sends COUNT datagrams, each a sequence number, 200 bytes of payload and the CRC32 of
 * both, paced at one per 50 us; {@code receive BIND_ADDR PORT COUNT} receives until COUNT distinct good datagrams
 * arrived or nothing came for 5 s, and prints {@code received N good G bad B duplicates D}.
 */
public final class UdpPeer
{
    private static final int PAYLOAD = 200;

    private UdpPeer()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int count = Integer.parseInt(args[3]);
        final InetSocketAddress address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        if ("send".equals(args[0]))
        {
            send(address, count);
        }
        else
        {
            receive(address, count);
        }
    }

    private static void send(final InetSocketAddress to, final int count) throws Exception
    {
        try (DatagramSocket socket = new DatagramSocket())
        {
            final byte[] data = new byte[4 + PAYLOAD + 8];
            final ByteBuffer buffer = ByteBuffer.wrap(data);
            final CRC32 crc = new CRC32();
            for (int seq = 0; seq < count; seq++)
            {
                buffer.putInt(0, seq);
                for (int i = 0; i < PAYLOAD; i++)
                {
                    data[4 + i] = (byte)(seq * 31 + i);
                }
                crc.reset();
                crc.update(data, 0, 4 + PAYLOAD);
                buffer.putLong(4 + PAYLOAD, crc.getValue());
                socket.send(new DatagramPacket(data, data.length, to));
                LockSupport.parkNanos(50_000);
            }
        }
        System.out.println("sent " + count);
    }

    private static void receive(final InetSocketAddress at, final int count) throws Exception
    {
        int received = 0;
        int good = 0;
        int bad = 0;
        int duplicates = 0;
        final BitSet seen = new BitSet(count);
        try (DatagramSocket socket = new DatagramSocket(null))
        {
            socket.setReceiveBufferSize(8 << 20);
            socket.bind(at);
            socket.setSoTimeout(5_000);
            System.out.println("listening");
            System.out.flush();
            final byte[] data = new byte[2048];
            final CRC32 crc = new CRC32();
            while (good < count)
            {
                final DatagramPacket packet = new DatagramPacket(data, data.length);
                try
                {
                    socket.receive(packet);
                }
                catch (final SocketTimeoutException e)
                {
                    break;
                }
                received++;
                final ByteBuffer buffer = ByteBuffer.wrap(data, 0, packet.getLength());
                crc.reset();
                crc.update(data, 0, 4 + PAYLOAD);
                if (packet.getLength() != 4 + PAYLOAD + 8 || buffer.getLong(4 + PAYLOAD) != crc.getValue())
                {
                    bad++;
                    continue;
                }
                final int seq = buffer.getInt(0);
                if (seen.get(seq))
                {
                    duplicates++;
                }
                else
                {
                    seen.set(seq);
                    good++;
                }
            }
        }
        System.out.println("received " + received + " good " + good + " bad " + bad + " duplicates " + duplicates);
    }
}
