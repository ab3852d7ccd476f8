package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One packet read from a capture file.
 *
 * @param packetNumber the 1-based position of the packet in the file, counting packets only
 * @param timestampNanos the capture time in nanoseconds since the Unix epoch (0 when the file does
 *     not record one, as for pcapng simple packet blocks)
 * @param linkType the link-layer header type of {@link #data()}, see {@link LinkType}
 * @param originalLength the length of the packet on the wire, which may exceed the captured length
 * @param data the captured bytes; read-only, from position 0 to the limit
 */
public record CapturedPacket(
        long packetNumber, long timestampNanos, int linkType, int originalLength, ByteBuffer data) {

    /**
     * Creates a packet, keeping a read-only view of {@code data} from its position to its limit.
     *
     * @param packetNumber the 1-based position of the packet in the file
     * @param timestampNanos the capture time in nanoseconds since the Unix epoch
     * @param linkType the link-layer header type of the data
     * @param originalLength the length of the packet on the wire
     * @param data the captured bytes
     */
    public CapturedPacket {
        Objects.requireNonNull(data, "data");
        data = data.slice().asReadOnlyBuffer();
    }

    /**
     * Returns the captured bytes as a fresh read-only buffer, so that readers do not disturb each
     * other's position.
     *
     * @return the captured bytes, from position 0 to the limit
     */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    /**
     * Returns the number of bytes captured, which may be fewer than {@link #originalLength()}.
     *
     * @return the captured length
     */
    public int capturedLength() {
        return data.remaining();
    }
}
