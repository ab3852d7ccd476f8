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
import io.github.flowcodec.ipfix.IpfixDecoder;
import io.github.flowcodec.ipfix.IpfixMessageBuilder;
import io.github.flowcodec.kafka.broker.EmbeddedKafkaBroker;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Collector nodes sharing templates through a compacted topic of a real broker (single-node KRaft, in this
 * JVM, on loopback): an exporter's templates reach node A, its data node B.
 */
class TemplateReplicationTest {

    /** One broker for the class, closed after its tests. */
    @AutoClose
    static EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.started();

    private static Netflow9Decoder v9(TemplateStore store) {
        return new Netflow9Decoder(DecoderOptions.builder().templateStore(store).build());
    }

    private static IpfixDecoder ipfix(TemplateStore store) {
        return new IpfixDecoder(DecoderOptions.builder().templateStore(store).build());
    }

    private static byte[] v9Templates(long sequence, Template... t) {
        return Netflow9PacketBuilder.create().sourceId(7).sequence(sequence).templates(t).toBytes();
    }

    private static byte[] v9Data(long sequence, FlowRecord... records) {
        return Netflow9PacketBuilder.create().sourceId(7).sequence(sequence).data(records).toBytes();
    }

    @Test
    void netflow9TemplatesLearnedOnOneNodeDecodeDataOnTheOther() throws Exception {
        String topic = topic("v9-split");
        try (KafkaTemplateStore a = node(broker.bootstrapServers(), topic, TemplateStore.inMemory());
             KafkaTemplateStore b = node(broker.bootstrapServers(), topic, TemplateStore.inMemory())) {
            Netflow9Decoder nodeA = v9(a);
            Netflow9Decoder nodeB = v9(b);
            Template t = flowTemplate(300, 4);
            nodeA.decode(ByteBuffer.wrap(v9Templates(1, t)), EXPORTER);
            TemplateScope scope = a.scopes().get(0);
            await("node B has template 300", has(b, scope, t));

            FlowRecord[] records = {flow(t, 1), flow(t, 2), flow(t, 3)};
            assertThat(nodeB.decode(ByteBuffer.wrap(v9Data(2, records)), EXPORTER).records()).containsExactly(records);
            assertThat(nodeB.counters().missingTemplateSets()).isZero();

            // Redefined on A: B reads the next data with the new layout.
            Template wide = flowTemplate(300, 8);
            nodeA.decode(ByteBuffer.wrap(v9Templates(3, wide)), EXPORTER);
            await("node B has the redefined 300", has(b, scope, wide));
            FlowRecord big = FlowRecord.builder(wide).setAddress(0, Exports.address("10.9.9.9"))
                    .setAddress(1, Exports.address("10.8.8.8")).setLong(2, 1L << 40).setLong(3, 1).setLong(4, 17).build();
            assertThat(nodeB.decode(ByteBuffer.wrap(v9Data(4, big)), EXPORTER).records()).containsExactly(big);
            assertThat(a.counters().published()).isEqualTo(2);
            assertThat(b.counters().applied()).isEqualTo(2);
            assertThat(a.counters().applied()).as("a node does not apply its own changes again").isZero();
        }
    }

    @Test
    void ipfixTemplatesAndWithdrawalsReachTheOtherNode() throws Exception {
        String topic = topic("ipfix-split");
        try (KafkaTemplateStore a = node(broker.bootstrapServers(), topic, TemplateStore.inMemory());
             KafkaTemplateStore b = node(broker.bootstrapServers(), topic, TemplateStore.inMemory())) {
            IpfixDecoder nodeA = ipfix(a);
            IpfixDecoder nodeB = ipfix(b);
            Template t1 = flowTemplate(400, 8);
            Template t2 = flowTemplate(401, 4);
            nodeA.decode(IpfixMessageBuilder.create().observationDomainId(42).sequence(0).templates(t1, t2).toBuffer(), EXPORTER);
            TemplateScope scope = a.scopes().get(0);
            await("node B has 400 and 401", () -> has(b, scope, t1).getAsBoolean() && has(b, scope, t2).getAsBoolean());

            assertThat(nodeB.decode(IpfixMessageBuilder.create().observationDomainId(42).sequence(0)
                    .data(flow(t1, 10), flow(t1, 12)).data(flow(t2, 11)).toBuffer(), EXPORTER).records())
                    .containsExactly(flow(t1, 10), flow(t1, 12), flow(t2, 11));

            nodeA.decode(IpfixMessageBuilder.create().observationDomainId(42).sequence(0).withdraw(401).toBuffer(), EXPORTER);
            await("401 withdrawn on node B", () -> b.get(scope, 401).isEmpty());
            assertThat(b.templates(scope)).containsExactly(t1);
            assertThat(nodeB.decode(IpfixMessageBuilder.create().observationDomainId(42).sequence(3)
                    .data(flow(t2, 13)).toBuffer(), EXPORTER).records()).isEmpty();
            assertThat(nodeB.counters().missingTemplateSets()).isEqualTo(1);
        }
    }

