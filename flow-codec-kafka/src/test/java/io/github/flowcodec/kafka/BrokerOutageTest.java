package io.github.flowcodec.kafka;

import static io.github.flowcodec.kafka.Exports.EXPORTER;
import static io.github.flowcodec.kafka.Exports.await;
import static io.github.flowcodec.kafka.Exports.flow;
import static io.github.flowcodec.kafka.Exports.flowTemplate;
import static io.github.flowcodec.kafka.Exports.has;
import static io.github.flowcodec.kafka.Exports.node;
import static io.github.flowcodec.kafka.Exports.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.flowmessage.FlowMessageView;
import io.github.flowcodec.kafka.broker.EmbeddedKafkaBroker;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The broker stopped and started again while two nodes decode and publish: what is lost is counted. */
class BrokerOutageTest {

    /** One broker for the class, closed after its tests. */
    @AutoClose
    static EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.started();

    @Test
    void nodesKeepDecodingWhileTheBrokerIsAwayAndPublishWhenItIsBack() throws Exception {
        String templates = topic("outage-templates");
        String flows = topic("outage-flows");
        try (KafkaTemplateStore a = node(broker.bootstrapServers(), templates, TemplateStore.inMemory());
             KafkaTemplateStore b = node(broker.bootstrapServers(), templates, TemplateStore.inMemory());
             KafkaFlowSink sink = KafkaFlowSink.builder(broker.bootstrapServers(), flows)
                     .property("delivery.timeout.ms", "4000").property("request.timeout.ms", "1500")
                     .property("reconnect.backoff.max.ms", "200")
                     .property("linger.ms", "0").build()) {
            Netflow9Decoder nodeA = new Netflow9Decoder(DecoderOptions.builder().templateStore(a).build());
            Netflow9Decoder nodeB = new Netflow9Decoder(DecoderOptions.builder().templateStore(b).build());
            KafkaFlowSink.Publisher publisher = sink.publisher();
            FlowMessageView message = new FlowMessageView();
            List<byte[]> offered = new ArrayList<>();
            Template t1 = flowTemplate(256, 4);
            nodeA.decode(Netflow9PacketBuilder.create().sourceId(1).sequence(1).templates(t1).toBuffer(), EXPORTER);
            TemplateScope scope = a.scopes().get(0);
            await("node B has 256", has(b, scope, t1));
            int sequence = 2;
            sequence = publishData(nodeB, t1, sequence, 0, publisher, message, offered);
            sink.flush();
            assertThat(sink.counters().published()).isEqualTo(100);

            broker.stop();
            // Node A learns a template with nobody to tell; both nodes keep decoding with what they know.
            Template t2 = flowTemplate(257, 8);
            nodeA.decode(Netflow9PacketBuilder.create().sourceId(1).sequence(sequence++).templates(t2).toBuffer(), EXPORTER);
            sequence = publishData(nodeB, t1, sequence, 100, publisher, message, offered);
            FlowRecord onA = flow(t2, 7);
            assertThat(nodeA.decode(Netflow9PacketBuilder.create().sourceId(1).sequence(sequence++).data(onA).toBuffer(), EXPORTER)
                    .records()).containsExactly(onA);
            await("node A counted the change it could not publish", () -> a.counters().publishFailures() > 0);
            assertThat(a.counters().unpublished()).isEqualTo(1);
            assertThat(a.lastError()).isPresent();
            await("every message offered while the broker is away is failed", () -> sink.counters().inFlight() == 0);
            assertThat(sink.counters().publishErrors()).isPositive();

            broker.start();
            await("node B got 257 once the broker was back", has(b, scope, t2));
            await("node A has nothing left to publish", () -> a.counters().unpublished() == 0);
            // the outage may have dropped the sink's metadata of the topic; a send does not wait for it
            assertThat(sink.awaitMetadata(Duration.ofSeconds(30))).as("the sink's producer has the topic again: %s",
                    sink.lastError()).isTrue();
            publishData(nodeB, t1, sequence, 200, publisher, message, offered);
            sink.flush();

            KafkaFlowSink.Counters c = sink.counters();
            assertThat(c.offered()).isEqualTo(300);
            assertThat(c.published() + c.publishErrors() + c.backPressureDrops()).as("every message accounted for").isEqualTo(300);
            assertThat(c.published()).as("published; last error %s", sink.lastError()).isGreaterThanOrEqualTo(200);
            List<byte[]> read = TopicReader.values(broker.bootstrapServers(), flows, (int) c.published());
            assertThat(read).hasSize((int) c.published());
            assertThat(offered).as("what was read back was offered, and came once").containsAll(read);
            assertThat(read.stream().map(java.util.Arrays::hashCode).distinct().count()).isEqualTo(read.size());
        }
    }

    /** 100 records decoded on the node and offered to the sink, each with a distinct byte count. */
    private static int publishData(Netflow9Decoder node, Template t, int sequence, int first,
            KafkaFlowSink.Publisher publisher, FlowMessageView message, List<byte[]> offered) {
        io.github.flowcodec.kafka.internal.MessageBytes bytes = new io.github.flowcodec.kafka.internal.MessageBytes(null);
        for (int p = 0; p < 10; p++) {
            FlowRecord[] records = new FlowRecord[10];
            for (int i = 0; i < 10; i++) {
                records[i] = flow(t, first + p * 10 + i);
            }
            int decoded = node.decode(Netflow9PacketBuilder.create().sourceId(1).sequence(sequence++).data(records).toBuffer(),
                    EXPORTER, (ctx, record) -> {
                        message.fill(ctx, record, 1_700_000_000_000_000_000L);
                        offered.add(bytes.of(message));
                        publisher.publish(message, EXPORTER.getAddress());
                    });
            assertThat(decoded).isEqualTo(10);
        }
        return sequence;
    }
}
