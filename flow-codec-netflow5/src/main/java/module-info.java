/** NetFlow v5: decoder (zero-copy and materialized), encoder and packet builder. */
module io.github.flowcodec.netflow5 {
    requires transitive io.github.flowcodec.core;

    exports io.github.flowcodec.netflow5;

    provides io.github.flowcodec.core.FlowDecoderProvider
            with io.github.flowcodec.netflow5.internal.Netflow5DecoderProvider;
}