    @Test
    void anExporterRestartOnOneNodeFlushesItsTemplatesOnTheOther() throws Exception {
        String topic = topic("v9-restart");
        try (KafkaTemplateStore a = node(broker.bootstrapServers(), topic, TemplateStore.inMemory());
             KafkaTemplateStore b = node(broker.bootstrapServers(), topic, TemplateStore.inMemory())) {
            Netflow9Decoder nodeA = v9(a);
            long now = 1_700_000_000L;
            Template t1 = flowTemplate(256, 4);
            Template t2 = flowTemplate(257, 8);
            nodeA.decode(Netflow9PacketBuilder.create().sourceId(7).sequence(1).sysUptime(10_000_000).unixSeconds(now)
                    .templates(t1, t2).toBuffer(), EXPORTER);
            TemplateScope scope = a.scopes().get(0);
            await("node B has both", () -> b.templates(scope).size() == 2);

            // Uptime back to one second, ten seconds later: the exporter rebooted.
            nodeA.decode(Netflow9PacketBuilder.create().sourceId(7).sequence(1).sysUptime(1_000).unixSeconds(now + 10)
                    .toBuffer(), EXPORTER);
            assertThat(nodeA.counters().restarts()).isEqualTo(1);
            assertThat(a.templates(scope)).isEmpty();
            await("node B flushed the exporter's templates", () -> b.templates(scope).isEmpty());

            // A node started now finds none of them in the topic.
            try (KafkaTemplateStore c = node(broker.bootstrapServers(), topic, TemplateStore.inMemory())) {
                assertThat(c.size()).isZero();
            }
        }
    }

    @Test
    void aNodeStartedLateCatchesUpFromTheTopic() throws Exception {
        String topic = topic("late");
        try (KafkaTemplateStore a = node(broker.bootstrapServers(), topic, TemplateStore.inMemory())) {
            Netflow9Decoder nodeA = v9(a);
            List<Template> sent = new ArrayList<>();
            for (int id = 256; id < 266; id++) {
                sent.add(flowTemplate(id, id % 2 == 0 ? 4 : 8));
            }
            nodeA.decode(ByteBuffer.wrap(v9Templates(1, sent.toArray(Template[]::new))), EXPORTER);
            Template redefined = flowTemplate(256, 8);
            nodeA.decode(ByteBuffer.wrap(v9Templates(2, redefined)), EXPORTER);
            sent.set(0, redefined);
            // The redefinition may replace the first 256 before it went out: the topic's last change is what counts.
            await("node A published everything", () -> a.counters().published() >= 10 && a.counters().unpublished() == 0);

            try (KafkaTemplateStore c = node(broker.bootstrapServers(), topic, TemplateStore.inMemory())) {
                TemplateScope scope = a.scopes().get(0);
                assertThat(c.templates(scope)).containsExactlyInAnyOrderElementsOf(sent);
                Netflow9Decoder nodeC = v9(c);
                FlowRecord r = flow(redefined, 5);
                assertThat(nodeC.decode(ByteBuffer.wrap(v9Data(3, r)), EXPORTER).records()).containsExactly(r);
            }
        }
    }

    @Test
    void aFloodOfDistinctTemplatesStaysWithinEveryNodesLimits() throws Exception {
        String topic = topic("flood");
        int limit = 50;
        try (KafkaTemplateStore a = node(broker.bootstrapServers(), topic, limited(limit));
             KafkaTemplateStore b = node(broker.bootstrapServers(), topic, limited(limit))) {
            Netflow9Decoder nodeA = v9(a);
            int flood = 2_000;
            for (int first = 256; first < 256 + flood; first += 20) {
                Template[] batch = new Template[20];
                for (int i = 0; i < 20; i++) {
                    batch[i] = flowTemplate(first + i, 4 + i % 5);
                }
                nodeA.decode(ByteBuffer.wrap(v9Templates(first, batch)), EXPORTER);
                assertThat(a.size()).isLessThanOrEqualTo(limit);
            }
            await("node A's changes are all out", () -> a.counters().unpublished() == 0);
            await("node B has the latest ones", () -> b.get(a.scopes().get(0), 256 + flood - 1).isPresent());
            assertThat(b.size()).isLessThanOrEqualTo(limit);
            assertThat(a.counters().published()).isBetween((long) limit, (long) flood);
            try (KafkaTemplateStore c = node(broker.bootstrapServers(), topic, limited(limit))) {
                assertThat(c.size()).isLessThanOrEqualTo(limit).isPositive();
            }
        }
    }

    private static TemplateStore limited(int perExporter) {
        return TemplateStore.builder().maxTemplatesPerExporter(perExporter).build();
    }
}
