package io.github.flowcodec.core;

/**
 * The version number in the header is not the one this decoder speaks, or not one any decoder speaks.
 *
 * <pre>{@code
 * catch (UnsupportedVersionException e) { counters.increment(e.protocol(), e.reason()); }
 * }</pre>
 */
public class UnsupportedVersionException extends FlowCodecException {

    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
