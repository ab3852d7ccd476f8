package io.github.flowcodec.core;

import java.util.Objects;

/**
 * Something a lenient decoder met and worked around: what was wrong, where, and what it did.
 *
 * <pre>{@code
 * Netflow5Decoder decoder = new Netflow5Decoder(DecoderOptions.builder()
 *         .mode(DecodeMode.LENIENT)
 *         .problemListener(p -> log.debug("{} at byte {}: {}", p.protocol(), p.offset(), p.reason()))
 *         .build());
 * }</pre>
 *
 * @param protocol the protocol decoded
 * @param offset the byte offset in the datagram
 * @param reason what was wrong and what the decoder did
 */
public record DecodeProblem(FlowProtocol protocol, long offset, String reason) {
    /**
     * Checks that protocol and reason are not null.
     *
     * @param protocol the protocol decoded
     * @param offset the byte offset in the datagram
     * @param reason what was wrong and what the decoder did
     */
    public DecodeProblem {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return protocol + " at byte " + offset + ": " + reason;
    }
}
