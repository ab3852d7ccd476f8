package io.github.flowcodec.core;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link FlowDecoderProvider} for a protocol whose datagrams start with their version number, an
 * unsigned big-endian integer of a fixed width (2 bytes for NetFlow and IPFIX, 4 for sFlow): it recognizes a
 * datagram by that number alone. A protocol module's provider names its protocol, the version and the
 * decoder's constructor.
 *
 * <pre>{@code
 * public final class MyProvider extends VersionedDecoderProvider {
 *     public MyProvider() {
 *         super(FlowProtocol.IPFIX, 2, 10, IpfixDecoder::new); // recognizes 0x00 0x0A
 *     }
 * }
 * }</pre>
 */
public abstract class VersionedDecoderProvider implements FlowDecoderProvider {

    private final FlowProtocol protocol;
    private final int versionBytes;
    private final long version;
    private final Function<DecoderOptions, ? extends DatagramDecoder<?>> decoders;

    /**
     * @param protocol the protocol decoded
     * @param versionBytes how many bytes the version number takes at the start of a datagram (1 to 8)
     * @param version the version number those bytes hold
     * @param decoders makes a decoder with the given options
     */
    protected VersionedDecoderProvider(FlowProtocol protocol, int versionBytes, long version,
            Function<DecoderOptions, ? extends DatagramDecoder<?>> decoders) {
        if (versionBytes < 1 || versionBytes > Long.BYTES) {
            throw new IllegalArgumentException("versionBytes " + versionBytes + " is not between 1 and 8");
        }
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.versionBytes = versionBytes;
        this.version = version;
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    @Override
    public final FlowProtocol protocol() {
        return protocol;
    }

    /** Whether the datagram holds at least the version's bytes and they are the version, big-endian. */
    @Override
    public final boolean recognizes(ByteBuffer datagram) {
        int p = datagram.position();
        if (datagram.limit() - p < versionBytes) {
            return false;
        }
        for (int i = 0; i < versionBytes; i++) {
            if (datagram.get(p + i) != (byte) (version >>> (8 * (versionBytes - 1 - i)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final DatagramDecoder<?> newDecoder(DecoderOptions options) {
        return decoders.apply(options);
    }
}
