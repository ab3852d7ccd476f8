package io.github.flowcodec.cli.internal.pcap;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Finds the UDP segment inside an IPv4 or IPv6 packet.
 *
 * <p>Returns null, never throws, for other protocols, non-first fragments and malformed headers.
 * The segment ends where the IP length field says, or where the capture stops if that is sooner,
 * so Ethernet padding is never taken for data.
 */
final class IpLayer {

    static final int PROTOCOL_UDP = 17;

    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int DESTINATION_OPTIONS = 60;
    private static final int MAX_EXTENSION_HEADERS = 8;

    /**
     * A UDP segment inside an IP packet.
     *
     * @param source the IP source address
     * @param destination the IP destination address
     * @param offset the index of the UDP header
     * @param end the index after the last byte of the segment available in the capture
     */
    record UdpSegment(InetAddress source, InetAddress destination, int offset, int end) {}

    private IpLayer() {}

    /**
     * Locates the UDP segment of the IP packet at {@code start}.
     *
     * @param frame the frame, indexed from 0
     * @param start where the IP header starts
     * @param version 4 or 6 as announced by the link layer, or 0 to trust the header's own
     */
    static UdpSegment locateUdp(ByteBuffer frame, int start, int version) {
        return locateUdp(frame, start, version, null);
    }

    /**
     * As {@link #locateUdp(ByteBuffer, int, int)}, taking the addresses' objects from {@code addresses}.
     *
     * @param addresses where the addresses' objects are kept, or null to make new ones
     */
    static UdpSegment locateUdp(ByteBuffer frame, int start, int version, AddressCache addresses) {
        if (start >= frame.limit()) {
            return null;
        }
        int actual = (frame.get(start) & 0xF0) >>> 4;
        if (version != 0 && actual != version) {
            return null;
        }
        return switch (actual) {
            case 4 -> ipv4(frame, start, addresses);
            case 6 -> ipv6(frame, start, addresses);
            default -> null;
        };
    }

    private static UdpSegment ipv4(ByteBuffer frame, int start, AddressCache addresses) {
        int available = frame.limit() - start;
        if (available < 20) {
            return null;
        }
        int headerLength = (frame.get(start) & 0x0F) * 4;
        int totalLength = u16(frame, start + 2);
        int fragmentOffset = u16(frame, start + 6) & 0x1FFF;
        int protocol = frame.get(start + 9) & 0xFF;
        if (headerLength < 20 || fragmentOffset != 0 || protocol != PROTOCOL_UDP) {
            return null;
        }
        // A total length of 0 is what TCP/UDP segmentation offload leaves in captures: trust the frame.
        if (totalLength != 0 && totalLength < headerLength) {
            return null;
        }
        int end = totalLength == 0 ? frame.limit() : start + Math.min(totalLength, available);
        if (start + headerLength > end) {
            return null;
        }
        return new UdpSegment(
                AddressCache.address(addresses, frame, start + 12, 4), AddressCache.address(addresses, frame, start + 16, 4),
                start + headerLength, end);
    }

    private static UdpSegment ipv6(ByteBuffer frame, int start, AddressCache addresses) {
        int available = frame.limit() - start;
        if (available < 40) {
            return null;
        }
        int payloadLength = u16(frame, start + 4);
        int next = frame.get(start + 6) & 0xFF;
        // A payload length of 0 announces a jumbogram: trust the frame.
        int end =
                payloadLength == 0 ? frame.limit() : start + 40 + Math.min(payloadLength, available - 40);
        int at = start + 40;
        for (int headers = 0; next != PROTOCOL_UDP; headers++) {
            if (headers == MAX_EXTENSION_HEADERS || at + 8 > end) {
                return null;
            }
            int following = frame.get(at) & 0xFF;
            switch (next) {
                case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS -> at += ((frame.get(at + 1) & 0xFF) + 1) * 8;
                case FRAGMENT -> {
                    if ((u16(frame, at + 2) >>> 3) != 0) {
                        return null;
                    }
                    at += 8;
                }
                default -> {
                    return null;
                }
            }
            next = following;
        }
        if (at > end) {
            return null;
        }
        return new UdpSegment(AddressCache.address(addresses, frame, start + 8, 16),
                AddressCache.address(addresses, frame, start + 24, 16), at, end);
    }


    private static int u16(ByteBuffer frame, int at) {
        return frame.getShort(at) & 0xFFFF;
    }
}
