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

    public MalformedPacketException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
