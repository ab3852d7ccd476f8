package io.github.flowcodec.netty;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowRecordHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decodes each {@link DatagramPacket} of a Netty UDP channel with an auto-detecting decoder (NetFlow v5, v9,
 * IPFIX, sFlow: whichever decoders are on the class or module path) and hands the records to a
 * {@link FlowRecordHandler}, zero-copy: the decoder reads the {@link ByteBuf}'s NIO view, and the handler's
 * views are valid during its call only. Each handler has its own decoder, so give each channel (one event
 * loop) its own instance, sharing the {@link io.github.flowcodec.core.TemplateStore} through the options. A
 * datagram that cannot be decoded is counted ({@link #errors()}) and the channel goes on; the packet is
 * released after decoding.
 *
 * <pre>{@code
 * DecoderOptions options = DecoderOptions.builder().templateStore(TemplateStore.inMemory()).build();
 * new Bootstrap().group(group).channel(NioDatagramChannel.class)
 *         .handler(new FlowDecoderHandler(options, (ctx, record) -> sink.accept(record.toRecord())))
 *         .bind(2055).sync();
 * }</pre>
 */
public final class FlowDecoderHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private final DatagramDecoder decoder;
    private final FlowRecordHandler records;
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<FlowCodecException> lastError = new AtomicReference<>();

    /**
     * Decodes with {@code options} (mode, template store) and hands every record to {@code records}.
     *
     * @param options the decoder options: mode, the template store shared by the handlers, registry, problem listener
     * @param records receives every record, with the decoder's context
     */
    public FlowDecoderHandler(DecoderOptions options, FlowRecordHandler records) {
        this.decoder = FlowDecoders.autoDetecting(Objects.requireNonNull(options, "options"));
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        // One NIO view over the readable bytes when the buffer has one (heap and direct buffers do); a composite
        // buffer is copied once.
        ByteBuffer view = content.nioBufferCount() == 1 ? content.nioBuffer() : ByteBuffer.wrap(io.netty.buffer.ByteBufUtil.getBytes(content));
        try {
            decoder.decode(view, packet.sender(), records);
        } catch (FlowCodecException e) {
            errors.increment();
            lastError.set(e);
        }
    }

    /**
     * Datagrams that could not be decoded.
     *
     * @return datagrams that could not be decoded
     */
    public long errors() {
        return errors.sum();
    }

    /**
     * Why the last datagram that could not be decoded failed, or null.
     *
     * @return why the last datagram that could not be decoded failed, or null
     */
    public FlowCodecException lastError() {
        return lastError.get();
    }

    /**
     * The decoder's counters (datagrams, records, templates, missing templates ...), read on the channel's event loop.
     *
     * @return the decoder's counters (datagrams, records, templates, missing templates ...), read on the channel's event loop
     */
    public DecoderCounters counters() {
        return decoder.counters();
    }
}
