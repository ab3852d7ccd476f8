package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts the UDP datagram from a captured frame.
 *
 * <p>Understands the link types of {@link LinkType}: Ethernet with any number (up to 8) of
 * 802.1Q / 802.1ad tags, Linux cooked captures v1 and v2, raw IP and BSD loopback; then IPv4
 * (with options; non-first fragments are skipped) and IPv6 (walking up to 8 hop-by-hop, routing,
 * fragment and destination options headers; non-first fragments are skipped).
 *
 * <p>The payload length is the UDP length field, clipped to the bytes present in the IP packet and
 * in the capture. Frames that are not UDP, or are malformed, give an empty result; this class
 * never throws for the content of a frame. {@link FragmentReassembler} reassembles fragmented
 * datagrams instead.
 */
public final class UdpDatagramExtractor {

    private static final int UDP_HEADER_LENGTH = 8;

    private UdpDatagramExtractor() {}

    /**
     * Extracts the UDP datagram of a captured packet.
     *
     * @param packet the packet, as read by {@link CaptureReader}
     * @return the datagram, or empty if the packet is not a readable UDP datagram
     */
    public static Optional<UdpDatagram> extract(CapturedPacket packet) {
        return extract(
                packet.linkType(), packet.data(), packet.timestampNanos(), packet.packetNumber());
    }

    /**
     * Extracts the UDP datagram of a frame.
     *
     * @param linkType the link-layer header type of the frame, see {@link LinkType}
     * @param frame the frame, from its position to its limit; not modified
     * @param timestampNanos the capture time to put in the result
     * @param packetNumber the packet number to put in the result
     * @return the datagram, whose payload shares the frame's bytes, or empty if the frame is not a
     *     readable UDP datagram
     */
    public static Optional<UdpDatagram> extract(
            int linkType, ByteBuffer frame, long timestampNanos, long packetNumber) {
        Objects.requireNonNull(frame, "frame");
        ByteBuffer bytes = frame.slice().order(ByteOrder.BIG_ENDIAN);
        LinkLayer.IpStart ip = LinkLayer.locate(linkType, bytes);
        if (ip == null) {
            return Optional.empty();
        }
        return extract(bytes, ip, timestampNanos, packetNumber, null);
    }

    /**
     * Extracts the UDP datagram of a frame whose IP packet is located already.
     *
     * @param bytes the frame, indexed from 0, big-endian
     * @param ip where the IP packet starts, as {@link LinkLayer#locate} found it
     * @param addresses where the addresses' objects are kept, or null to make new ones
     */
    static Optional<UdpDatagram> extract(
            ByteBuffer bytes, LinkLayer.IpStart ip, long timestampNanos, long packetNumber, AddressCache addresses) {
        IpLayer.UdpSegment segment = IpLayer.locateUdp(bytes, ip.offset(), ip.version(), addresses);
        if (segment == null || segment.end() - segment.offset() < UDP_HEADER_LENGTH) {
            return Optional.empty();
        }
        int at = segment.offset();
        int udpLength = bytes.getShort(at + 4) & 0xFFFF;
        int available = segment.end() - at;
        int length;
        if (udpLength == 0) {
            length = available; // an IPv6 jumbogram (RFC 2675) carries its length elsewhere
        } else if (udpLength < UDP_HEADER_LENGTH) {
            return Optional.empty();
        } else {
            length = Math.min(udpLength, available);
        }
        ByteBuffer payload =
                bytes.slice(at + UDP_HEADER_LENGTH, length - UDP_HEADER_LENGTH).asReadOnlyBuffer();
        return Optional.of(
                new UdpDatagram(
                        timestampNanos,
                        packetNumber,
                        segment.source(),
                        bytes.getShort(at) & 0xFFFF,
                        segment.destination(),
                        bytes.getShort(at + 2) & 0xFFFF,
                        payload));
    }
}
