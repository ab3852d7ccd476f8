package io.github.flowcodec.netflow5.internal;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.VersionedDecoderProvider;
import io.github.flowcodec.netflow5.Netflow5;
import io.github.flowcodec.netflow5.Netflow5Decoder;

/** Makes the NetFlow v5 decoder known to {@link io.github.flowcodec.core.FlowDecoders}: datagrams that start with the 2-byte version 5. */
public final class Netflow5DecoderProvider extends VersionedDecoderProvider {

    public Netflow5DecoderProvider() {
        super(FlowProtocol.NETFLOW_V5, 2, Netflow5.VERSION, Netflow5Decoder::new);
    }
}
