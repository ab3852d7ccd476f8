package io.github.flowcodec.core;

/**
 * The flow-export protocols this library speaks.
 *
 * <pre>{@code
 * FlowProtocol.SFLOW_V5.jsonName(); // "SFLOW_5", goflow2's name: the JSON type and the exceptions' messages
 * FlowProtocol.SFLOW_V5.key();      // "sflow5": the prefix of DecoderCounters keys ("sflow5.records")
 * }</pre>
 */
public enum FlowProtocol {
    /** Cisco NetFlow version 5: fixed 48-byte records. */
    NETFLOW_V5("NETFLOW_V5", "netflow5", 5),
    /** NetFlow version 9 (RFC 3954): templates. */
    NETFLOW_V9("NETFLOW_V9", "netflow9", 9),
    /** IPFIX (RFC 7011), version number 10. */
    IPFIX("IPFIX", "ipfix", 10),
    /** sFlow version 5: packet samples and counters. */
    SFLOW_V5("SFLOW_5", "sflow5", 5);

    private final String jsonName;
    private final String key;
    private final int version;

    FlowProtocol(String jsonName, String key, int version) {
        this.jsonName = jsonName;
        this.key = key;
        this.version = version;
    }

    /**
     * The protocol's name in counter and statistics keys: {@code netflow5}, {@code netflow9}, {@code ipfix},
     * {@code sflow5}.
     *
     * @return the lower-case key
     */
    public String key() {
        return key;
    }

    /**
     * The value of the {@code type} key in the JSON output, as goflow2 writes it.
     *
     * @return {@code "NETFLOW_V5"}, {@code "NETFLOW_V9"}, {@code "IPFIX"} or {@code "SFLOW_5"}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The version number in the protocol's header.
     *
     * @return 5, 9, 10 or 5 (sFlow)
     */
    public int version() {
        return version;
    }
}
