/** The flowcodec command: decode captures to JSON lines or protobuf, generate synthetic flows, run the demo. */
module io.github.flowcodec.cli {
    requires io.github.flowcodec.core;
    requires io.github.flowcodec.netflow5;
    requires io.github.flowcodec.netflow9;
    requires io.github.flowcodec.ipfix;
    requires io.github.flowcodec.sflow;
    requires io.github.flowcodec.flowmessage;
    requires io.github.flowcodec.kafka;
    requires kafka.clients;
    // demo --cluster only; the broker's jars have no module names, so it runs from the class path (flowcodec.jar)
    requires static io.github.flowcodec.kafka.broker;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    requires java.net.http;

    exports io.github.flowcodec.cli;
    opens io.github.flowcodec.cli to info.picocli;
}
