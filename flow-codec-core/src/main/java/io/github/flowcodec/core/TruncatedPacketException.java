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

    public TruncatedPacketException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
