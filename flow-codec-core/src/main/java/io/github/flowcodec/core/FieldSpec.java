package io.github.flowcodec.core;

import java.util.Objects;

/**
 * One field of a template: an information element and the length it takes on the wire.
 *
 * <p>The length may be shorter than the element's natural size (reduced-size encoding, RFC 7011
 * section 6.2) or {@link #VARIABLE_LENGTH}. Lengths a type does not allow (an IPv4 address in two bytes,
 * as some H3C devices send) are accepted, because real exporters send them; {@link #hasValidLength()}
 * tells which are off and the typed accessors read them as well as they can.
 *
 * <pre>{@code
 * FieldSpec bytes = FieldSpec.of(Iana.OCTET_DELTA_COUNT, 4);
 * bytes.length();            // 4
 * bytes.isVariableLength();  // false
 * }</pre>
 */
public final class FieldSpec {

    /** The length value that marks a variable-length field (RFC 7011 section 7). */
    public static final int VARIABLE_LENGTH = 0xFFFF;

    private final InformationElement element;
    private final int length;

    private FieldSpec(InformationElement element, int length) {
        this.element = Objects.requireNonNull(element, "element");
        if (length < 0 || length > VARIABLE_LENGTH) {
            throw new IllegalArgumentException("field length out of range 0..65535: " + length);
        }
        this.length = length;
    }

    /**
     * A field of {@code element} taking {@code length} bytes (or {@link #VARIABLE_LENGTH}).
     *
     * @param element the field's information element
     * @param length the wire length in bytes (a reduced size is allowed for integers), or {@link #VARIABLE_LENGTH}
     * @return the field
     */
    public static FieldSpec of(InformationElement element, int length) {
        return new FieldSpec(element, length);
    }

    /**
     * A field of {@code element} at its type's natural length (variable for strings, octets and lists).
     *
     * @param element the field's information element
     * @return the field, {@link DataType#defaultLength()} bytes long
     */
    public static FieldSpec of(InformationElement element) {
        return new FieldSpec(element, element.dataType().defaultLength());
    }

    /**
     * The information element.
     *
     * @return the element
     */
    public InformationElement element() {
        return element;
    }

    /**
     * The length on the wire in bytes, or {@link #VARIABLE_LENGTH}.
     *
     * @return the length in bytes
     */
    public int length() {
        return length;
    }

    /**
     * Whether the length is sent with each value.
     *
     * @return true if each record carries this field's length (RFC 7011 section 7)
     */
    public boolean isVariableLength() {
        return length == VARIABLE_LENGTH;
    }

    /**
     * Whether the length is one the element's data type allows (see {@link DataType#isValidLength}).
     *
     * @return true if RFC 7011 allows this length for the element's data type
     */
    public boolean hasValidLength() {
        return element.dataType().isValidLength(length);
    }

    /** Equal when the element (enterprise, id) and the length are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSpec other && other.length == length && other.element.equals(element);
    }

    @Override
    public int hashCode() {
        return element.hashCode() * 31 + length;
    }

    @Override
    public String toString() {
        return element + ":" + (isVariableLength() ? "var" : String.valueOf(length));
    }
}
