package io.github.flowcodec.sflow;

import java.nio.ByteBuffer;

/**
 * A record or sample the decoder kept as its bytes ({@link FlowData.Unknown}, {@link CounterData.Unknown},
 * {@link UnknownSample}): its data format and its data as sent, re-encoded byte for byte. Equal when the
 * enterprise, format and bytes are.
 *
 * <pre>{@code
 * if (d instanceof OpaqueData o) {
 *     log.debug("{}:{} kept as {} bytes: {}", o.enterprise(), o.format(), o.length(), o.bytes());
 * }
 * }</pre>
 */
public sealed interface OpaqueData permits FlowData.Unknown, CounterData.Unknown, UnknownSample {

    /**
     * The enterprise of the data format.
     *
     * @return the top 20 bits of the data_format
     */
    long enterprise();

    /**
     * The format of the data format.
     *
     * @return the low 12 bits of the data_format
     */
    int format();

    /**
     * The data as sent.
     *
     * @return the data, without XDR padding
     */
    OpaqueBytes bytes();

    /**
     * A copy of the data.
     *
     * @return a new array of the data, as sent (without XDR padding)
     */
    default byte[] data() {
        return bytes().toByteArray();
    }

    /**
     * The data's length.
     *
     * @return the data's length in bytes, without padding
     */
    default int length() {
        return bytes().length();
    }

    /**
     * Writes the data at the buffer's position (advancing it), without copying it first.
     *
     * @param dst the buffer written into, from its position
     */
    default void writeData(ByteBuffer dst) {
        bytes().writeTo(dst);
    }
}
