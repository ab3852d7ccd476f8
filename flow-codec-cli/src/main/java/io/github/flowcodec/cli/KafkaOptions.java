package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.kafka.KafkaDestination;
import io.github.flowcodec.kafka.KafkaFlowSink;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code listen}'s Kafka options: records to a topic instead of the output, templates shared through another. */
final class KafkaOptions {

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "publish the records to Kafka (bootstrap servers, comma-separated) instead of the output: "
                + "one flow message per record, keyed by exporter; --format says protobuf, json (goflow2's record) or json-compact")
    String bootstrap;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "flows",
            description = "the topic of flow messages with --kafka (default ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--template-topic", paramLabel = "TOPIC",
            description = "share templates with the other collectors through this compacted topic (created if "
                + "missing) with --kafka: each node publishes what it learns and applies what the others learn")
    String templateTopic;

    /** Whether --kafka was given. */
    boolean enabled() {
        return bootstrap != null;
    }

    /**
     * The destination these options name, or null without --kafka.
     *
     * @throws IllegalArgumentException for --template-topic or --all-fields without --kafka... and such
     */
    KafkaDestination destination(String format, boolean allFields) {
        if (!enabled()) {
            if (templateTopic != null) {
                throw new IllegalArgumentException("--template-topic needs --kafka");
            }
            return null;
        }
        if (allFields) {
            throw new IllegalArgumentException("--all-fields is for the JSON lines output, not --kafka: goflow2's message has no place for them");
        }
        if (format.equalsIgnoreCase("csv")) {
            throw new IllegalArgumentException("--kafka publishes protobuf or JSON messages: --format protobuf, json or json-compact");
        }
        KafkaFlowSink.Format f = KafkaFlowSink.Format.valueOf(format.toUpperCase(Locale.ROOT).replace('-', '_'));
        return new KafkaDestination(bootstrap, topic, f, templateTopic);
    }
}
