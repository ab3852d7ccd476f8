package io.github.flowcodec.ipfix;

import java.util.Optional;

/**
 * The semantic of a structured data list (RFC 6313 section 4.4, IANA "IPFIX Structured Data Types
 * Semantics"): how its elements relate.
 *
 * <pre>{@code
 * ListSemantic.fromCode(3);          // Optional[ALL_OF]
 * ListSemantic.ORDERED.code();       // 4
 * }</pre>
 */
public enum ListSemantic {
    NONE_OF(0),
    EXACTLY_ONE_OF(1),
    ONE_OR_MORE_OF(2),
    ALL_OF(3),
    ORDERED(4),
    UNDEFINED(255);

    private final int code;

    ListSemantic(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }

    /** The semantic with this code, if IANA assigned it. */
    public static Optional<ListSemantic> fromCode(int code) {
        for (ListSemantic s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
