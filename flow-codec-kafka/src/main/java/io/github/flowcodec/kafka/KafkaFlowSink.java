package io.github.flowcodec.kafka;

import io.github.flowcodec.flowmessage.FlowMessageFields;
import io.github.flowcodec.flowmessage.JsonLayout;
import io.github.flowcodec.kafka.internal.ClientProperties;
import io.github.flowcodec.kafka.internal.MessageBytes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes flow messages to a Kafka topic, one message per record: goflow2's length-delimited protobuf
 * {@code FlowMessage} (what goflow2's {@code -transport=kafka -format=bin} sends) or its JSON. Each record is
 * keyed by the exporter's address, so one exporter's flows stay in order in one partition. The producer is
 * idempotent, waits for every replica and batches; it never blocks the caller: when its bounded buffer
 * ({@code buffer.memory}, 32 MiB by default) is full, a message is dropped and counted as back-pressure, and
 * a message the broker did not take within the delivery timeout counts as a publish error. Every message
 * offered is, in the end, published, failed or dropped ({@link #counters()}).
 *
 * <pre>{@code
 * try (KafkaFlowSink sink = KafkaFlowSink.builder("kafka1:9092", "flows").build()) {
 *     KafkaFlowSink.Publisher publisher = sink.publisher();   // one per decoding thread
 *     FlowMessageView message = new FlowMessageView();
 *     decoder.decode(datagram, exporter, (ctx, record) ->
 *             publisher.publish(message.fill(ctx, record, receivedNanos), exporter.getAddress()));
 * }
 * }</pre>
 */
public final class KafkaFlowSink implements AutoCloseable {

    /** How each message is written in a record's value. */
    public enum Format {
        /** goflow2's {@code FlowMessage}, preceded by its length as a varint. */
        PROTOBUF,
        /**
         * goflow2's JSON record of the message (what goflow2 {@code -format=json} sends: every key, {@code etype}
         * and {@code proto} by name), one object, no line end.
         */
        JSON,
        /** The message's set fields only, numbers as numbers ({@code JsonLayout.COMPACT}), one object, no line end. */
        JSON_COMPACT
    }

    /**
     * What the sink did so far.
     *
     * @param offered messages handed to {@link Publisher#publish}
     * @param published messages the broker took
     * @param publishErrors messages the broker did not take (unreachable past the delivery timeout, refused)
     * @param backPressureDrops messages dropped because the producer's buffer was full
     */
    public record Counters(long offered, long published, long publishErrors, long backPressureDrops) {

        /**
         * Messages offered and not yet published, failed or dropped: on their way.
         *
         * @return messages offered and not yet published, failed or dropped: on their way
         */
        public long inFlight() {
            return offered - published - publishErrors - backPressureDrops;
        }
    }

    private final String topic;
    private final Format format;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong publishErrors = new AtomicLong();
    private final AtomicLong backPressureDrops = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Callback callback = this::completed;

    private KafkaFlowSink(Builder b) {
        this.topic = b.topic;
        this.format = b.format;
        Properties p = ClientProperties.producer(b.properties);
        p.putIfAbsent("batch.size", Integer.toString(1 << 18));
        p.put("max.block.ms", "0"); // never wait: a full buffer is back-pressure, counted
        this.producer = new KafkaProducer<>(p);
        awaitMetadata(b.startTimeout);
    }

    /**
     * A builder for a sink to {@code topic} on the brokers {@code bootstrapServers}
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
     * A new publisher, for one thread.
     *
     * @return a new publisher, for one thread
     */
    public Publisher publisher() {
        return new Publisher(this, format);
    }

    /**
     * The topic.
     *
     * @return the topic
     */
    public String topic() {
        return topic;
    }

    /**
     * What the sink did so far.
     *
     * @return what the sink did so far
     */
    public Counters counters() {
        // published and failed first: a message completes after it was offered, so inFlight() is never negative
        long done = published.get();
        long errors = publishErrors.get();
        long drops = backPressureDrops.get();
        return new Counters(Math.max(offered.get(), done + errors + drops), done, errors, drops);
    }

    /**
     * The last publish error, or null.
     *
     * @return the last publish error, or null
     */
    public String lastError() {
        return lastError.get();
    }

    /** Sends every buffered message now and waits until each is published or failed. */
    public void flush() {
        producer.flush();
    }

    /**
     * Flushes (waiting at most the timeout) and closes the producer.
     *
     * @param timeout how long to wait at most for the messages on their way
     */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    /** Flushes, waiting at most 30 s, and closes the producer. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    void send(byte[] key, byte[] value) {
        offered.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), callback);
        } catch (KafkaException e) {
            completed(null, e);
        }
    }

    private void completed(RecordMetadata metadata, Exception error) {
        if (error == null) {
            published.incrementAndGet();
        } else if (error instanceof BufferExhaustedException) {
            backPressureDrops.incrementAndGet();
        } else {
            publishErrors.incrementAndGet();
            lastError.set(error.toString());
        }
    }

    /**
     * Asks for the topic's partitions until the broker answers or {@code timeout} passes. A send never waits for
     * them, so until the producer has them (at start, and again after a broker outage that dropped them) every
     * message is counted in {@link Counters#publishErrors()}; the builder waits once ({@link Builder#startTimeout(Duration)}),
     * and a caller that knows the brokers are back may wait again before publishing.
     *
     * <pre>{@code
     * if (!sink.awaitMetadata(Duration.ofSeconds(5))) {
     *     log.warn("brokers not answering: " + sink.lastError());
     * }
     * }</pre>
     *
     * @param timeout how long to ask
     * @return true if the producer has the topic's partitions, false if the time ran out or the thread was
     *         interrupted (its interrupt status is then set again)
     */
    public boolean awaitMetadata(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                producer.partitionsFor(topic);
                return true;
            } catch (KafkaException e) {
                lastError.set("no metadata for " + topic + " yet: " + e);
                if (System.nanoTime() - deadline > 0) {
                    return false; // publishing counts errors until the broker answers
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Writes messages for one thread and hands them to the sink; not thread-safe. */
    public static final class Publisher {
        private final KafkaFlowSink sink;
        private final MessageBytes bytes;
        private InetAddress lastExporter;
        private byte[] lastKey;

        private Publisher(KafkaFlowSink sink, Format format) {
            this.sink = sink;
            this.bytes = switch (format) {
                case PROTOBUF -> new MessageBytes(null);
                case JSON -> new MessageBytes(JsonLayout.GOFLOW2);
                case JSON_COMPACT -> new MessageBytes(JsonLayout.COMPACT);
            };
        }

        /**
         * Publishes one message, keyed by its exporter; never blocks (see {@link KafkaFlowSink}).
         *
         * @param exporter the exporter's address, the record's key (null: no key, any partition)
         * @param message the flow message to publish
         */
        public void publish(FlowMessageFields message, InetAddress exporter) {
            if (exporter != lastExporter) {
                lastExporter = exporter;
                lastKey = exporter == null ? null : exporter.getAddress();
            }
            sink.send(lastKey, bytes.of(message));
        }
    }

    /** Configures a {@link KafkaFlowSink}. */
    public static final class Builder {
        private final String topic;
        private final Properties properties = new Properties();
        private Format format = Format.PROTOBUF;
        private Duration startTimeout = Duration.ofSeconds(10);

        private Builder(String bootstrapServers, String topic) {
            properties.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
            this.topic = Objects.requireNonNull(topic, "topic");
            if (topic.isEmpty()) {
                throw new IllegalArgumentException("empty topic name");
            }
        }

        /**
         * The messages' format; default {@link Format#PROTOBUF}.
         *
         * @param format the messages' format; default {@link Format#PROTOBUF}
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * How long {@link #build()} waits for the topic's metadata (the broker auto-creates it, or it exists); default 10 s.
         *
         * @param timeout how long {@link #build()} waits for the topic's metadata (the broker auto-creates it, or it exists); default 10 s
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * A Kafka producer setting ({@code buffer.memory}, {@code delivery.timeout.ms}, {@code compression.type},
         * {@code linger.ms}, security); {@code max.block.ms} is always 0.
         *
         * @param key a Kafka producer setting ({@code buffer.memory}, {@code delivery.timeout.ms}, {@code compression.type}, {@code linger.ms}, security); {@code max.block.ms} is always 0
         * @param value a Kafka producer setting ({@code buffer.memory}, {@code delivery.timeout.ms}, {@code compression.type}, {@code linger.ms}, security); {@code max.block.ms} is always 0
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * The sink, with its producer connected or connecting.
         *
         * @return the sink, with its producer connected or connecting
         */
        public KafkaFlowSink build() {
            return new KafkaFlowSink(this);
        }
    }
}
