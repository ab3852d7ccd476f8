package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.IanaRegistryIndex;

/**
 * The units of IANA's "IPFIX Information Element Units" registry.
 *
 * <pre>{@code
 * Iana.FLOW_DURATION_MILLISECONDS.unit(); // MILLISECONDS
 * }</pre>
 */
public enum Unit {
    /** {@code none} (0): the value has no unit (identifiers, flags, addresses). */
    NONE("none", 0),
    /** {@code bits} (1). */
    BITS("bits", 1),
    /** {@code octets} (2): bytes, e.g. octetDeltaCount. */
    OCTETS("octets", 2),
    /** {@code packets} (3), e.g. packetDeltaCount. */
    PACKETS("packets", 3),
    /** {@code flows} (4), e.g. exportedFlowRecordTotalCount. */
    FLOWS("flows", 4),
    /** {@code seconds} (5), e.g. flowStartSeconds. */
    SECONDS("seconds", 5),
    /** {@code milliseconds} (6), e.g. flowStartMilliseconds and the SysUpTime offsets of NetFlow v9. */
    MILLISECONDS("milliseconds", 6),
    /** {@code microseconds} (7). */
    MICROSECONDS("microseconds", 7),
    /** {@code nanoseconds} (8). */
    NANOSECONDS("nanoseconds", 8),
    /** {@code 4-octet words} (9), e.g. ipHeaderLength. */
    FOUR_OCTET_WORDS("4-octet words", 9),
    /** {@code messages} (10), e.g. exportedMessageTotalCount. */
    MESSAGES("messages", 10),
    /** {@code hops} (11), e.g. minimumTTL. */
    HOPS("hops", 11),
    /** {@code entries} (12), e.g. mplsLabelStackDepth. */
    ENTRIES("entries", 12),
    /** {@code frames} (13), layer-2 frames. */
    FRAMES("frames", 13),
    /** {@code ports} (14), e.g. portRangeNumPorts. */
    PORTS("ports", 14),
    /** {@code inferred} (15): the unit follows from another field of the record. */
    INFERRED("inferred", 15);

    private static final IanaRegistryIndex<Unit> INDEX =
            new IanaRegistryIndex<>("IPFIX unit", values(), Unit::code, Unit::ianaName);

    private final String ianaName;
    private final int code;

    Unit(String ianaName, int code) {
        this.ianaName = ianaName;
        this.code = code;
    }

    /**
     * The name IANA's registry uses, e.g. {@code "4-octet words"}.
     *
     * @return the IANA name, e.g. {@code "octets"}
     */
    public String ianaName() {
        return ianaName;
    }

    /**
     * The code in IANA's units registry.
     *
     * @return the IANA code, 0 to 15
     */
    public int code() {
        return code;
    }

    /**
     * The unit with an IANA code.
     *
     * @param code the IANA units code
     * @return the unit
     */
    public static Unit fromCode(int code) {
        return INDEX.byCode(code);
    }

    /**
     * The unit with an IANA name such as {@code "octets"}.
     *
     * @param name the IANA name
     * @return the unit
     */
    public static Unit fromIanaName(String name) {
        return INDEX.byName(name);
    }
}
