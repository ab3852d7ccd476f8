/**
 * IPFIX (RFC 7011 family): decoders for datagrams, byte streams and RFC 5655 files (zero-copy and
 * materialized), structured data views (RFC 6313), encoder and message builder.
 */
module io.github.flowcodec.ipfix {
    requires transitive io.github.flowcodec.core;

    exports io.github.flowcodec.ipfix;

    provides io.github.flowcodec.core.FlowDecoderProvider
            with io.github.flowcodec.ipfix.internal.IpfixDecoderProvider;
}
