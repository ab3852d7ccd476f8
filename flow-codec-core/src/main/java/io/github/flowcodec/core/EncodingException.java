package io.github.flowcodec.core;

/**
 * A value, record or packet cannot be encoded: it does not fit the field, the buffer or the protocol's limits.
 *
 * <pre>{@code
 * catch (EncodingException e) { counters.increment(e.protocol(), e.reason()); }
 * }</pre>
 */
public class EncodingException extends FlowCodecException {

    private static final long serialVersionUID = 1L;

    /**
     * A value that cannot be encoded.
     *
     * @param protocol the protocol being decoded or encoded
     * @param offset the byte offset in the output being written, or {@link #NO_OFFSET}
     * @param reason which value and which limit it breaks, in words
     */
    public EncodingException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
