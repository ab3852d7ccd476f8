package io.github.flowcodec.core;

/**
 * The input breaks the protocol's structure: a length, count or field value that cannot be.
 *
 * <pre>{@code
 * catch (MalformedPacketException e) { counters.increment(e.protocol(), e.reason()); }
 * }</pre>
 */
public class MalformedPacketException extends FlowCodecException {

    private static final long serialVersionUID = 1L;

    /**
     * A structural error at {@code offset}.
     *
     * @param protocol the protocol being decoded or encoded
     * @param offset the byte offset of the field whose value cannot be
     * @param reason which field, its value and why it cannot be, in words
     */
    public MalformedPacketException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
