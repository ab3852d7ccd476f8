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
    /** {@code noneOf} (0): none of the list's values is true of the flow. */
    NONE_OF(0),
    /** {@code exactlyOneOf} (1): exactly one of the values is. */
    EXACTLY_ONE_OF(1),
    /** {@code oneOrMoreOf} (2): at least one of the values is. */
    ONE_OR_MORE_OF(2),
    /** {@code allOf} (3): every value is. */
    ALL_OF(3),
    /** {@code ordered} (4): every value is, in the list's order (e.g. an AS path). */
    ORDERED(4),
    /** {@code undefined} (255): the list says nothing about how its values relate. */
    UNDEFINED(255);

    private final int code;

    ListSemantic(int code) {
        this.code = code;
    }

    /**
     * The code on the wire.
     *
     * @return the semantic byte, 0 to 4 or 255
     */
    public int code() {
        return code;
    }

    /**
     * The semantic with this code, if IANA assigned it.
     *
     * @param code the semantic byte of a list, 0 to 255
     * @return the semantic, or empty for codes IANA has not assigned (5 to 254)
     */
    public static Optional<ListSemantic> fromCode(int code) {
        for (ListSemantic s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
