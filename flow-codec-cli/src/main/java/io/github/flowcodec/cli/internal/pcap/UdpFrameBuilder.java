package io.github.flowcodec.cli.internal.pcap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds Ethernet II / IPv4 or IPv6 / UDP frames with correct checksums around a payload.
 *
 * <p>The MAC addresses are fixed, locally administered ones (02:00:00:00:00:01 for the source,
 * 02:00:00:00:00:02 for the destination). IPv4 packets carry the "don't fragment" flag, a TTL of
 * 64 and the identification given by the caller; IPv6 packets a hop limit of 64.
 */
final class UdpFrameBuilder {

    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int IPV4_HEADER_LENGTH = 20;
    static final int IPV6_HEADER_LENGTH = 40;
    static final int UDP_HEADER_LENGTH = 8;
    /** The largest payload an IPv4 packet can carry: 65535 - 20 - 8. */
    static final int MAX_IPV4_PAYLOAD = 0xFFFF - IPV4_HEADER_LENGTH - UDP_HEADER_LENGTH;
    /** The largest payload an IPv6 packet can carry without a jumbogram: 65535 - 8. */
    static final int MAX_IPV6_PAYLOAD = 0xFFFF - UDP_HEADER_LENGTH;

    private static final byte[] SOURCE_MAC = {0x02, 0, 0, 0, 0, 0x01};
    private static final byte[] DESTINATION_MAC = {0x02, 0, 0, 0, 0, 0x02};
    private static final int TTL = 64;

    private UdpFrameBuilder() {}

    /** Builds an Ethernet II frame holding an IP/UDP packet; see {@link #ipPacket}. */
    static byte[] ethernetFrame(
            InetAddress src, int srcPort, InetAddress dst, int dstPort, ByteBuffer payload,
            int identification) {
        byte[] ip = ipPacket(src, srcPort, dst, dstPort, payload, identification);
        ByteBuffer frame = ByteBuffer.allocate(ETHERNET_HEADER_LENGTH + ip.length);
        frame.put(DESTINATION_MAC).put(SOURCE_MAC);
        frame.putShort((short) (src instanceof Inet4Address ? 0x0800 : 0x86DD));
        frame.put(ip);
        return frame.array();
    }

    /**
     * Builds an IPv4 or IPv6 packet holding a UDP datagram.
     *
     * @param src the source address; its family decides the IP version
     * @param srcPort the source port, 0 to 65535
     * @param dst the destination address, of the same family as {@code src}
     * @param dstPort the destination port, 0 to 65535
     * @param payload the payload, from its position to its limit; not modified
     * @param identification the IPv4 identification field (ignored for IPv6)
     * @throws IllegalArgumentException if the families differ, a port is out of range or the
     *     payload is too long for one packet
     */
    static byte[] ipPacket(
            InetAddress src, int srcPort, InetAddress dst, int dstPort, ByteBuffer payload,
            int identification) {
        boolean v4 = src instanceof Inet4Address;
        if (v4 != dst instanceof Inet4Address) {
            throw new IllegalArgumentException(
                    "source and destination addresses are of different families: " + src + ", " + dst);
        }
        checkPort(srcPort, "source port");
        checkPort(dstPort, "destination port");
        int payloadLength = payload.remaining();
        int max = v4 ? MAX_IPV4_PAYLOAD : MAX_IPV6_PAYLOAD;
        if (payloadLength > max) {
            throw new IllegalArgumentException(
                    "payload of " + payloadLength + " bytes exceeds the maximum of " + max);
        }
        int udpLength = UDP_HEADER_LENGTH + payloadLength;
        int ipHeaderLength = v4 ? IPV4_HEADER_LENGTH : IPV6_HEADER_LENGTH;
        ByteBuffer packet = ByteBuffer.allocate(ipHeaderLength + udpLength).order(ByteOrder.BIG_ENDIAN);
        if (v4) {
            packet.put((byte) 0x45).put((byte) 0).putShort((short) (ipHeaderLength + udpLength));
            packet.putShort((short) identification).putShort((short) 0x4000);
            packet.put((byte) TTL).put((byte) IpLayer.PROTOCOL_UDP).putShort((short) 0);
            packet.put(src.getAddress()).put(dst.getAddress());
            int checksum = new InternetChecksum().add(packet.array(), 0, IPV4_HEADER_LENGTH).finish();
            packet.putShort(10, (short) checksum);
        } else {
            packet.putInt(0x6000_0000).putShort((short) udpLength);
            packet.put((byte) IpLayer.PROTOCOL_UDP).put((byte) TTL);
            packet.put(src.getAddress()).put(dst.getAddress());
        }
        int udpStart = packet.position();
        packet.putShort((short) srcPort).putShort((short) dstPort);
        packet.putShort((short) udpLength).putShort((short) 0);
        packet.put(payload.duplicate());
        byte[] bytes = packet.array();
        packet.putShort(udpStart + 6, (short) udpChecksum(src, dst, bytes, udpStart, udpLength));
        return bytes;
    }

    /** The UDP checksum over the pseudo-header and the datagram; 0 is sent as 0xFFFF. */
    private static int udpChecksum(
            InetAddress src, InetAddress dst, byte[] bytes, int udpStart, int udpLength) {
        byte[] source = src.getAddress();
        byte[] destination = dst.getAddress();
        InternetChecksum sum =
                new InternetChecksum()
                        .add(source, 0, source.length)
                        .add(destination, 0, destination.length)
                        .add32(udpLength)
                        .add16(IpLayer.PROTOCOL_UDP)
                        .add(bytes, udpStart, udpLength);
        int checksum = sum.finish();
        return checksum == 0 ? 0xFFFF : checksum;
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }
}
