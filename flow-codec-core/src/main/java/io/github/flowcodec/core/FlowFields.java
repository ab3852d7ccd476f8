package io.github.flowcodec.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed read access to the fields of one flow record, by field index (fastest: resolve the index once
 * per template with {@link Template#indexOf}) or by information element (first occurrence).
 *
 * <p>Implemented by the immutable {@link FlowRecord} and by the reusable {@link RecordView} of the
 * zero-copy path. Values are decoded on access, following the reduced-size encoding rules of RFC 7011
 * section 6.2: an unsigned64 sent in 4 bytes reads as the same number, a signed value is sign-extended,
 * a float64 sent in 4 bytes reads as a float32.
 *
 * <pre>{@code
 * int bytesIdx = record.template().indexOf(Iana.OCTET_DELTA_COUNT);
 * long bytes = record.getLong(bytesIdx);
 * InetAddress src = record.getAddress(record.template().indexOf(Iana.SOURCE_IPV4_ADDRESS));
 * long packets = record.getLong(Iana.PACKET_DELTA_COUNT, 0);   // 0 when the template has no such field
 * }</pre>
 *
 * <p>Accessors throw {@link IllegalArgumentException} when a field cannot be read as asked (an integer
 * from a 16-byte field, an address from 3 bytes); check {@link #fieldLength} or the field's data type
 * first when the template came from the network.
 */
public interface FlowFields {

    /** Seconds between the NTP era (1900-01-01) and the Unix epoch. */
    long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    /**
     * The record's template.
     *
     * @return the template the record follows
     */
    Template template();

    /**
     * The offset of field {@code index} within the record's bytes.
     *
     * @param index the field's position in the template, from 0
     * @return the offset in bytes from the record's first byte (after any length prefix of a variable-length field)
     */
    int fieldOffset(int index);

    /**
     * The length of field {@code index}'s value in this record (for variable-length fields, without the length
     * prefix).
     *
     * @param index the field's position in the template, from 0
     * @return the value's length in bytes
     */
    int fieldLength(int index);

    /**
     * The record's length in bytes.
     *
     * @return the record's length in bytes, length prefixes included
     */
    int length();

    /**
     * The byte at {@code position} within the record.
     *
     * @param position the offset from the record's first byte
     * @return the byte
     */
    byte byteAt(int position);

    /**
     * The unsigned big-endian number in {@code length} (0 to 8) bytes at {@code position} within the record.
     *
     * @param position the offset from the record's first byte
     * @param length how many bytes, 0 to 8
     * @return the number, 0 to 2^(8 * length) - 1 (negative for 8 bytes above {@link Long#MAX_VALUE})
     */
    long readUnsigned(int position, int length);

    /**
     * Copies {@code length} bytes at {@code position} within the record into {@code dst}.
     *
     * @param position the offset from the record's first byte
     * @param dst the array copied into
     * @param dstOffset where in {@code dst} the first byte goes
     * @param length how many bytes
     */
    void copyBytes(int position, byte[] dst, int dstOffset, int length);

    /**
     * How many fields.
     *
     * @return the number of fields in the template
     */
    default int fieldCount() {
        return template().fieldCount();
    }

    /**
     * Field {@code index} as a number: signed types sign-extended, everything else of at most 8 bytes read
     * as an unsigned big-endian number (an unsigned64 above {@link Long#MAX_VALUE} comes back negative;
     * use {@link Long#toUnsignedString}).
     *
     * @param index the field's position in the template, from 0
     * @return the value
     */
    default long getLong(int index) {
        int len = fieldLength(index);
        if (len > 8) {
            throw new IllegalArgumentException(describe(index) + " is " + len + " bytes: not an integer of at most 8");
        }
        long v = readUnsigned(fieldOffset(index), len);
        if (len > 0 && len < 8 && template().isSigned(index)) {
            int shift = 64 - 8 * len;
            v = (v << shift) >> shift;
        }
        return v;
    }

    /**
     * Field {@code index} as an int (the low 32 bits of {@link #getLong(int)}).
     *
     * @param index the field's position in the template, from 0
     * @return the low 32 bits of the value
     */
    default int getInt(int index) {
        return (int) getLong(index);
    }

    /**
     * Field {@code index} as a double: float32 or float64 by length, integers converted.
     *
     * @param index the field's position in the template, from 0
     * @return the value
     */
    default double getDouble(int index) {
        DataType type = template().field(index).element().dataType();
        int len = fieldLength(index);
        if (type == DataType.FLOAT32 || type == DataType.FLOAT64) {
            if (len == 4) {
                return Float.intBitsToFloat((int) readUnsigned(fieldOffset(index), 4));
            }
            if (len == 8) {
                return Double.longBitsToDouble(readUnsigned(fieldOffset(index), 8));
            }
            throw new IllegalArgumentException(describe(index) + " is " + len + " bytes: not a float");
        }
        return getLong(index);
    }

    /**
     * Field {@code index} as a boolean: RFC 7011 encodes true as 1 and false as 2.
     *
     * @param index the field's position in the template, from 0
     * @return true if the field holds 1
     */
    default boolean getBoolean(int index) {
        return getLong(index) == 1;
    }

    /**
     * Field {@code index} as a UTF-8 string, trailing NUL padding removed (malformed bytes are replaced).
     *
     * @param index the field's position in the template, from 0
     * @return the text
     */
    default String getString(int index) {
        int len = fieldLength(index);
        int off = fieldOffset(index);
        while (len > 0 && byteAt(off + len - 1) == 0) {
            len--;
        }
        byte[] b = new byte[len];
        copyBytes(off, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A copy of field {@code index}'s bytes.
     *
     * @param index the field's position in the template, from 0
     * @return a new array of the value's bytes (without a length prefix)
     */
    default byte[] getBytes(int index) {
        int len = fieldLength(index);
        byte[] b = new byte[len];
        copyBytes(fieldOffset(index), b, 0, len);
        return b;
    }

    /**
     * Field {@code index} (4 bytes) as an IPv4 address in an int, without allocating.
     *
     * @param index the field's position in the template, from 0
     * @return the address, first octet in the high byte ({@code 10.0.0.1} is {@code 0x0A000001})
     */
    default int getIpv4(int index) {
        int len = fieldLength(index);
        if (len != 4) {
            throw new IllegalArgumentException(describe(index) + " is " + len + " bytes: not an IPv4 address");
        }
        return (int) readUnsigned(fieldOffset(index), 4);
    }

    /**
     * Field {@code index} as an IPv4 (4 bytes) or IPv6 (16 bytes) address.
     *
     * @param index the field's position in the template, from 0
     * @return the address
     */
    default InetAddress getAddress(int index) {
        int len = fieldLength(index);
        if (len != 4 && len != 16) {
            throw new IllegalArgumentException(describe(index) + " is " + len + " bytes: not an IP address");
        }
        byte[] b = new byte[len];
        copyBytes(fieldOffset(index), b, 0, len);
        try {
            return len == 4 ? (Inet4Address) InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: address of " + len + " bytes", e);
        }
    }

    /**
     * Field {@code index} (6 bytes) as a MAC address in the low 48 bits of a long.
     *
     * @param index the field's position in the template, from 0
     * @return the address, first octet highest ({@code 00:11:22:33:44:55} is {@code 0x001122334455L})
     */
    default long getMacAddress(int index) {
        int len = fieldLength(index);
        if (len != 6) {
            throw new IllegalArgumentException(describe(index) + " is " + len + " bytes: not a MAC address");
        }
        return readUnsigned(fieldOffset(index), 6);
    }

    /**
     * Field {@code index}, a dateTime* element, as milliseconds since the Unix epoch: dateTimeSeconds and
     * dateTimeMilliseconds as integers, dateTimeMicroseconds and dateTimeNanoseconds in NTP format
     * (RFC 7011 section 6.1.9/10).
     *
     * @param index the field's position in the template, from 0
     * @return milliseconds since 1970-01-01T00:00:00Z
     */
    default long getEpochMillis(int index) {
        DataType type = template().field(index).element().dataType();
        switch (type) {
            case DATE_TIME_SECONDS:
                return getLong(index) * 1000L;
            case DATE_TIME_MICROSECONDS:
            case DATE_TIME_NANOSECONDS: {
                long ntp = getLong(index);
                return ((ntp >>> 32) - NTP_EPOCH_OFFSET_SECONDS) * 1000L + (((ntp & 0xFFFF_FFFFL) * 1000L) >>> 32);
            }
            default:
                return getLong(index);
        }
    }

    /**
     * Field {@code index}, a dateTime* element, as an instant (nanosecond precision where the type has it).
     *
     * @param index the field's position in the template, from 0
     * @return the instant
     */
    default Instant getInstant(int index) {
        DataType type = template().field(index).element().dataType();
        switch (type) {
            case DATE_TIME_SECONDS:
                return Instant.ofEpochSecond(getLong(index));
            case DATE_TIME_MICROSECONDS:
            case DATE_TIME_NANOSECONDS: {
                long ntp = getLong(index);
                long fraction = ntp & 0xFFFF_FFFFL;
                if (type == DataType.DATE_TIME_MICROSECONDS) {
                    fraction &= ~0x7FFL; // RFC 7011 6.1.9: the low 11 bits carry no information
                }
                return Instant.ofEpochSecond((ntp >>> 32) - NTP_EPOCH_OFFSET_SECONDS, (fraction * 1_000_000_000L) >>> 32);
            }
            default:
                return Instant.ofEpochMilli(getLong(index));
        }
    }

    /**
     * Field {@code index} as an object of the natural Java type for its data type: {@code Long} for integers
     * up to 8 bytes, {@code Double}, {@code Boolean}, {@code String}, {@code InetAddress} for addresses of 4
     * or 16 bytes, {@code Instant} for dateTime*, and {@code byte[]} for octet arrays, lists, MAC addresses,
     * unsigned256 and any value whose length its type does not allow (RFC 7011 section 6.2).
     *
     * @param index the field's position in the template, from 0
     * @return the value as its Java type, never null
     */
    default Object getValue(int index) {
        DataType type = template().field(index).element().dataType();
        int len = fieldLength(index);
        if (!type.isVariableLength() && !type.isValidLength(len)) {
            return getBytes(index); // a length the type does not allow: the bytes as they are
        }
        switch (type) {
            case UNSIGNED8: case UNSIGNED16: case UNSIGNED32: case UNSIGNED64:
            case SIGNED8: case SIGNED16: case SIGNED32: case SIGNED64:
                return getLong(index);
            case FLOAT32: case FLOAT64:
                return getDouble(index);
            case BOOLEAN:
                return getBoolean(index);
            case STRING:
                return getString(index);
            case IPV4_ADDRESS: case IPV6_ADDRESS:
                return getAddress(index);
            case DATE_TIME_SECONDS: case DATE_TIME_MILLISECONDS:
            case DATE_TIME_MICROSECONDS: case DATE_TIME_NANOSECONDS:
                return getInstant(index);
            default:
                return getBytes(index);
        }
    }

    /**
     * Whether the template has a field of {@code element}.
     *
     * @param element the information element looked for
     * @return true if the record's template has a field of {@code element}
     */
    default boolean has(InformationElement element) {
        return template().indexOf(element) >= 0;
    }

    /**
     * The first field of {@code element} as {@link #getLong(int)}, or {@code absent} when there is none.
     *
     * @param element the information element looked for
     * @param absent what to return when the template has no field of {@code element}
     * @return the value, or {@code absent}
     */
    default long getLong(InformationElement element, long absent) {
        int i = template().indexOf(element);
        return i < 0 ? absent : getLong(i);
    }

    /**
     * The first field of {@code element} as {@link #getValue(int)}, if the template has one.
     *
     * @param element the information element looked for
     * @return the value, or empty if the template has no field of {@code element}
     */
    default Optional<Object> get(InformationElement element) {
        int i = template().indexOf(element);
        return i < 0 ? Optional.empty() : Optional.of(getValue(i));
    }

    /**
     * Every field of {@code element}, in order, as {@link #getValue(int)}.
     *
     * @param element the information element looked for
     * @return the values in field order, empty if there is none
     */
    default List<Object> getAll(InformationElement element) {
        int[] idx = template().indexesOf(element);
        List<Object> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(getValue(i));
        }
        return out;
    }

    private String describe(int index) {
        return "field " + index + " (" + template().field(index).element().name() + ")";
    }
}
