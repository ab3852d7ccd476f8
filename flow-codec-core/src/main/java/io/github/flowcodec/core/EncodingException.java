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

    public EncodingException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
