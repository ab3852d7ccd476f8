package io.github.flowcodec.netflow9;

import static io.github.flowcodec.netflow9.Netflow9DecoderTest.EXPORTER;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.e;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flow;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flowTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateEvent;
import io.github.flowcodec.core.TemplateListener;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Collectors behind a UDP load balancer: one node sees an exporter's templates, another its data. Two ways
 * to share templates through their byte forms ({@link Template#toBytes()}, {@link TemplateScope#toBytes()}):
 * a {@link TemplateStore} over a shared key-value store (here a map of byte arrays standing in for Redis,
 * Hazelcast or etcd), and replication of an in-memory store's events to the other nodes' stores.
 */
class SharedTemplateStoreTest {

    private static final long SOURCE_ID = 7;

    private static byte[] templatePacket(Template t, long sequence) {
        return Netflow9PacketBuilder.create().sourceId(SOURCE_ID).sequence(sequence).templates(t).toBytes();
    }

    private static byte[] dataPacket(long sequence, FlowRecord... records) {
        return Netflow9PacketBuilder.create().sourceId(SOURCE_ID).sequence(sequence).data(records).toBytes();
    }

    private static Netflow9Decoder decoder(TemplateStore store) {
        return new Netflow9Decoder(DecoderOptions.builder().templateStore(store).build());
    }

    @Test
    void twoDecodersShareOneKeyValueStoreOfBytes() {
        Map<String, byte[]> cluster = new ConcurrentHashMap<>(); // what every node reaches over the network
        Netflow9Decoder nodeA = decoder(new KeyValueTemplateStore(cluster));
        Netflow9Decoder nodeB = decoder(new KeyValueTemplateStore(cluster));
        Template t = flowTemplate(300);

        nodeA.decode(ByteBuffer.wrap(templatePacket(t, 1)), EXPORTER);
        Netflow9Packet onB = nodeB.decode(ByteBuffer.wrap(dataPacket(2, flow(t, "10.0.0.1", 1500), flow(t, "10.0.0.2", 900))), EXPORTER);

        assertThat(onB.records()).containsExactly(flow(t, "10.0.0.1", 1500), flow(t, "10.0.0.2", 900));
        assertThat(nodeB.counters().missingTemplateSets()).isZero();
        assertThat(cluster).hasSize(1);

        // The exporter redefines 300 on node A: node B reads the next data with the new layout.
        Template redefined = Template.builder(300).field(e("sourceIPv4Address")).field(e("octetDeltaCount"), 8).build();
        nodeA.decode(ByteBuffer.wrap(templatePacket(redefined, 3)), EXPORTER);
        FlowRecord wide = FlowRecord.builder(redefined).setAddress(0, address("10.0.0.3")).setLong(1, 1L << 40).build();
        assertThat(nodeB.decode(ByteBuffer.wrap(dataPacket(4, wide)), EXPORTER).records()).containsExactly(wide);
    }

    @Test
    void anInMemoryStoreReplicatesItsEventsToAnotherNode() {
        Queue<byte[][]> bus = new ArrayDeque<>(); // a topic every node publishes to and consumes from
        TemplateStore storeA = TemplateStore.inMemory();
        TemplateStore storeB = TemplateStore.inMemory();
        storeA.addListener(publisher(bus));
        Netflow9Decoder nodeA = decoder(storeA);
        Netflow9Decoder nodeB = decoder(storeB);
        Template t = flowTemplate(301);

        nodeA.decode(ByteBuffer.wrap(templatePacket(t, 1)), EXPORTER);
        assertThat(bus).hasSize(1);
        applyAll(bus, storeB);

        Netflow9Packet onB = nodeB.decode(ByteBuffer.wrap(dataPacket(2, flow(t, "10.0.0.9", 64))), EXPORTER);
        assertThat(onB.records()).containsExactly(flow(t, "10.0.0.9", 64));
        assertThat(storeB.templates(storeB.scopes().get(0))).containsExactly(t);
    }

    /** Publishes each change as (event type, scope bytes, template bytes). */
    private static TemplateListener publisher(Queue<byte[][]> bus) {
        return event -> bus.add(new byte[][] {event.type().name().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                event.scope().toBytes(), event.template().toBytes()});
    }

    /** What a consuming node does with each message. */
    private static void applyAll(Queue<byte[][]> bus, TemplateStore store) {
        for (byte[][] m; (m = bus.poll()) != null; ) {
            TemplateEvent.Type type = TemplateEvent.Type.valueOf(new String(m[0], java.nio.charset.StandardCharsets.US_ASCII));
            TemplateScope scope = TemplateScope.fromBytes(m[1]);
            Template template = Template.fromBytes(m[2]);
            switch (type) {
                case ADDED, REDEFINED -> store.put(scope, template);
                case WITHDRAWN, EXPIRED -> store.withdraw(scope, template.id());
                case EXPORTER_RESTARTED -> store.exporterRestarted(scope);
                default -> { } // EVICTED and REJECTED are the publishing node's own limits
            }
        }
    }

    private static java.net.InetAddress address(String s) {
        try {
            return java.net.InetAddress.getByName(s);
        } catch (java.net.UnknownHostException ex) {
            throw new AssertionError(ex);
        }
    }

    /**
     * A {@link TemplateStore} over a shared map of bytes, keyed "hex(scope bytes)/template id": what an
     * implementation over Redis (a hash per scope), Hazelcast (an IMap) or etcd (a key prefix) does, minus
     * the network. Bounded by {@code MAX} entries.
     */
    static final class KeyValueTemplateStore implements TemplateStore {
        private static final int MAX = 10_000;
        private final Map<String, byte[]> map;
        private final List<TemplateListener> listeners = new CopyOnWriteArrayList<>();

        KeyValueTemplateStore(Map<String, byte[]> map) {
            this.map = map;
        }

        private static String prefix(TemplateScope scope) {
            return HexFormat.of().formatHex(scope.toBytes()) + "/";
        }

        @Override
        public PutResult put(TemplateScope scope, Template template) {
            byte[] bytes = template.toBytes();
            String key = prefix(scope) + template.id();
            if (!map.containsKey(key) && map.size() >= MAX) {
                fire(TemplateEvent.Type.REJECTED, scope, template);
                return PutResult.REJECTED;
            }
            byte[] old = map.put(key, bytes);
            PutResult r = old == null ? PutResult.ADDED : Arrays.equals(old, bytes) ? PutResult.REFRESHED : PutResult.REDEFINED;
            if (r != PutResult.REFRESHED) {
                fire(r == PutResult.ADDED ? TemplateEvent.Type.ADDED : TemplateEvent.Type.REDEFINED, scope, template);
            }
            return r;
        }

        @Override
        public Optional<Template> get(TemplateScope scope, int templateId) {
            byte[] bytes = map.get(prefix(scope) + templateId);
            return bytes == null ? Optional.empty() : Optional.of(Template.fromBytes(bytes));
        }

        @Override
        public boolean withdraw(TemplateScope scope, int templateId) {
            byte[] old = map.remove(prefix(scope) + templateId);
            if (old != null) {
                fire(TemplateEvent.Type.WITHDRAWN, scope, Template.fromBytes(old));
            }
            return old != null;
        }

        @Override
        public int withdrawAll(TemplateScope scope, boolean options) {
            int n = 0;
            for (Template t : templates(scope)) {
                if (t.isOptions() == options && withdraw(scope, t.id())) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public int exporterRestarted(TemplateScope scope) {
            List<Template> all = templates(scope);
            all.forEach(t -> map.remove(prefix(scope) + t.id()));
            all.forEach(t -> fire(TemplateEvent.Type.EXPORTER_RESTARTED, scope, t));
            return all.size();
        }

        @Override
        public List<Template> templates(TemplateScope scope) {
            String prefix = prefix(scope);
            List<Template> out = new ArrayList<>();
            map.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    out.add(Template.fromBytes(v));
                }
            });
            return out;
        }

        @Override
        public List<TemplateScope> scopes() {
            return map.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct()
                    .map(h -> TemplateScope.fromBytes(HexFormat.of().parseHex(h))).toList();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void addListener(TemplateListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(TemplateListener listener) {
            listeners.remove(listener);
        }

        private void fire(TemplateEvent.Type type, TemplateScope scope, Template template) {
            TemplateEvent e = new TemplateEvent(type, scope, template);
            listeners.forEach(l -> l.onTemplateEvent(e));
        }
    }
}
