package io.github.flowcodec.core;

import static io.github.flowcodec.core.FieldSpec.VARIABLE_LENGTH;

import io.github.flowcodec.core.internal.IanaRegistryIndex;

/**
 * The abstract data types of RFC 7012 section 3.1 (and RFC 9710's {@code unsigned256}), with the
 * code each has in IANA's "IPFIX Information Element Data Types" registry.
 *
 * <p>Each type knows its natural length on the wire and which shorter lengths RFC 7011 section 6.2
 * ("reduced-size encoding") allows:
 *
 * <pre>{@code
 * DataType.UNSIGNED64.defaultLength();          // 8
 * DataType.UNSIGNED64.isValidLength(4);         // true: an unsigned64 may be sent in 4 bytes
 * DataType.IPV4_ADDRESS.isValidLength(2);       // false
 * DataType.STRING.isVariableLength();           // true
 * }</pre>
 */
public enum DataType {
    OCTET_ARRAY("octetArray", 0, VARIABLE_LENGTH),
    UNSIGNED8("unsigned8", 1, 1),
    UNSIGNED16("unsigned16", 2, 2),
    UNSIGNED32("unsigned32", 3, 4),
    UNSIGNED64("unsigned64", 4, 8),
    SIGNED8("signed8", 5, 1),
    SIGNED16("signed16", 6, 2),
    SIGNED32("signed32", 7, 4),
    SIGNED64("signed64", 8, 8),
    FLOAT32("float32", 9, 4),
    FLOAT64("float64", 10, 8),
    BOOLEAN("boolean", 11, 1),
    MAC_ADDRESS("macAddress", 12, 6),
    STRING("string", 13, VARIABLE_LENGTH),
    DATE_TIME_SECONDS("dateTimeSeconds", 14, 4),
    DATE_TIME_MILLISECONDS("dateTimeMilliseconds", 15, 8),
    DATE_TIME_MICROSECONDS("dateTimeMicroseconds", 16, 8),
    DATE_TIME_NANOSECONDS("dateTimeNanoseconds", 17, 8),
    IPV4_ADDRESS("ipv4Address", 18, 4),
    IPV6_ADDRESS("ipv6Address", 19, 16),
    BASIC_LIST("basicList", 20, VARIABLE_LENGTH),
    SUB_TEMPLATE_LIST("subTemplateList", 21, VARIABLE_LENGTH),
    SUB_TEMPLATE_MULTI_LIST("subTemplateMultiList", 22, VARIABLE_LENGTH),
    UNSIGNED256("unsigned256", 23, 32);

    private static final IanaRegistryIndex<DataType> INDEX =
            new IanaRegistryIndex<>("IPFIX data type", values(), DataType::code, DataType::ianaName);

    private final String ianaName;
    private final int code;
    private final int defaultLength;

    DataType(String ianaName, int code, int defaultLength) {
        this.ianaName = ianaName;
        this.code = code;
        this.defaultLength = defaultLength;
    }

    /** The name IANA's registry uses, e.g. {@code "unsigned64"}. */
    public String ianaName() {
        return ianaName;
    }

    /** The code in IANA's data type registry (RFC 5610 {@code informationElementDataType}). */
    public int code() {
        return code;
    }

    /** The natural encoded length in bytes, or {@link FieldSpec#VARIABLE_LENGTH} for variable-length types. */
    public int defaultLength() {
        return defaultLength;
    }

    /** Whether values of this type have no fixed length (octetArray, string and the list types). */
    public boolean isVariableLength() {
        return defaultLength == FieldSpec.VARIABLE_LENGTH;
    }

    /** Whether this is one of the unsigned or signed integer types. */
    public boolean isInteger() {
        return (code >= 1 && code <= 8) || this == UNSIGNED256;
    }

    /** Whether this is a signed integer type. */
    public boolean isSigned() {
        return code >= 5 && code <= 8;
    }

    /** Whether this is one of the dateTime* types. */
    public boolean isDateTime() {
        return code >= 14 && code <= 17;
    }

    /** Whether this is one of the structured data types of RFC 6313. */
    public boolean isList() {
        return code >= 20 && code <= 22;
    }

    /**
     * Whether a field of this type may be {@code length} bytes long on the wire, following RFC 7011
     * section 6.2: integers may be sent in fewer bytes than their natural size, a float64 as a float32,
     * variable-length types in any length. Other types need their natural length.
     */
    public boolean isValidLength(int length) {
        if (length == FieldSpec.VARIABLE_LENGTH) {
            return isVariableLength();
        }
        if (length < 0 || length > FieldSpec.VARIABLE_LENGTH) {
            return false;
        }
        if (isVariableLength()) {
            return true;
        }
        if (isInteger()) {
            return length >= 1 && length <= defaultLength;
        }
        if (this == FLOAT64) {
            return length == 4 || length == 8;
        }
        return length == defaultLength;
    }

    /** The type with an IANA code, for RFC 5610 type records. */
    public static DataType fromCode(int code) {
        return INDEX.byCode(code);
    }

    /** The type with an IANA name such as {@code "ipv4Address"}. */
    public static DataType fromIanaName(String name) {
        return INDEX.byName(name);
    }
}
