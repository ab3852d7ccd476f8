package io.github.flowcodec.kafka;

import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateListener;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.kafka.internal.TemplateKey;
import io.github.flowcodec.kafka.internal.TemplateReplication;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@link TemplateStore} replicated through a compacted Kafka topic, for collectors behind a UDP load
 * balancer: an exporter's templates may reach one node and its data another. Each node keeps a local store
 * (by default {@link TemplateStore#inMemory()}, with its limits) where look-ups stay local and allocation-free;
 * every change the node's decoders make (a template added, redefined, withdrawn, flushed by an exporter
 * restart, expired) is published keyed by scope and template id, a removal as a tombstone, and every node
 * applies the others' changes to its local store. At start a node reads the topic from the beginning, so a
 * node started late knows what the others learned.
 *
 * <p>Refreshes of a template an exporter keeps sending are published at most once per
 * {@link Builder#refreshInterval refresh interval}, so that the other nodes' copies do not expire; an
 * eviction is a node's own limit and is not published. When the broker is unreachable, the node goes on
 * decoding with what it knows; its changes wait (the latest per template, at most
 * {@link Builder#maxPending}) and are published when the broker is back; {@link #counters()} says what was
 * published, what failed and what waits. Publishing runs on the store's own thread: a decoder never waits for
 * Kafka.
 *
 * <pre>{@code
 * try (KafkaTemplateStore store = KafkaTemplateStore.builder("kafka1:9092", "flowcodec-templates").build()) {
 *     store.awaitCaughtUp(Duration.ofSeconds(30));
 *     Netflow9Decoder decoder = new Netflow9Decoder(DecoderOptions.builder().templateStore(store).build());
 *     ...
 * }
 * }</pre>
 */
public final class KafkaTemplateStore implements TemplateStore, AutoCloseable {

    /**
     * What a node's replication did so far.
     *
     * @param published changes the broker took
     * @param publishFailures attempts the broker did not take in time (each change is queued again)
     * @param unpublished changes waiting to be published or for the broker's answer, now
     * @param notQueued changes not kept because {@link Builder#maxPending} were waiting (the template's next
     *                  change or refresh publishes it)
     * @param applied other nodes' changes applied to this node's store
     * @param malformed records of the topic that were not template changes (skipped)
     */
    public record Counters(long published, long publishFailures, int unpublished, long notQueued, long applied,
            long malformed) {
    }

    private final TemplateStore local;
    private final TemplateReplication replication;
    private final long refreshIntervalNanos;

    private KafkaTemplateStore(Builder b) {
        this.local = b.local;
        this.refreshIntervalNanos = b.refreshInterval.toNanos();
        this.replication = new TemplateReplication(local, b.topic, b.properties, b.maxPending, b.publishTimeout);
        local.addListener(replication::changed);
        replication.start("flowcodec-templates-" + b.topic);
    }

    /**
     * A builder for a store replicated through {@code topic} on the brokers {@code bootstrapServers}
     * ({@code host:port[,host:port...]}).
     *
     * @param bootstrapServers the brokers, {@code host:port[,host:port...]}
     * @param topic the topic
     * @return a new builder
     */
    public static Builder builder(String bootstrapServers, String topic) {
        return new Builder(bootstrapServers, topic);
    }

    /**
     * Waits until this node has applied every change the topic held when the store was built; whether it
     * has. Decoding before that works, with the templates known so far.
     *
     * @param timeout how long to wait at most
     * @return whether this node has caught up
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return replication.awaitCaughtUp(timeout);
    }

    /**
     * Whether this node has read the topic up to where it ended when the store was built.
     *
     * @return whether this node has read the topic up to where it ended when the store was built
     */
    public boolean isCaughtUp() {
        return replication.isCaughtUp();
    }

    /**
     * What the replication did so far.
     *
     * @return what the replication did so far
     */
    public Counters counters() {
        return new Counters(replication.published(), replication.publishFailures(), replication.unpublished(),
                replication.notQueued(), replication.applied(), replication.malformed());
    }

    /**
     * The last error talking to the broker or reading the topic, if there was one.
     *
     * @return the last error talking to the broker or reading the topic, if there was one
     */
    public Optional<String> lastError() {
        return Optional.ofNullable(replication.lastError());
    }

    @Override
    public PutResult put(TemplateScope scope, Template template) {
        PutResult r = local.put(scope, template);
        if (r == PutResult.REFRESHED) {
            replication.refreshed(new TemplateKey(scope, template.id()), template, refreshIntervalNanos);
        }
        return r;
    }

    @Override
    public Optional<Template> get(TemplateScope scope, int templateId) {
        return local.get(scope, templateId);
    }

    @Override
    public boolean withdraw(TemplateScope scope, int templateId) {
        return local.withdraw(scope, templateId);
    }

    @Override
    public int withdrawAll(TemplateScope scope, boolean options) {
        return local.withdrawAll(scope, options);
    }

    @Override
    public int exporterRestarted(TemplateScope scope) {
        return local.exporterRestarted(scope);
    }

    @Override
    public List<Template> templates(TemplateScope scope) {
        return local.templates(scope);
    }

    @Override
    public List<TemplateScope> scopes() {
        return local.scopes();
    }

    @Override
    public int size() {
        return local.size();
    }

    /** Registers a listener of the local store: changes from this node's decoders and from the others. */
    @Override
    public void addListener(TemplateListener listener) {
        local.addListener(listener);
    }

    @Override
    public void removeListener(TemplateListener listener) {
        local.removeListener(listener);
    }

    /**
     * Stops replicating: changes not yet published are left (see {@link #counters()}); the local store keeps
     * its templates.
     */
    @Override
    public void close() {
        try {
            replication.close(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link KafkaTemplateStore}. */
    public static final class Builder {
        private final String topic;
        private final Properties properties = new Properties();
        private TemplateStore local = TemplateStore.inMemory();
        private Duration refreshInterval = Duration.ofMinutes(5);
        private Duration publishTimeout = Duration.ofSeconds(30);
        private int maxPending = 65_536;

        private Builder(String bootstrapServers, String topic) {
            properties.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
            this.topic = Objects.requireNonNull(topic, "topic");
            if (topic.isEmpty()) {
                throw new IllegalArgumentException("empty topic name");
            }
        }

        /**
         * The node's local store (limits, lifetime); default {@link TemplateStore#inMemory()}. Give it no other user.
         *
         * @param local the node's local store (limits, lifetime); default {@link TemplateStore#inMemory()}
         * @return this builder
         */
        public Builder local(TemplateStore local) {
            this.local = Objects.requireNonNull(local, "local");
            return this;
        }

        /**
         * At most this often a refresh of a template is published, so that the others' copies outlive their
         * lifetime while the exporter refreshes it here; default 5 minutes (a third or less of the lifetime).
         *
         * @param interval at most this often a refresh of a template is published, so that the others' copies outlive their lifetime while the exporter refreshes it here; default 5 minutes (a third or less of the lifetime)
         * @return this builder
         */
        public Builder refreshInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative refresh interval");
            }
            this.refreshInterval = interval;
            return this;
        }

        /**
         * How long a change may wait for the broker before it counts as a failure and is queued again; default 30 s.
         *
         * @param timeout how long a change may wait for the broker before it counts as a failure and is queued again; default 30 s
         * @return this builder
         */
        public Builder publishTimeout(Duration timeout) {
            if (timeout.toMillis() < 1000) {
                throw new IllegalArgumentException("a publish timeout under one second");
            }
            this.publishTimeout = timeout;
            return this;
        }

        /**
         * At most this many changes wait while the broker is unreachable; default 65536.
         *
         * @param max at most this many changes wait while the broker is unreachable; default 65536
         * @return this builder
         */
        public Builder maxPending(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPending must be positive");
            }
            this.maxPending = max;
            return this;
        }

        /**
         * A Kafka client setting (security, timeouts), for the store's producer, consumer and admin client.
         *
         * @param key a Kafka client setting (security, timeouts), for the store's producer, consumer and admin client
         * @param value a Kafka client setting (security, timeouts), for the store's producer, consumer and admin client
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * The store, replicating from now on (creating the compacted topic if it does not exist).
         *
         * @return the store, replicating from now on (creating the compacted topic if it does not exist)
         */
        public KafkaTemplateStore build() {
            return new KafkaTemplateStore(this);
        }
    }
}
