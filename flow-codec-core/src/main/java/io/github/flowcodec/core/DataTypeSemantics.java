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
    DEFAULT("default", 0),
    QUANTITY("quantity", 1),
    TOTAL_COUNTER("totalCounter", 2),
    DELTA_COUNTER("deltaCounter", 3),
    IDENTIFIER("identifier", 4),
    FLAGS("flags", 5),
    LIST("list", 6),
    SNMP_COUNTER("snmpCounter", 7),
    SNMP_GAUGE("snmpGauge", 8);

    private static final IanaRegistryIndex<DataTypeSemantics> INDEX = new IanaRegistryIndex<>(
            "IPFIX data type semantics", values(), DataTypeSemantics::code, DataTypeSemantics::ianaName);

    private final String ianaName;
    private final int code;

    DataTypeSemantics(String ianaName, int code) {
        this.ianaName = ianaName;
        this.code = code;
    }

    /** The name IANA's registry uses, e.g. {@code "deltaCounter"}. */
    public String ianaName() {
        return ianaName;
    }

    /** The code in IANA's semantics registry. */
    public int code() {
        return code;
    }

    /** Whether the value counts something (total, delta or SNMP counter). */
    public boolean isCounter() {
        return this == TOTAL_COUNTER || this == DELTA_COUNTER || this == SNMP_COUNTER;
    }

    /** The semantics with an IANA code. */
    public static DataTypeSemantics fromCode(int code) {
        return INDEX.byCode(code);
    }

    /** The semantics with an IANA name such as {@code "totalCounter"}. */
    public static DataTypeSemantics fromIanaName(String name) {
        return INDEX.byName(name);
    }
}
