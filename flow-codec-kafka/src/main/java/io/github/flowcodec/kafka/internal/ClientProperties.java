package io.github.flowcodec.kafka.internal;

import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client settings this module relies on, over the caller's (bootstrap servers and whatever else the
 * caller gave: security, timeouts). The caller's settings win, but for the serializers.
 */
public final class ClientProperties {

    private ClientProperties() {
    }

    /** An idempotent producer of byte keys and values that waits for every replica. */
    public static Properties producer(Properties common) {
        Properties p = withDefaults(common, "acks", "all", "enable.idempotence", "true",
                "max.in.flight.requests.per.connection", "5", "linger.ms", "5");
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return p;
    }

    /** A consumer without a group, reading what it is assigned from the beginning. */
    public static Properties consumer(Properties common) {
        Properties p = withDefaults(common, "enable.auto.commit", "false", "auto.offset.reset", "earliest",
                "isolation.level", "read_committed");
        p.remove("group.id");
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return p;
    }

    /** An admin client that gives up on one request after 10 s (the caller retries). */
    public static Properties admin(Properties common) {
        Properties p = withDefaults(common, "request.timeout.ms", "10000", "default.api.timeout.ms", "10000");
        for (String producerOnly : new String[] {"acks", "enable.idempotence", "max.in.flight.requests.per.connection",
                "linger.ms", "delivery.timeout.ms", "batch.size", "buffer.memory", "max.block.ms", "compression.type"}) {
            p.remove(producerOnly);
        }
        return p;
    }

    private static Properties withDefaults(Properties common, String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        p.putAll(common);
        return p;
    }
}
