package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.IanaRegistryIndex;

/**
 * The data type semantics of RFC 7012 section 3.2 (and RFC 6313 for lists), with IANA's codes.
 *
 * <pre>{@code
 * Iana.OCTET_DELTA_COUNT.semantics(); // DELTA_COUNTER
 * }</pre>
 */
public enum DataTypeSemantics {
    /** {@code default} (0): no particular semantics; the data type says it all. */
    DEFAULT,
    /** {@code quantity} (1): a measurement at one time, e.g. a queue length. */
    QUANTITY,
    /** {@code totalCounter} (2): a count since the metering process started, never reset. */
    TOTAL_COUNTER,
    /** {@code deltaCounter} (3): a count since the previous report, e.g. octetDeltaCount. */
    DELTA_COUNTER,
    /** {@code identifier} (4): a value that names something (port, protocol, interface index): no arithmetic. */
    IDENTIFIER,
    /** {@code flags} (5): a bit field, e.g. tcpControlBits. */
    FLAGS,
    /** {@code list} (6): a structured data list (RFC 6313). */
    LIST,
    /** {@code snmpCounter} (7): a counter with SNMP's wrap-around semantics (RFC 2578 Counter32/64). */
    SNMP_COUNTER,
    /** {@code snmpGauge} (8): a value with SNMP Gauge32 semantics (RFC 2578). */
    SNMP_GAUGE;

    /** The IANA names are the constants' names in camelCase, the codes their order. */
    private static final IanaRegistryIndex<DataTypeSemantics> INDEX =
            new IanaRegistryIndex<>("IPFIX data type semantics", values());

    /**
     * The name IANA's registry uses, e.g. {@code "deltaCounter"}.
     *
     * @return the IANA name, e.g. {@code "deltaCounter"}
     */
    public String ianaName() {
        return INDEX.name(this);
    }

    /**
     * The code in IANA's semantics registry.
     *
     * @return the IANA code, 0 to 8
     */
    public int code() {
        return ordinal();
    }

    /**
     * Whether the value counts something (total, delta or SNMP counter).
     *
     * @return true for totalCounter, deltaCounter and snmpCounter
     */
    public boolean isCounter() {
        return this == TOTAL_COUNTER || this == DELTA_COUNTER || this == SNMP_COUNTER;
    }

    /**
     * The semantics with an IANA code.
     *
     * @param code the IANA semantics code
     * @return the semantics
     */
    public static DataTypeSemantics fromCode(int code) {
        return INDEX.byCode(code);
    }

    /**
     * The semantics with an IANA name such as {@code "totalCounter"}.
     *
     * @param name the IANA name
     * @return the semantics
     */
    public static DataTypeSemantics fromIanaName(String name) {
        return INDEX.byName(name);
    }
}
