package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.VersionedDecoderProvider;
import io.github.flowcodec.sflow.SflowDecoder;

/**
 * Makes the sFlow v5 decoder known to {@link io.github.flowcodec.core.FlowDecoders}: datagrams that start
 * with the 4-byte version 5.
 *
 * <pre>{@code
 * DatagramDecoder<?> d = FlowDecoders.provider(FlowProtocol.SFLOW_V5).orElseThrow().newDecoder(DecoderOptions.DEFAULT);
 * }</pre>
 */
public final class SflowDecoderProvider extends VersionedDecoderProvider {

    public SflowDecoderProvider() {
        super(FlowProtocol.SFLOW_V5, 4, 5, SflowDecoder::new);
    }
}
