package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowDecoderProvider;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.SflowDecoder;
import java.nio.ByteBuffer;

/** Makes the sFlow v5 decoder known to {@link io.github.flowcodec.core.FlowDecoders}. *
 * <pre>{@code
 * DatagramDecoder d = FlowDecoders.provider(FlowProtocol.SFLOW_V5).orElseThrow().newDecoder(DecoderOptions.DEFAULT);
 * }</pre>
 */
public final class SflowDecoderProvider implements FlowDecoderProvider {

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.SFLOW_V5;
    }

    @Override
    public boolean recognizes(ByteBuffer datagram) {
        int p = datagram.position();
        return datagram.limit() - p >= 4 && datagram.get(p) == 0 && datagram.get(p + 1) == 0 && datagram.get(p + 2) == 0
                && datagram.get(p + 3) == 5;
    }

    @Override
    public DatagramDecoder newDecoder(DecoderOptions options) {
        return new SflowDecoder(options);
    }
}
