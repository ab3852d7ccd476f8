/**
 * Collectors that scale out on Kafka: {@link io.github.flowcodec.kafka.KafkaTemplateStore}, a template store
 * replicated through a compacted topic, and {@link io.github.flowcodec.kafka.KafkaFlowSink}, which publishes
 * flow messages (goflow2 protobuf or JSON) to a topic.
 */
module io.github.flowcodec.kafka {
    requires transitive io.github.flowcodec.core;
    requires transitive io.github.flowcodec.flowmessage;
    requires kafka.clients;

    exports io.github.flowcodec.kafka;
}
