package io.github.flowcodec.netflow9.internal;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowDecoderProvider;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import java.nio.ByteBuffer;

/** Makes the NetFlow v9 decoder known to {@link io.github.flowcodec.core.FlowDecoders}. */
public final class Netflow9DecoderProvider implements FlowDecoderProvider {

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.NETFLOW_V9;
    }

    @Override
    public boolean recognizes(ByteBuffer datagram) {
        int p = datagram.position();
        return datagram.limit() - p >= 2 && datagram.get(p) == 0 && datagram.get(p + 1) == 9;
    }

    @Override
    public DatagramDecoder newDecoder(DecoderOptions options) {
        return new Netflow9Decoder(options);
    }
}
