package io.github.flowcodec.cli.internal.pcap;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A UDP datagram taken from a captured packet.
 *
 * @param timestampNanos the capture time in nanoseconds since the Unix epoch
 * @param packetNumber the 1-based number of the packet in its capture file
 * @param srcAddress the IPv4 or IPv6 source address
 * @param srcPort the UDP source port, 0 to 65535
 * @param dstAddress the IPv4 or IPv6 destination address
 * @param dstPort the UDP destination port, 0 to 65535
 * @param payload the UDP payload; read-only, from position 0 to the limit
 */
public record UdpDatagram(
        long timestampNanos,
        long packetNumber,
        InetAddress srcAddress,
        int srcPort,
        InetAddress dstAddress,
        int dstPort,
        ByteBuffer payload) {

    /**
     * Creates a datagram, keeping a read-only view of {@code payload} from its position to its
     * limit.
     *
     * @param timestampNanos the capture time in nanoseconds since the Unix epoch
     * @param packetNumber the 1-based number of the packet in its capture file
     * @param srcAddress the source address
     * @param srcPort the source port, 0 to 65535
     * @param dstAddress the destination address
     * @param dstPort the destination port, 0 to 65535
     * @param payload the UDP payload
     * @throws IllegalArgumentException if a port is out of range
     */
    public UdpDatagram {
        Objects.requireNonNull(srcAddress, "srcAddress");
        Objects.requireNonNull(dstAddress, "dstAddress");
        Objects.requireNonNull(payload, "payload");
        checkPort(srcPort, "srcPort");
        checkPort(dstPort, "dstPort");
        payload = payload.slice().asReadOnlyBuffer();
    }

    /**
     * Returns the payload as a fresh read-only buffer, so that readers do not disturb each other's
     * position.
     *
     * @return the payload, from position 0 to the limit
     */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /**
     * Returns the number of payload bytes.
     *
     * @return the payload length
     */
    public int payloadLength() {
        return payload.remaining();
    }

    /**
     * Returns a copy of the payload.
     *
     * @return the payload bytes
     */
    public byte[] payloadBytes() {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return bytes;
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }
}
