package io.github.flowcodec.core;

import java.nio.ByteBuffer;

/**
 * The service each protocol module provides (JPMS {@code provides}, or {@code META-INF/services} on the
 * class path), so {@link FlowDecoders} can find every protocol on the module or class path.
 *
 * <pre>{@code
 * // in module-info.java of a protocol module:
 * provides io.github.flowcodec.core.FlowDecoderProvider with com.example.MyProvider;
 * }</pre>
 */
public interface FlowDecoderProvider {

    /**
     * The protocol decoded.
     *
     * @return the protocol
     */
    FlowProtocol protocol();

    /**
     * Whether the datagram's first bytes (from its position, read absolutely) announce this protocol: a
     * cheap check of the version number, no full validation.
     *
     * @param datagram the datagram; its position and limit are not changed
     * @return true if the version field announces this protocol
     */
    boolean recognizes(ByteBuffer datagram);

    /**
     * A new decoder; each is for one thread at a time.
     *
     * @param options decode mode, template store, registry and problem listener
     * @return the decoder
     */
    DatagramDecoder<?> newDecoder(DecoderOptions options);
}
