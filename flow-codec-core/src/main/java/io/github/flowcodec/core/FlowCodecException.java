package io.github.flowcodec.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type the codecs throw for bad input or impossible output: it names the protocol, the
 * byte offset (from the start of the datagram or stream message) where the problem was found, and the
 * reason.
 *
 * <pre>{@code
 * try {
 *     decoder.decode(datagram, exporter, handler);
 * } catch (FlowCodecException e) {
 *     log.warn("{} from {} at byte {}: {}", e.protocol(), exporter, e.offset(), e.reason());
 * }
 * }</pre>
 */
public class FlowCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The offset given when no position in the input applies. */
    public static final long NO_OFFSET = -1;

    private final transient FlowProtocol protocol;
    /** The byte offset of the problem, or {@link #NO_OFFSET}. */
    private final long offset;
    /** What is wrong, in words. */
    private final String reason;

    /**
     * An exception about the input at {@code offset}.
     *
     * @param protocol the protocol being decoded or encoded, or {@code null} when it is not known yet
     * @param offset the byte offset of the problem, or {@link #NO_OFFSET}
     * @param reason what is wrong, in words
     */
    public FlowCodecException(FlowProtocol protocol, long offset, String reason) {
        this(protocol, offset, reason, null);
    }

    /**
     * An exception caused by another one, e.g. an {@link java.io.IOException} while reading a stream.
     *
     * @param protocol the protocol being decoded or encoded, or {@code null} when it is not known yet
     * @param offset the byte offset of the problem, or {@link #NO_OFFSET}
     * @param reason what is wrong, in words
     * @param cause the exception that caused it, or {@code null}
     */
    public FlowCodecException(FlowProtocol protocol, long offset, String reason, Throwable cause) {
        super(message(protocol, offset, reason), cause);
        this.protocol = protocol;
        this.offset = offset;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String message(FlowProtocol protocol, long offset, String reason) {
        String who = protocol == null ? "flow packet" : protocol.name();
        return offset == NO_OFFSET ? who + ": " + reason : who + " at byte " + offset + ": " + reason;
    }

    /**
     * The protocol, if it was known when the problem was found.
     *
     * @return the protocol, or empty if it was not known yet
     */
    public Optional<FlowProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    /**
     * Where in the input the problem is, or {@link #NO_OFFSET}.
     *
     * @return the byte offset of the problem, or {@link #NO_OFFSET}
     */
    public long offset() {
        return offset;
    }

    /**
     * What is wrong, without protocol and offset.
     *
     * @return the reason in words
     */
    public String reason() {
        return reason;
    }
}
