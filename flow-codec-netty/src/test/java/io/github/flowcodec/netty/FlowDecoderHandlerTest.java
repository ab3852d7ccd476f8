package io.github.flowcodec.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The handler on a real Netty UDP channel on loopback, datagrams sent by a JDK socket. */
class FlowDecoderHandlerTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();

    @Test
    void decodesTheDatagramsOfANettyChannelAndCountsWhatItCannot() throws Exception {
        Template t = Template.builder(300).field(IANA.require("sourceIPv4Address")).field(IANA.require("octetDeltaCount"), 8).build();
        FlowRecord r1 = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("10.0.0.1")).setLong(1, 1500).build();
        FlowRecord r2 = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("10.0.0.2")).setLong(1, 1L << 40).build();
        List<FlowRecord> received = new CopyOnWriteArrayList<>();
        TemplateStore store = TemplateStore.inMemory();
        FlowDecoderHandler handler = new FlowDecoderHandler(DecoderOptions.builder().templateStore(store).build(),
                (ctx, record) -> received.add(record.toRecord()));
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Channel channel = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(handler)
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            try (DatagramChannel exporter = DatagramChannel.open()) {
                exporter.connect(channel.localAddress());
                exporter.write(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(1).sequence(1).templates(t).data(r1).toBytes()));
                exporter.write(ByteBuffer.wrap(new byte[] {0, 42, 1, 2, 3})); // no flow protocol
                exporter.write(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(1).sequence(2).data(r2).toBytes()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((received.size() < 2 || handler.errors() < 1) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            channel.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        assertThat(received).containsExactly(r1, r2);
        assertThat(handler.errors()).isEqualTo(1);
        assertThat(handler.lastError()).hasMessageContaining("42");
        assertThat(store.size()).isEqualTo(1);
    }
}
