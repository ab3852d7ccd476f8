package io.github.flowcodec.netflow9.internal;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.VersionedDecoderProvider;
import io.github.flowcodec.netflow9.Netflow9;
import io.github.flowcodec.netflow9.Netflow9Decoder;

/** Makes the NetFlow v9 decoder known to {@link io.github.flowcodec.core.FlowDecoders}: datagrams that start with the 2-byte version 9. */
public final class Netflow9DecoderProvider extends VersionedDecoderProvider {

    public Netflow9DecoderProvider() {
        super(FlowProtocol.NETFLOW_V9, 2, Netflow9.VERSION, Netflow9Decoder::new);
    }
}
