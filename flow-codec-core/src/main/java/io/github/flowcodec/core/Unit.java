package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.IanaRegistryIndex;
import java.util.Map;

/**
 * The units of IANA's "IPFIX Information Element Units" registry.
 *
 * <pre>{@code
 * Iana.FLOW_DURATION_MILLISECONDS.unit(); // MILLISECONDS
 * }</pre>
 */
public enum Unit {
    /** {@code none} (0): the value has no unit (identifiers, flags, addresses). */
    NONE,
    /** {@code bits} (1). */
    BITS,
    /** {@code octets} (2): bytes, e.g. octetDeltaCount. */
    OCTETS,
    /** {@code packets} (3), e.g. packetDeltaCount. */
    PACKETS,
    /** {@code flows} (4), e.g. exportedFlowRecordTotalCount. */
    FLOWS,
    /** {@code seconds} (5), e.g. flowStartSeconds. */
    SECONDS,
    /** {@code milliseconds} (6), e.g. flowStartMilliseconds and the SysUpTime offsets of NetFlow v9. */
    MILLISECONDS,
    /** {@code microseconds} (7). */
    MICROSECONDS,
    /** {@code nanoseconds} (8). */
    NANOSECONDS,
    /** {@code 4-octet words} (9), e.g. ipHeaderLength. */
    FOUR_OCTET_WORDS,
    /** {@code messages} (10), e.g. exportedMessageTotalCount. */
    MESSAGES,
    /** {@code hops} (11), e.g. minimumTTL. */
    HOPS,
    /** {@code entries} (12), e.g. mplsLabelStackDepth. */
    ENTRIES,
    /** {@code frames} (13), layer-2 frames. */
    FRAMES,
    /** {@code ports} (14), e.g. portRangeNumPorts. */
    PORTS,
    /** {@code inferred} (15): the unit follows from another field of the record. */
    INFERRED;

    /** The IANA names are the constants' names in camelCase (but for "4-octet words"), the codes their order. */
    private static final IanaRegistryIndex<Unit> INDEX =
            new IanaRegistryIndex<>("IPFIX unit", values(), Map.of(FOUR_OCTET_WORDS, "4-octet words"));

    /**
     * The name IANA's registry uses, e.g. {@code "4-octet words"}.
     *
     * @return the IANA name, e.g. {@code "octets"}
     */
    public String ianaName() {
        return INDEX.name(this);
    }

    /**
     * The code in IANA's units registry.
     *
     * @return the IANA code, 0 to 15
     */
    public int code() {
        return ordinal();
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
