/** A Netty handler decoding NetFlow, IPFIX and sFlow datagrams: {@link io.github.flowcodec.netty.FlowDecoderHandler}. */
module io.github.flowcodec.netty {
    requires transitive io.github.flowcodec.core;
    requires transitive io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;

    exports io.github.flowcodec.netty;
}
