package io.github.flowcodec.core;

/**
 * The input ends before a header, set or record it announces.
 *
 * <pre>{@code
 * catch (TruncatedPacketException e) { counters.increment(e.protocol(), e.reason()); }
 * }</pre>
 */
public class TruncatedPacketException extends MalformedPacketException {

    private static final long serialVersionUID = 1L;

    /**
     * The input ends at {@code offset}, before what it announced.
     *
     * @param protocol the protocol being decoded or encoded
     * @param offset the byte offset where the missing bytes should have started, or of the length field that
     *     announced them
     * @param reason what was announced and how many bytes were left, in words
     */
    public TruncatedPacketException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
