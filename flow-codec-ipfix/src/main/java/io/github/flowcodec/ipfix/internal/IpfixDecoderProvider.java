package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowDecoderProvider;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.ipfix.IpfixDecoder;
import java.nio.ByteBuffer;

/** Makes the IPFIX decoder known to {@link io.github.flowcodec.core.FlowDecoders}. */
public final class IpfixDecoderProvider implements FlowDecoderProvider {

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.IPFIX;
    }

    @Override
    public boolean recognizes(ByteBuffer datagram) {
        int p = datagram.position();
        return datagram.limit() - p >= 2 && datagram.get(p) == 0 && datagram.get(p + 1) == 10;
    }

    @Override
    public DatagramDecoder newDecoder(DecoderOptions options) {
        return new IpfixDecoder(options);
    }
}
