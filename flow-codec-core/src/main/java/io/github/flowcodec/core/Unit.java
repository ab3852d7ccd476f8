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
    NONE("none", 0),
    BITS("bits", 1),
    OCTETS("octets", 2),
    PACKETS("packets", 3),
    FLOWS("flows", 4),
    SECONDS("seconds", 5),
    MILLISECONDS("milliseconds", 6),
    MICROSECONDS("microseconds", 7),
    NANOSECONDS("nanoseconds", 8),
    FOUR_OCTET_WORDS("4-octet words", 9),
    MESSAGES("messages", 10),
    HOPS("hops", 11),
    ENTRIES("entries", 12),
    FRAMES("frames", 13),
    PORTS("ports", 14),
    INFERRED("inferred", 15);

    private static final IanaRegistryIndex<Unit> INDEX =
            new IanaRegistryIndex<>("IPFIX unit", values(), Unit::code, Unit::ianaName);

    private final String ianaName;
    private final int code;

    Unit(String ianaName, int code) {
        this.ianaName = ianaName;
        this.code = code;
    }

    /** The name IANA's registry uses, e.g. {@code "4-octet words"}. */
    public String ianaName() {
        return ianaName;
    }

    /** The code in IANA's units registry. */
    public int code() {
        return code;
    }

    /** The unit with an IANA code. */
    public static Unit fromCode(int code) {
        return INDEX.byCode(code);
    }

    /** The unit with an IANA name such as {@code "octets"}. */
    public static Unit fromIanaName(String name) {
        return INDEX.byName(name);
    }
}
