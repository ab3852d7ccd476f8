package io.github.flowcodec.netflow5.internal;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowDecoderProvider;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.netflow5.Netflow5;
import io.github.flowcodec.netflow5.Netflow5Decoder;
import java.nio.ByteBuffer;

/** Makes the NetFlow v5 decoder known to {@link io.github.flowcodec.core.FlowDecoders}. */
public final class Netflow5DecoderProvider implements FlowDecoderProvider {

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.NETFLOW_V5;
    }

    @Override
    public boolean recognizes(ByteBuffer datagram) {
        int p = datagram.position();
        return datagram.limit() - p >= 2 && datagram.get(p + Netflow5Layout.VERSION) == 0
                && datagram.get(p + Netflow5Layout.VERSION + 1) == Netflow5.VERSION;
    }

    @Override
    public DatagramDecoder newDecoder(DecoderOptions options) {
        return new Netflow5Decoder(options);
    }
}
