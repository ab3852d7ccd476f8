package io.github.flowcodec.cli.internal.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A topic's records read back, every partition from the beginning, partition by partition in offset order. */
public final class TopicReadBack {

    private TopicReadBack() {
    }

    /**
     * The records of the topic, once at least {@code expected} came or {@code wait} passed; then one more poll, so
     * that records beyond those expected (duplicates) are read too.
     */
    public static List<ConsumerRecord<byte[], byte[]>> records(String bootstrap, String topic, int expected, Duration wait) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic, wait).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + wait.toNanos();
            while (out.size() < expected && System.nanoTime() - deadline < 0) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            c.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }
}
