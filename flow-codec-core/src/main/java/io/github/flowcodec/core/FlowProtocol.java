package io.github.flowcodec.core;

/**
 * The flow-export protocols this library speaks.
 *
 * <pre>{@code
 * FlowProtocol.SFLOW_V5.jsonName(); // "SFLOW_5", goflow2's name
 * }</pre>
 */
public enum FlowProtocol {
    /** Cisco NetFlow version 5: fixed 48-byte records. */
    NETFLOW_V5("NETFLOW_V5", 5),
    /** NetFlow version 9 (RFC 3954): templates. */
    NETFLOW_V9("NETFLOW_V9", 9),
    /** IPFIX (RFC 7011), version number 10. */
    IPFIX("IPFIX", 10),
    /** sFlow version 5: packet samples and counters. */
    SFLOW_V5("SFLOW_5", 5);

    private final String jsonName;
    private final int version;

    FlowProtocol(String jsonName, int version) {
        this.jsonName = jsonName;
        this.version = version;
    }

    /** The value of the {@code type} key in the JSON output, as goflow2 writes it. */
    public String jsonName() {
        return jsonName;
    }

    /** The version number in the protocol's header. */
    public int version() {
        return version;
    }
}
