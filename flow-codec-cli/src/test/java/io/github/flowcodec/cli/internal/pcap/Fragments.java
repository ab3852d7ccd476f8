package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts IP packets built by {@link UdpFrameBuilder#ipPacket} into IPv4 or IPv6 fragments, for the
 * tests.
 */
final class Fragments {

    private Fragments() {}

    /** The bytes after the IP header of a whole IPv4 or IPv6 packet (no extension headers). */
    static int payloadLength(byte[] packet) {
        return packet.length - headerLength(packet);
    }

    /**
     * A fragment holding bytes {@code [offset, offset + length)} of the packet's payload; for IPv6
     * the fragment identification is {@code id}, for IPv4 the packet's own identification is kept.
     */
    static byte[] fragment(byte[] packet, int offset, int length, boolean more, int id) {
        int header = headerLength(packet);
        byte[] data = Arrays.copyOfRange(packet, header + offset, header + offset + length);
        return withData(packet, offset / 8, more, id, data);
    }

    /** A fragment with the header of {@code packet} and any data at {@code offsetUnits} * 8. */
    static byte[] withData(byte[] packet, int offsetUnits, boolean more, int id, byte[] data) {
        return isIpv4(packet)
                ? ipv4(packet, offsetUnits, more, data)
                : ipv6(packet, offsetUnits, more, id, packet[6] & 0xFF, data);
    }

    /**
     * Cuts the payload into consecutive fragments of the given lengths (multiples of 8), the last
     * taking what is left.
     */
    static List<byte[]> split(byte[] packet, int id, int... lengths) {
        List<byte[]> fragments = new ArrayList<>();
        int total = payloadLength(packet);
        int offset = 0;
        for (int length : lengths) {
            if (offset + length >= total) {
                break;
            }
            fragments.add(fragment(packet, offset, length, true, id));
            offset += length;
        }
        fragments.add(fragment(packet, offset, total - offset, false, id));
        return fragments;
    }

    /** Changes the IPv4 identification of a packet, fixing the header checksum. */
    static byte[] withIpv4Identification(byte[] packet, int identification) {
        byte[] copy = packet.clone();
        ByteBuffer.wrap(copy).putShort(4, (short) identification);
        fixIpv4Checksum(copy);
        return copy;
    }

    private static byte[] ipv4(byte[] packet, int offsetUnits, boolean more, byte[] data) {
        int header = headerLength(packet);
        ByteBuffer fragment = ByteBuffer.allocate(header + data.length);
        fragment.put(packet, 0, header).put(data);
        fragment.putShort(2, (short) (header + data.length));
        fragment.putShort(6, (short) ((more ? 0x2000 : 0) | offsetUnits));
        byte[] bytes = fragment.array();
        fixIpv4Checksum(bytes);
        return bytes;
    }

    /** An IPv6 fragment: the fixed header of {@code packet}, a fragment header, the data. */
    static byte[] ipv6(
            byte[] packet, int offsetUnits, boolean more, int id, int nextHeader, byte[] data) {
        ByteBuffer fragment = ByteBuffer.allocate(48 + data.length);
        fragment.put(packet, 0, 40);
        fragment.putShort(4, (short) (8 + data.length)).put(6, (byte) IpFragment.FRAGMENT);
        fragment.put((byte) nextHeader).put((byte) 0);
        fragment.putShort((short) (offsetUnits << 3 | (more ? 1 : 0))).putInt(id);
        fragment.put(data);
        return fragment.array();
    }

    private static void fixIpv4Checksum(byte[] packet) {
        int header = headerLength(packet);
        ByteBuffer.wrap(packet).putShort(10, (short) 0);
        int checksum = new InternetChecksum().add(packet, 0, header).finish();
        ByteBuffer.wrap(packet).putShort(10, (short) checksum);
    }

    private static boolean isIpv4(byte[] packet) {
        return (packet[0] & 0xF0) == 0x40;
    }

    private static int headerLength(byte[] packet) {
        return isIpv4(packet) ? (packet[0] & 0x0F) * 4 : 40;
    }
}
