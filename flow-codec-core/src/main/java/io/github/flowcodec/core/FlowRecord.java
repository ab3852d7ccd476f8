package io.github.flowcodec.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One flow record: a template and the record's bytes exactly as they are on the wire.
 *
 * <p>Immutable. Values are decoded on access through the {@link FlowFields} accessors. Equality is by
 * template and bytes, so re-encoding a decoded record writes the same bytes. A record is an ordered list
 * of fields, not a map: an element may occur more than once ({@link #getAll}).
 *
 * <pre>{@code
 * Template t = Template.builder(256)
 *         .field(Iana.SOURCE_IPV4_ADDRESS)
 *         .field(Iana.OCTET_DELTA_COUNT, 4)
 *         .build();
 * FlowRecord r = FlowRecord.builder(t)
 *         .setAddress(0, InetAddress.getByName("192.0.2.1"))
 *         .setLong(1, 1500)
 *         .build();
 * r.getLong(1);          // 1500
 * r.toBytes().length;    // 8
 * }</pre>
 */
public final class FlowRecord implements FlowFields {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private final Template template;
    private final byte[] bytes;
    /**
     * For templates with variable-length fields: where the record's segments start (see
     * {@link VariableRecordShape}: each variable-length field ends one), 16 bits a segment, when there are
     * one or two such fields in at most 65,535 bytes; else 0. The fields are found from these and the length
     * prefixes as {@link RecordView} finds them: no array of offsets per record.
     */
    private final int starts;
    /** The segments' starts when they do not fit {@link #starts}, else null. */
    private final int[] startArray;
    /** Templates the record's list fields use (IPFIX structured data); usually the shared empty list. */
    private final List<Template> referencedTemplates;

    /** A record of {@code bytes}; {@code spots} (not kept) as {@link VariableRecordShape#measure} wrote them, or null. */
    FlowRecord(Template template, byte[] bytes, int[] spots) {
        this(template, bytes, spots, List.of());
    }

    private FlowRecord(Template template, byte[] bytes, int[] spots, List<Template> referencedTemplates) {
        this.template = template;
        this.bytes = bytes;
        long packed = spots == null ? 0 : template.variableShape().packStarts(spots, bytes.length);
        this.starts = (int) Math.max(packed, 0);
        this.startArray = packed < 0 ? Arrays.copyOf(spots, template.variableShape().variableCount + 1) : null;
        this.referencedTemplates = referencedTemplates;
    }

    /**
     * The templates this record's list fields use besides its own (the template of an IPFIX subTemplateList
     * or subTemplateMultiList, innermost first), which a collector must receive before the record to read the
     * lists. An encoder sends them as it sends the record's own template. Empty unless the record was built
     * with {@link Builder#referencing}; decoded records have none. Not part of {@link #equals}.
     *
     * @return an unmodifiable list, empty for most records
     */
    public List<Template> referencedTemplates() {
        return referencedTemplates;
    }

    /**
     * A record of {@code template} from its wire bytes (copied).
     *
     * @param template the template the bytes follow (field order and lengths)
     * @param bytes one record's bytes as they are on the wire, variable-length fields with their length prefixes
     * @return the record, holding its own copy of the bytes
     * @throws IllegalArgumentException if the bytes are not exactly one record of the template
     */
    public static FlowRecord of(Template template, byte[] bytes) {
        Objects.requireNonNull(template, "template");
        byte[] copy = bytes.clone();
        if (template.isFixedLength()) {
            if (copy.length != template.recordLength()) {
                throw new IllegalArgumentException("template " + template.id() + " records are " + template.recordLength()
                        + " bytes, not " + copy.length);
            }
            return new FlowRecord(template, copy, null);
        }
        VariableRecordShape shape = template.variableShape();
        int[] spots = new int[shape.spotCount()];
        int len = shape.measure(copy, 0, copy.length, spots);
        if (len != copy.length) {
            throw new IllegalArgumentException(len < 0 ? "the bytes end inside a field of template " + template.id()
                    : (copy.length - len) + " bytes left after the record of template " + template.id());
        }
        return new FlowRecord(template, copy, spots);
    }

    /**
     * A builder for a record of {@code template}; fields not set are zero (fixed) or empty (variable).
     *
     * @param template the template the record follows
     * @return an empty builder for one record of {@code template}
     */
    public static Builder builder(Template template) {
        return new Builder(template);
    }

    @Override
    public Template template() {
        return template;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public int fieldOffset(int index) {
        Template t = template;
        VariableRecordShape sh = t.variableShape();
        return sh == null ? t.fieldOffset(index) : sh.offsetIn(bytes, index, t.fieldLength(index), segmentStart(sh.segment[index]));
    }

    @Override
    public int fieldLength(int index) {
        Template t = template;
        int len = t.fieldLength(index);
        if (len != FieldSpec.VARIABLE_LENGTH) {
            return len;
        }
        VariableRecordShape sh = t.variableShape();
        int s = sh.segment[index];
        return segmentStart(s + 1) - sh.offsetIn(bytes, index, len, segmentStart(s));
    }

    /** Where segment {@code s} of the record starts (0 for segment 0 and for a fixed-length record). */
    private int segmentStart(int s) {
        int[] a = startArray;
        return a != null ? a[s] : VariableRecordShape.start(starts, s);
    }

    /**
     * As {@link FlowFields#getLong(int)}: an unsigned field of 1 to 8 bytes is one 8-byte load and a mask (as in
     * {@link RecordView#getLong(int)}): the 8 bytes that end where the field ends or, for a field that ends
     * within the record's first 8 bytes (a flow's source address, most often), the record's first 8 bytes
     * shifted; every other field takes the general way.
     */
    @Override
    public long getLong(int index) {
        long packed = template.reads()[index];
        int segment = VariableRecordShape.segmentOf(packed);
        int p = (int) (packed >> 32) + (segment == 0 ? 0 : segmentStart(segment));
        byte[] b = bytes;
        if (p >= 0) {
            return (long) LONG.get(b, p) & (-1L >>> (int) packed);
        }
        if (p > -8 && b.length >= 8) {
            // the field ends -p bytes before the record's eighth byte; no other entry is that little negative
            // (a general field's is about Integer.MIN_VALUE)
            return ((long) LONG.get(b, 0) >>> (-p << 3)) & (-1L >>> (int) packed);
        }
        return FlowFields.super.getLong(index);
    }

    @Override
    public byte byteAt(int position) {
        return bytes[position];
    }

    @Override
    public long readUnsigned(int p, int len) {
        switch (len) {
            case 1: return bytes[p] & 0xFFL;
            case 2: return (short) SHORT.get(bytes, p) & 0xFFFFL;
            case 4: return (int) INT.get(bytes, p) & 0xFFFF_FFFFL;
            case 8: return (long) LONG.get(bytes, p);
            default: {
                long v = 0;
                for (int i = 0; i < len; i++) {
                    v = (v << 8) | (bytes[p + i] & 0xFF);
                }
                return v;
            }
        }
    }

    @Override
    public void copyBytes(int position, byte[] dst, int dstOffset, int len) {
        System.arraycopy(bytes, position, dst, dstOffset, len);
    }

    /**
     * A copy of the record's wire bytes.
     *
     * @return a new array of the record's bytes as they are on the wire (what {@link #writeTo} writes)
     */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * Writes the record's wire bytes at the buffer's position and advances it.
     *
     * @param dst the buffer written into, from its position
     * @throws java.nio.BufferOverflowException if there is not room
     */
    public void writeTo(ByteBuffer dst) {
        dst.put(bytes);
    }

    /** Equal when the templates are equal and the bytes are the same. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FlowRecord other && Arrays.equals(other.bytes, bytes) && other.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    /** The fields as {@code name=value}, for people. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FlowRecord[template=").append(template.id());
        for (int i = 0; i < template.fieldCount(); i++) {
            sb.append(", ").append(template.field(i).element().name()).append('=');
            Object v = getValue(i);
            if (v instanceof byte[] b) {
                sb.append("0x");
                for (byte x : b) {
                    sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
                }
            } else if (v instanceof InetAddress a) {
                sb.append(a.getHostAddress());
            } else {
                sb.append(v);
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Builds a {@link FlowRecord} from typed values, encoding each at its field's wire length (reduced-size
     * integers are checked to fit). Fields are addressed by index or by element (first occurrence).
     */
    public static final class Builder {
        private final Template template;
        private final byte[][] values;
        private final List<Template> referenced = new ArrayList<>(0);

        private Builder(Template template) {
            this.template = Objects.requireNonNull(template, "template");
            this.values = new byte[template.fieldCount()][];
        }

        private int index(InformationElement element) {
            int i = template.indexOf(element);
            if (i < 0) {
                throw new IllegalArgumentException("template " + template.id() + " has no field " + element);
            }
            return i;
        }

        private int fixedLength(int index, int natural) {
            int len = template.field(index).length();
            return len == FieldSpec.VARIABLE_LENGTH ? natural : len;
        }

        /**
         * Sets an integer field (unsigned or signed; reduced-size lengths are checked to hold the value).
         *
         * @param index the field's position in the template, from 0
         * @param value the value; must fit the field's wire length (a 2-byte field takes 0 to 65535)
         * @return this builder
         */
        public Builder setLong(int index, long value) {
            FieldSpec f = template.field(index);
            int len = fixedLength(index, 8);
            if (len > 8) {
                byte[] b = new byte[len];
                for (int i = 0; i < 8; i++) {
                    b[len - 1 - i] = (byte) (value >>> (8 * i));
                }
                values[index] = b;
                return this;
            }
            if (len < 8) {
                boolean signed = f.element().dataType().isSigned();
                long min = signed ? -(1L << (8 * len - 1)) : 0;
                long max = signed ? (1L << (8 * len - 1)) - 1 : (1L << (8 * len)) - 1;
                if (value < min || value > max) {
                    throw new IllegalArgumentException(value + " does not fit the " + len + " bytes of field " + index
                            + " (" + f.element().name() + ")");
                }
            }
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) {
                b[len - 1 - i] = (byte) (value >>> (8 * i));
            }
            values[index] = b;
            return this;
        }

        /**
         * Sets the first field of {@code element} to an integer.
         *
         * @param element the field's information element
         * @param value the value; must fit the field's wire length
         * @return this builder
         */
        public Builder setLong(InformationElement element, long value) {
            return setLong(index(element), value);
        }

        /**
         * Sets a float32/float64 field (4 or 8 bytes on the wire).
         *
         * @param index the field's position in the template, from 0
         * @param value the value (rounded to float32 for a 4-byte field)
         * @return this builder
         */
        public Builder setDouble(int index, double value) {
            int len = fixedLength(index, 8);
            if (len == 4) {
                return setRaw(index, ByteBuffer.allocate(4).putFloat((float) value).array());
            }
            if (len == 8) {
                return setRaw(index, ByteBuffer.allocate(8).putDouble(value).array());
            }
            throw new IllegalArgumentException("field " + index + " is " + len + " bytes: not a float");
        }

        /**
         * Sets the first field of {@code element} to a floating-point number.
         *
         * @param element the field's information element
         * @param value the value (rounded to float32 for a 4-byte field)
         * @return this builder
         */
        public Builder setDouble(InformationElement element, double value) {
            return setDouble(index(element), value);
        }

        /**
         * Sets a boolean field: 1 for true, 2 for false (RFC 7011 section 6.1.5).
         *
         * @param index the field's position in the template, from 0
         * @param value the value
         * @return this builder
         */
        public Builder setBoolean(int index, boolean value) {
            return setLong(index, value ? 1 : 2);
        }

        /**
         * Sets the first field of {@code element} to a boolean.
         *
         * @param element the field's information element
         * @param value the value
         * @return this builder
         */
        public Builder setBoolean(InformationElement element, boolean value) {
            return setBoolean(index(element), value);
        }

        /**
         * Sets a string field: UTF-8, NUL-padded to a fixed length or as long as it is for a variable one.
         *
         * @param index the field's position in the template, from 0
         * @param value the text; its UTF-8 bytes must fit a fixed-length field
         * @return this builder
         */
        public Builder setString(int index, String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int len = template.field(index).length();
            if (len == FieldSpec.VARIABLE_LENGTH) {
                return setRaw(index, utf8);
            }
            if (utf8.length > len) {
                throw new IllegalArgumentException("\"" + value + "\" is longer than the " + len + " bytes of field " + index);
            }
            return setRaw(index, Arrays.copyOf(utf8, len));
        }

        /**
         * Sets the first field of {@code element} to a string.
         *
         * @param element the field's information element
         * @param value the text; its UTF-8 bytes must fit a fixed-length field
         * @return this builder
         */
        public Builder setString(InformationElement element, String value) {
            return setString(index(element), value);
        }

        /**
         * Sets an address field (4 or 16 bytes).
         *
         * @param index the field's position in the template, from 0
         * @param address an IPv4 address for a 4-byte field, an IPv6 address for a 16-byte one
         * @return this builder
         */
        public Builder setAddress(int index, InetAddress address) {
            return setRaw(index, address.getAddress());
        }

        /**
         * Sets the first field of {@code element} to an address.
         *
         * @param element the field's information element
         * @param address an IPv4 address for a 4-byte field, an IPv6 address for a 16-byte one
         * @return this builder
         */
        public Builder setAddress(InformationElement element, InetAddress address) {
            return setAddress(index(element), address);
        }

        /**
         * Sets a MAC address field from the low 48 bits of {@code mac}.
         *
         * @param index the field's position in the template, from 0
         * @param mac the address in the low 48 bits, first octet highest ({@code 0x001122334455L} is
         *     00:11:22:33:44:55)
         * @return this builder
         */
        public Builder setMacAddress(int index, long mac) {
            byte[] b = new byte[6];
            for (int i = 0; i < 6; i++) {
                b[5 - i] = (byte) (mac >>> (8 * i));
            }
            return setRaw(index, b);
        }

        /**
         * Sets the first field of {@code element} to a MAC address.
         *
         * @param element the field's information element
         * @param mac the address in the low 48 bits, first octet highest
         * @return this builder
         */
        public Builder setMacAddress(InformationElement element, long mac) {
            return setMacAddress(index(element), mac);
        }

        /**
         * Sets a dateTime* field, in the encoding its data type prescribes (NTP format for micro/nanoseconds).
         *
         * @param index the field's position in the template, from 0
         * @param instant the time; dateTimeSeconds keeps whole seconds, dateTimeMilliseconds milliseconds
         * @return this builder
         */
        public Builder setInstant(int index, Instant instant) {
            DataType type = template.field(index).element().dataType();
            switch (type) {
                case DATE_TIME_SECONDS:
                    return setLong(index, instant.getEpochSecond());
                case DATE_TIME_MICROSECONDS:
                case DATE_TIME_NANOSECONDS: {
                    long seconds = instant.getEpochSecond() + NTP_EPOCH_OFFSET_SECONDS;
                    long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
                    if (type == DataType.DATE_TIME_MICROSECONDS) {
                        fraction &= ~0x7FFL;
                    }
                    return setLong(index, (seconds << 32) | fraction);
                }
                default:
                    return setLong(index, instant.toEpochMilli());
            }
        }

        /**
         * Sets the first field of {@code element} to an instant.
         *
         * @param element the field's information element
         * @param instant the time, kept at the field's precision
         * @return this builder
         */
        public Builder setInstant(InformationElement element, Instant instant) {
            return setInstant(index(element), instant);
        }

        /**
         * Sets an octet-array (or any) field to these exact bytes; a fixed-length field needs exactly its length.
         *
         * @param index the field's position in the template, from 0
         * @param value the bytes, copied
         * @return this builder
         */
        public Builder setBytes(int index, byte[] value) {
            return setRaw(index, value.clone());
        }

        /**
         * Sets the first field of {@code element} to these bytes.
         *
         * @param element the field's information element
         * @param value the bytes, copied
         * @return this builder
         */
        public Builder setBytes(InformationElement element, byte[] value) {
            return setBytes(index(element), value);
        }

        private Builder setRaw(int index, byte[] value) {
            int len = template.field(index).length();
            if (len == FieldSpec.VARIABLE_LENGTH) {
                if (value.length > 0xFFFF) {
                    throw new IllegalArgumentException("a variable-length value holds at most 65535 bytes, not " + value.length);
                }
            } else if (value.length != len) {
                throw new IllegalArgumentException("field " + index + " (" + template.field(index).element().name()
                        + ") takes " + len + " bytes, not " + value.length);
            }
            values[index] = value;
            return this;
        }

        /**
         * Says the record's list fields use these templates (IPFIX structured data: the template of a
         * subTemplateList, each template of a subTemplateMultiList, innermost first), so that an encoder sends
         * them before the record. {@code SubTemplateList.writeTo(builder, index)} sets the list's bytes and
         * calls this.
         *
         * <pre>{@code
         * FlowRecord outer = FlowRecord.builder(outerTemplate)
         *         .setBytes(listIndex, labels.toBytes())
         *         .referencing(labels.template())
         *         .build();
         * }</pre>
         *
         * @param templates the templates the record's lists use
         * @return this builder
         */
        public Builder referencing(Template... templates) {
            for (Template t : templates) {
                Objects.requireNonNull(t, "template");
                if (!referenced.contains(t)) {
                    referenced.add(t);
                }
            }
            return this;
        }

        /**
         * The record.
         *
         * @return a new immutable record
         */
        public FlowRecord build() {
            int total = 0;
            int n = template.fieldCount();
            for (int i = 0; i < n; i++) {
                FieldSpec f = template.field(i);
                int len = values[i] == null ? (f.isVariableLength() ? 0 : f.length()) : values[i].length;
                total += len + (f.isVariableLength() ? (len < 255 ? 1 : 3) : 0);
            }
            byte[] out = new byte[total];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                FieldSpec f = template.field(i);
                byte[] v = values[i];
                int len = v == null ? (f.isVariableLength() ? 0 : f.length()) : v.length;
                if (f.isVariableLength()) {
                    if (len < 255) {
                        out[pos++] = (byte) len;
                    } else {
                        out[pos++] = (byte) 255;
                        out[pos++] = (byte) (len >>> 8);
                        out[pos++] = (byte) len;
                    }
                }
                if (v != null) {
                    System.arraycopy(v, 0, out, pos, len);
                }
                pos += len;
            }
            int[] spots = null;
            if (!template.isFixedLength()) {
                VariableRecordShape shape = template.variableShape();
                spots = new int[shape.spotCount()];
                shape.measure(out, 0, out.length, spots);
            }
            return new FlowRecord(template, out, spots, referenced.isEmpty() ? List.of() : List.copyOf(referenced));
        }
    }
}
