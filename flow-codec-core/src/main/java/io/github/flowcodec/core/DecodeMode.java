package io.github.flowcodec.core;

/**
 * How a decoder treats a packet that is partly bad.
 *
 * <pre>{@code
 * Netflow5Decoder lenient = new Netflow5Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * SflowDecoder sflow = SflowDecoder.builder().mode(DecodeMode.LENIENT).build();
 * }</pre>
 */
public enum DecodeMode {
    /**
     * Any breach of the protocol throws a {@link FlowCodecException}: the materialized path returns no packet.
     *
     * <p>What a rejected datagram leaves behind: the parts before the breach have been read in datagram order,
     * so their effects stay, as a lenient decode's would: the NetFlow v9 and IPFIX template (and options
     * template) records before the broken set are in the template store, IPFIX withdrawals before it are
     * applied, a NetFlow v9 restart seen in the header has flushed the exporter's templates, and on the
     * zero-copy path the handler has had the records before the breach. Nothing after the breach is read.
     * The datagram counts as {@code rejected}, not in {@code datagrams}.
     */
    STRICT,
    /**
     * The whole records and sets that can be read are kept; what had to be skipped is reported to the
     * decoder's {@link DecodeProblem} listener and counted. Input with nothing readable still throws.
     */
    LENIENT
}
