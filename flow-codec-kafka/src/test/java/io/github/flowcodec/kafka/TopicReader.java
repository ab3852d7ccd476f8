package io.github.flowcodec.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic's records back, every partition from the beginning. */
final class TopicReader {

    private TopicReader() {
    }

    /** The values, partition by partition in offset order, once at least {@code expected} came (or 20 s passed). */
    static List<byte[]> values(String bootstrap, String topic, int expected) {
        List<byte[]> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records(bootstrap, topic, expected)) {
            out.add(r.value());
        }
        return out;
    }

    static List<ConsumerRecord<byte[], byte[]>> records(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            c.poll(Duration.ofMillis(200)).forEach(out::add); // nothing more should come
        }
        return out;
    }
}
