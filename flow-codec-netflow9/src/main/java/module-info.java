/** NetFlow v9 (RFC 3954): decoder (zero-copy and materialized), encoder and packet builder. */
module io.github.flowcodec.netflow9 {
    requires transitive io.github.flowcodec.core;

    exports io.github.flowcodec.netflow9;

    provides io.github.flowcodec.core.FlowDecoderProvider
            with io.github.flowcodec.netflow9.internal.Netflow9DecoderProvider;
}
