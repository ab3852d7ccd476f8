package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.VersionedDecoderProvider;
import io.github.flowcodec.ipfix.Ipfix;
import io.github.flowcodec.ipfix.IpfixDecoder;

/** Makes the IPFIX decoder known to {@link io.github.flowcodec.core.FlowDecoders}: datagrams that start with the 2-byte version 10. */
public final class IpfixDecoderProvider extends VersionedDecoderProvider {

    public IpfixDecoderProvider() {
        super(FlowProtocol.IPFIX, 2, Ipfix.VERSION, IpfixDecoder::new);
    }
}
