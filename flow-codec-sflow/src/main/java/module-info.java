/** sFlow v5: decoder (zero-copy and materialized), encoder and datagram builder. */
module io.github.flowcodec.sflow {
    requires transitive io.github.flowcodec.core;

    exports io.github.flowcodec.sflow;

    provides io.github.flowcodec.core.FlowDecoderProvider
            with io.github.flowcodec.sflow.internal.SflowDecoderProvider;
}
