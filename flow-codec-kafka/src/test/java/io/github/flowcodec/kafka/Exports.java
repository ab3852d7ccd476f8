package io.github.flowcodec.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Templates, records and waiting, for the tests against the broker. */
final class Exports {

    static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 2055);
    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private Exports() {
    }

    /** A topic name no other test uses. */
    static String topic(String what) {
        return what + "-" + TOPICS.incrementAndGet();
    }

    /** src addr, dst addr, bytes (width given), packets (4), proto. */
    static Template flowTemplate(int id, int bytesWidth) {
        return Template.builder(id).field(IANA.require("sourceIPv4Address")).field(IANA.require("destinationIPv4Address"))
                .field(IANA.require("octetDeltaCount"), bytesWidth).field(IANA.require("packetDeltaCount"), 4)
                .field(IANA.require("protocolIdentifier")).build();
    }

    static FlowRecord flow(Template t, int i) {
        return FlowRecord.builder(t).setAddress(0, address("10.0." + (i >> 8 & 0xFF) + "." + (i & 0xFF)))
                .setAddress(1, address("198.51.100.1")).setLong(2, 1000L + i).setLong(3, i % 100 + 1).setLong(4, 6).build();
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A node's template store on the broker, with small limits and a short publish timeout. */
    static KafkaTemplateStore node(String bootstrap, String topic, TemplateStore local) throws InterruptedException {
        KafkaTemplateStore store = KafkaTemplateStore.builder(bootstrap, topic).local(local)
                .publishTimeout(Duration.ofSeconds(2)).build();
        assertThat(store.awaitCaughtUp(Duration.ofSeconds(30))).as("caught up with %s", topic).isTrue();
        return store;
    }

    /** Whether the store has exactly this template under this id in the scope. */
    static BooleanSupplier has(TemplateStore store, TemplateScope scope, Template t) {
        return () -> store.get(scope, t.id()).filter(t::equals).isPresent();
    }

    /** Waits (at most 20 s) until the condition holds. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
