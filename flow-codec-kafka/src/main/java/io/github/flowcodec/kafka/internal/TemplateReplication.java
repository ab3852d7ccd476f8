package io.github.flowcodec.kafka.internal;

import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateEvent;
import io.github.flowcodec.core.TemplateStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The replication of one node's template store through a compacted topic: the changes the node's decoders
 * made wait in {@link #pending} (one per template, the latest wins, bounded) until the replication thread
 * publishes them; the thread also reads every record of the topic, from the beginning, and applies the other
 * nodes' changes to the local store. Nothing here runs on a decoder's thread but {@link #changed}, which
 * only notes the change.
 *
 * <p>A remote change of a template this node has a change of its own for, not yet read back from the topic,
 * is older than the node's and is skipped: the topic's order decides, as every node reads it.
 */
public final class TemplateReplication implements Runnable {

    /** Header naming the change ({@link TemplateEvent.Type}'s name, or REFRESHED). */
    public static final String CHANGE_HEADER = "flowcodec.change";
    /** Header naming the publishing node (16 bytes), so a node knows its own records. */
    public static final String NODE_HEADER = "flowcodec.node";
    /** The change name of a refresh published so that the other nodes' copies do not expire. */
    public static final String REFRESHED = "REFRESHED";

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** A change waiting to be published: a template (added, redefined, refreshed) or its removal (null). */
    private record Change(String type, Template template) {
    }

    private final TemplateStore local;
    private final String topic;
    private final Properties clientProperties;
    private final int maxPending;
    private final long publishTimeoutMillis;
    private final byte[] nodeId;
    private final Map<TemplateKey, Change> pending = new ConcurrentHashMap<>();
    /** Changes of this node sent and not yet read back from the topic, per template. */
    private final Map<TemplateKey, Integer> inFlight = new ConcurrentHashMap<>();
    /** Templates whose last change in the topic is this node's, with when it was queued (nanoTime). */
    private final Map<TemplateKey, Long> owned = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong notQueued = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param local the node's store, which this replicates
     * @param topic the compacted topic
     * @param clientProperties bootstrap servers and any other client settings
     * @param maxPending at most this many changes wait for the broker; beyond, they are counted, not kept
     * @param publishTimeout how long a change may wait for the broker before it counts as a failure (it is then
     *                       queued again)
     */
    public TemplateReplication(TemplateStore local, String topic, Properties clientProperties, int maxPending,
            Duration publishTimeout) {
        this.local = local;
        this.topic = topic;
        this.clientProperties = clientProperties;
        this.maxPending = maxPending;
        this.publishTimeoutMillis = publishTimeout.toMillis();
        UUID id = UUID.randomUUID();
        this.nodeId = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    /** Starts the replication thread. */
    public void start(String threadName) {
        Thread t = new Thread(this, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    // ------------------------------------------------------------------ what the decoders' threads call

    /** A change of the local store (the listener): replicated unless it is a remote change being applied. */
    public void changed(TemplateEvent event) {
        TemplateKey key = new TemplateKey(event.scope(), event.template().id());
        if (Thread.currentThread() == thread) {
            return; // a remote change this thread applies
        }
        switch (event.type()) {
            case ADDED, REDEFINED -> queue(key, new Change(event.type().name(), event.template()));
            case WITHDRAWN, EXPORTER_RESTARTED -> queue(key, new Change(event.type().name(), null));
            // An expiry is published by the node whose change is the topic's last (the others' copies expire
            // with it); an eviction is a node's own limit and a refusal changes nothing.
            case EXPIRED -> {
                if (owned.containsKey(key)) {
                    queue(key, new Change(event.type().name(), null));
                }
                owned.remove(key);
            }
            case EVICTED -> {
                pending.remove(key);
                owned.remove(key);
            }
            default -> { }
        }
    }

    /** A refresh from the node's exporter: published when this node has not told it within the interval. */
    public void refreshed(TemplateKey key, Template template, long intervalNanos) {
        Long last = owned.get(key);
        if (last == null || System.nanoTime() - last > intervalNanos) {
            queue(key, new Change(REFRESHED, template));
        }
    }

    private void queue(TemplateKey key, Change change) {
        if (pending.size() >= maxPending && !pending.containsKey(key)) {
            notQueued.incrementAndGet();
            return;
        }
        pending.put(key, change);
        owned.put(key, System.nanoTime());
    }

    // ------------------------------------------------------------------ state

    /** Waits until the topic was read up to where it ended when the thread started; whether it was. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public long published() {
        return published.get();
    }

    public long publishFailures() {
        return publishFailures.get();
    }

    /** Changes waiting to be published or waiting for the broker's answer. */
    public int unpublished() {
        int n = pending.size();
        for (int c : inFlight.values()) {
            n += c;
        }
        return n;
    }

    public long notQueued() {
        return notQueued.get();
    }

    public long applied() {
        return applied.get();
    }

    public long malformed() {
        return malformed.get();
    }

    /** The last error talking to the broker, or null. */
    public String lastError() {
        return lastError.get();
    }

    /** Stops the thread and waits for it (at most the timeout). */
    public void close(Duration timeout) throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            t.join(timeout.toMillis());
        }
    }

    // ------------------------------------------------------------------ the replication thread

    @Override
    public void run() {
        Properties common = new Properties();
        common.putAll(clientProperties);
        Properties producerProperties = ClientProperties.producer(common);
        long request = Math.max(1000, publishTimeoutMillis / 2);
        producerProperties.put("request.timeout.ms", Long.toString(request));
        producerProperties.put("delivery.timeout.ms", Long.toString(Math.max(publishTimeoutMillis, request + 10)));
        producerProperties.put("linger.ms", "0");
        producerProperties.put("max.block.ms", Long.toString(request));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(ClientProperties.consumer(common))) {
            consumer = c;
            createTopic(common);
            Map<TopicPartition, Long> catchUpTo = assign(c);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    apply(r);
                }
                if (catchUpTo != null && reached(c, catchUpTo)) {
                    catchUpTo = null;
                    caughtUp.countDown();
                }
                publish(producer);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            lastError.set("replication stopped: " + e);
            throw e;
        } finally {
            consumer = null;
        }
    }

    /** Creates the compacted topic unless it exists, retrying while the broker is unreachable. */
    private void createTopic(Properties common) {
        try (Admin admin = Admin.create(ClientProperties.admin(common))) {
            while (running) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) -1).configs(Map.of(
                            "cleanup.policy", "compact", "min.compaction.lag.ms", "0", "segment.ms", "600000"))))
                            .all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        return;
                    }
                    failed("creating topic " + topic, e.getCause());
                } catch (java.util.concurrent.TimeoutException | KafkaException e) {
                    failed("creating topic " + topic, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private Map<TopicPartition, Long> assign(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        while (running && partitions.isEmpty()) {
            try {
                for (PartitionInfo p : c.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            } catch (KafkaException e) {
                failed("reading the partitions of " + topic, e);
            }
        }
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return c.endOffsets(partitions, Duration.ofSeconds(30));
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        TemplateKey key;
        Template template;
        try {
            key = TemplateKey.fromBytes(r.key());
            template = r.value() == null ? null : Template.fromBytes(r.value());
            if (template != null && template.id() != key.templateId()) {
                throw new IllegalArgumentException("template " + template.id() + " under the key of " + key.templateId());
            }
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            lastError.set("a record at offset " + r.offset() + " of " + topic + " is not a template change: " + e.getMessage());
            return;
        }
        Header node = r.headers().lastHeader(NODE_HEADER);
        if (node != null && java.util.Arrays.equals(node.value(), nodeId)) {
            inFlight.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
            return;
        }
        if (pending.containsKey(key) || inFlight.containsKey(key)) {
            return; // this node's own change of it is newer
        }
        owned.remove(key);
        if (template == null) {
            local.withdraw(key.scope(), key.templateId());
        } else {
            local.put(key.scope(), template);
        }
        applied.incrementAndGet();
    }

    private void publish(KafkaProducer<byte[], byte[]> producer) {
        if (pending.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<TemplateKey, Change>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TemplateKey, Change> e = it.next();
            TemplateKey key = e.getKey();
            Change change = e.getValue();
            if (!pending.remove(key, change)) {
                continue; // replaced by a newer change: the next pass sends that one
            }
            inFlight.merge(key, 1, Integer::sum);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key.toBytes(),
                    change.template() == null ? null : change.template().toBytes(),
                    List.of(new RecordHeader(CHANGE_HEADER, change.type().getBytes(StandardCharsets.US_ASCII)),
                            new RecordHeader(NODE_HEADER, nodeId)));
            try {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        published.incrementAndGet();
                        return;
                    }
                    sendFailed(key, change, error);
                });
            } catch (KafkaException ex) {
                sendFailed(key, change, ex);
            }
        }
    }

    /**
     * A change the broker did not take: queued again unless a newer one is, its error kept, then counted (last, so
     * that whoever sees the count also sees the error and the change still unpublished).
     */
    private void sendFailed(TemplateKey key, Change change, Exception error) {
        pending.putIfAbsent(key, change);
        inFlight.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
        lastError.set("publishing a template change to " + topic + ": " + error);
        publishFailures.incrementAndGet();
    }

    private void failed(String what, Throwable e) {
        lastError.set(what + ": " + e);
        try {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
