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

    /**
     * An unsupported version at {@code offset} (usually 0, the header's version field).
     *
     * @param protocol the protocol being decoded or encoded
     * @param offset the byte offset of the version field
     * @param reason the version found and the versions spoken, in words
     */
    public UnsupportedVersionException(FlowProtocol protocol, long offset, String reason) {
        super(protocol, offset, reason);
    }
}
