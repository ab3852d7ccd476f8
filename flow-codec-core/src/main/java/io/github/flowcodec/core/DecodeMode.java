package io.github.flowcodec.core;

/**
 * How a decoder treats a packet that is partly bad.
 *
 * <pre>{@code
 * Netflow5Decoder lenient = Netflow5Decoder.builder().mode(DecodeMode.LENIENT).build();
 * }</pre>
 */
public enum DecodeMode {
    /** Any breach of the protocol throws a {@link FlowCodecException} and no record of the packet is kept. */
    STRICT,
    /**
     * The whole records and sets that can be read are kept; what had to be skipped is reported to the
     * decoder's {@link DecodeProblem} listener and counted. Input with nothing readable still throws.
     */
    LENIENT
}
