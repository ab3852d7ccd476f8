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
    /** {@code octetArray} (code 0): bytes with no further meaning; variable length. */
    OCTET_ARRAY(VARIABLE_LENGTH),
    /** {@code unsigned8} (code 1): an unsigned integer in 1 byte, 0 to 255. */
    UNSIGNED8(1),
    /** {@code unsigned16} (code 2): an unsigned integer in 2 bytes, big-endian, 0 to 65535. */
    UNSIGNED16(2),
    /** {@code unsigned32} (code 3): an unsigned integer in 4 bytes (or fewer, reduced-size), big-endian. */
    UNSIGNED32(4),
    /** {@code unsigned64} (code 4): an unsigned integer in 8 bytes (or fewer, reduced-size), big-endian. */
    UNSIGNED64(8),
    /** {@code signed8} (code 5): a two's complement integer in 1 byte, -128 to 127. */
    SIGNED8(1),
    /** {@code signed16} (code 6): a two's complement integer in 2 bytes, big-endian. */
    SIGNED16(2),
    /** {@code signed32} (code 7): a two's complement integer in 4 bytes (or fewer), big-endian. */
    SIGNED32(4),
    /** {@code signed64} (code 8): a two's complement integer in 8 bytes (or fewer), big-endian. */
    SIGNED64(8),
    /** {@code float32} (code 9): an IEEE 754 single-precision number in 4 bytes. */
    FLOAT32(4),
    /** {@code float64} (code 10): an IEEE 754 double-precision number in 8 bytes (or 4, as float32). */
    FLOAT64(8),
    /** {@code boolean} (code 11): 1 byte, 1 for true and 2 for false (RFC 7011 section 6.1.5). */
    BOOLEAN(1),
    /** {@code macAddress} (code 12): a 6-byte IEEE 802 MAC-48 address. */
    MAC_ADDRESS(6),
    /** {@code string} (code 13): UTF-8 text, variable length or NUL-padded to a fixed length. */
    STRING(VARIABLE_LENGTH),
    /** {@code dateTimeSeconds} (code 14): seconds since the Unix epoch, unsigned, in 4 bytes. */
    DATE_TIME_SECONDS(4),
    /** {@code dateTimeMilliseconds} (code 15): milliseconds since the Unix epoch, unsigned, in 8 bytes. */
    DATE_TIME_MILLISECONDS(8),
    /**
     * {@code dateTimeMicroseconds} (code 16): NTP format (32-bit seconds since 1900, 32-bit fraction) in 8 bytes,
     * microsecond precision.
     */
    DATE_TIME_MICROSECONDS(8),
    /** {@code dateTimeNanoseconds} (code 17): NTP format (32-bit seconds since 1900, 32-bit fraction) in 8 bytes. */
    DATE_TIME_NANOSECONDS(8),
    /** {@code ipv4Address} (code 18): an IPv4 address in 4 bytes, network order. */
    IPV4_ADDRESS(4),
    /** {@code ipv6Address} (code 19): an IPv6 address in 16 bytes, network order. */
    IPV6_ADDRESS(16),
    /** {@code basicList} (code 20, RFC 6313): a list of values of one element; variable length. */
    BASIC_LIST(VARIABLE_LENGTH),
    /** {@code subTemplateList} (code 21, RFC 6313): a list of records of one template; variable length. */
    SUB_TEMPLATE_LIST(VARIABLE_LENGTH),
    /**
     * {@code subTemplateMultiList} (code 22, RFC 6313): a list of record groups, each of its own template; variable
     * length.
     */
    SUB_TEMPLATE_MULTI_LIST(VARIABLE_LENGTH),
    /** {@code unsigned256} (code 23): an unsigned integer in 32 bytes, big-endian, read as bytes. */
    UNSIGNED256(32);

    /** The IANA names are the constants' names in camelCase, the codes their order. */
    private static final IanaRegistryIndex<DataType> INDEX = new IanaRegistryIndex<>("IPFIX data type", values());

    private final int defaultLength;

    DataType(int defaultLength) {
        this.defaultLength = defaultLength;
    }

    /**
     * The name IANA's registry uses, e.g. {@code "unsigned64"}.
     *
     * @return the IANA name, e.g. {@code "unsigned64"}
     */
    public String ianaName() {
        return INDEX.name(this);
    }

    /**
     * The code in IANA's data type registry (RFC 5610 {@code informationElementDataType}).
     *
     * @return the IANA code, 0 to 23
     */
    public int code() {
        return ordinal();
    }

    /**
     * The natural encoded length in bytes, or {@link FieldSpec#VARIABLE_LENGTH} for variable-length types.
     *
     * @return the length in bytes (1 for unsigned8, 16 for ipv6Address), or {@link FieldSpec#VARIABLE_LENGTH}
     */
    public int defaultLength() {
        return defaultLength;
    }

    /**
     * Whether values of this type have no fixed length (octetArray, string and the list types).
     *
     * @return true for octetArray, string, basicList, subTemplateList and subTemplateMultiList
     */
    public boolean isVariableLength() {
        return defaultLength == FieldSpec.VARIABLE_LENGTH;
    }

    /**
     * Whether this is one of the unsigned or signed integer types.
     *
     * @return true for unsigned8 to unsigned64, signed8 to signed64 and unsigned256
     */
    public boolean isInteger() {
        return (code() >= 1 && code() <= 8) || this == UNSIGNED256;
    }

    /**
     * Whether this is a signed integer type.
     *
     * @return true for signed8 to signed64
     */
    public boolean isSigned() {
        return code() >= 5 && code() <= 8;
    }

    /**
     * Whether this is one of the dateTime* types.
     *
     * @return true for dateTimeSeconds, dateTimeMilliseconds, dateTimeMicroseconds and dateTimeNanoseconds
     */
    public boolean isDateTime() {
        return code() >= 14 && code() <= 17;
    }

    /**
     * Whether this is one of the structured data types of RFC 6313.
     *
     * @return true for basicList, subTemplateList and subTemplateMultiList
     */
    public boolean isList() {
        return code() >= 20 && code() <= 22;
    }

    /**
     * Whether a field of this type may be {@code length} bytes long on the wire, following RFC 7011
     * section 6.2: integers may be sent in fewer bytes than their natural size, a float64 as a float32,
     * variable-length types in any length. Other types need their natural length.
     *
     * @param length the field length in bytes a template gives
     * @return true if RFC 7011 allows that length for this type
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

    /**
     * The type with an IANA code, for RFC 5610 type records.
     *
     * @param code the IANA data type code, 0 to 23
     * @return the type
     * @throws IllegalArgumentException if no type has that code
     */
    public static DataType fromCode(int code) {
        return INDEX.byCode(code);
    }

    /**
     * The type with an IANA name such as {@code "ipv4Address"}.
     *
     * @param name the IANA name, case as in the registry
     * @return the type
     * @throws IllegalArgumentException if no type has that name
     */
    public static DataType fromIanaName(String name) {
        return INDEX.byName(name);
    }
}
