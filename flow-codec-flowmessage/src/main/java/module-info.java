/**
 * goflow2-compatible flow messages: {@link io.github.flowcodec.flowmessage.FlowMessage} and its reusable
 * zero-copy form {@link io.github.flowcodec.flowmessage.FlowMessageView}, filled from any protocol's records,
 * and writers of JSON lines and length-delimited protobuf.
 */
module io.github.flowcodec.flowmessage {
    requires transitive io.github.flowcodec.core;
    requires io.github.flowcodec.sflow;

    exports io.github.flowcodec.flowmessage;
}
