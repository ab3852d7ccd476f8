package io.github.flowcodec.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of fields that gives the layout of data records: a NetFlow v9 or IPFIX (options)
 * template, or the constant layout of a NetFlow v5 record.
 *
 * <p>Immutable and validated at construction. For fixed-length templates the offset of every field is
 * precomputed, so reading field {@code k} of a record is one absolute read. An element may appear more
 * than once (real templates repeat elements); {@link #indexOf} gives the first occurrence.
 * A template with {@link #scopeFieldCount()} &gt; 0 is an options template.
 *
 * <pre>{@code
 * Template t = Template.builder(256)
 *         .field(Iana.SOURCE_IPV4_ADDRESS)
 *         .field(Iana.DESTINATION_IPV4_ADDRESS)
 *         .field(Iana.OCTET_DELTA_COUNT, 4)      // reduced-size
 *         .field(Iana.INTERFACE_NAME)             // variable length
 *         .build();
 * t.isFixedLength();  // false
 * t.indexOf(Iana.OCTET_DELTA_COUNT); // 2
 * }</pre>
 */
public final class Template {

    /** {@link #recordLength()} of a template with a variable-length field. */
    public static final int VARIABLE_LENGTH = -1;

    /** The largest number of fields a template can hold (a 16-bit count). */
    public static final int MAX_FIELDS = 0xFFFF;

    /**
     * The most bytes a template's fixed-length fields may add up to (1 GiB - 1), so that every offset in a
     * record fits an int with room for the record's place in a buffer. A template read from the wire stays
     * below it: a set of at most 65535 bytes holds at most 16383 field specifiers of at most 65534 bytes.
     */
    public static final int MAX_FIXED_BYTES = 0x3FFF_FFFF;

    private final int id;
    private final FieldSpec[] fields;
    private final int scopeFieldCount;
    private final int recordLength;
    private final int minimumRecordLength;
    private final int[] offsets;
    private final int[] lengths;
    private final boolean[] signed;
    /**
     * Per field of a fixed-length template, how the zero-copy view reads it with one 8-byte load that ends
     * where the field ends: the high 32 bits hold {@code offset + length - 8} (negative for fields near the
     * record's start), the low 32 bits {@code 64 - 8 * length}: the mask of the field's bytes is
     * {@code -1L >>> that}. A field that cannot be read so (signed, empty, or longer than 8 bytes) has
     * {@link #GENERAL_READ}.
     */
    private final long[] packedLayout;
    /** A packed layout entry whose offset makes every position negative, so the view reads the field the general way. */
    static final long GENERAL_READ = (long) Integer.MIN_VALUE << 32;

    /**
     * The packed read of a field that starts {@code start} bytes after some base (see {@link #packedLayout}):
     * {@code start + length - 8} and the mask's shift, or {@link #GENERAL_READ}.
     */
    static long oneLoadRead(int start, int length, boolean signed) {
        return signed || length == 0 || length > 8 ? GENERAL_READ : ((long) (start + length - 8) << 32) | (64 - 8 * length);
    }
    /** Where the fields of a record are once its variable-length fields' lengths are read; null for fixed-length templates. */
    private final VariableRecordShape shape;
    /** {@link #packedLayout}, or the shape's {@link VariableRecordShape#reads}: how records are read with one load a field. */
    private final long[] reads;
    private final boolean listFields;
    private final long[] keys;
    private final int[] firstIndexes;
    /** For templates of more than 8 fields: per IANA id below {@link #DIRECT_IDS}, its first field's index + 1, or 0. */
    private final char[] directIndexes;
    private final List<FieldSpec> fieldList;
    private final int hash;

    private Template(int id, List<FieldSpec> fields, int scopeFieldCount) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("template id out of range 0..65535: " + id);
        }
        Objects.requireNonNull(fields, "fields");
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a template holds at most 65535 fields, not " + fields.size());
        }
        if (scopeFieldCount < 0 || scopeFieldCount > fields.size()) {
            throw new IllegalArgumentException("scope field count " + scopeFieldCount + " not in 0.." + fields.size());
        }
        this.id = id;
        this.fields = fields.toArray(new FieldSpec[0]);
        long fixedBytes = 0;
        for (FieldSpec f : this.fields) {
            Objects.requireNonNull(f, "field");
            fixedBytes += f.isVariableLength() ? 0 : f.length();
        }
        if (fixedBytes > MAX_FIXED_BYTES) {
            throw new IllegalArgumentException("a template's fixed-length fields hold at most " + MAX_FIXED_BYTES
                    + " bytes, not " + fixedBytes);
        }
        this.scopeFieldCount = scopeFieldCount;
        this.fieldList = List.of(this.fields);
        this.offsets = new int[this.fields.length];
        this.lengths = new int[this.fields.length];
        this.signed = new boolean[this.fields.length];
        this.keys = new long[this.fields.length];
        int offset = 0;
        int minimum = 0;
        boolean variable = false;
        boolean lists = false;
        for (int i = 0; i < this.fields.length; i++) {
            FieldSpec f = this.fields[i];
            lists |= f.element().dataType().isList();
            keys[i] = f.element().key();
            lengths[i] = f.length();
            signed[i] = f.element().dataType().isSigned();
            offsets[i] = variable ? -1 : offset;
            if (f.isVariableLength()) {
                variable = true;
                minimum += 1;
            } else {
                offset += f.length();
                minimum += f.length();
            }
        }
        this.recordLength = variable ? VARIABLE_LENGTH : offset;
        this.packedLayout = variable ? null : new long[this.fields.length];
        if (!variable) {
            for (int i = 0; i < this.fields.length; i++) {
                packedLayout[i] = oneLoadRead(offsets[i], lengths[i], signed[i]);
            }
        }
        this.shape = variable ? new VariableRecordShape(lengths, signed) : null;
        this.reads = variable ? shape.reads : packedLayout;
        this.listFields = lists;
        this.firstIndexes = firstIndexes(keys);
        this.directIndexes = directIndexes(keys);
        this.minimumRecordLength = minimum;
        this.hash = (id * 31 + Arrays.hashCode(this.fields)) * 31 + scopeFieldCount;
    }

    /**
     * A template (not options) with these fields.
     *
     * @param id the template id (256 to 65535 for NetFlow v9 and IPFIX data templates)
     * @param fields the fields in wire order
     * @return the template
     */
    public static Template of(int id, List<FieldSpec> fields) {
        return new Template(id, fields, 0);
    }

    /**
     * A template (not options) with these fields.
     *
     * @param id the template id (256 to 65535 for NetFlow v9 and IPFIX data templates)
     * @param fields the fields in wire order
     * @return the template
     */
    public static Template of(int id, FieldSpec... fields) {
        return new Template(id, Arrays.asList(fields), 0);
    }

    /**
     * An options template whose first {@code scopeFieldCount} fields are its scope.
     *
     * @param id the template id (256 to 65535)
     * @param scopeFieldCount how many leading fields are scope fields (at least 1)
     * @param fields the fields in wire order, scope fields first
     * @return the options template
     */
    public static Template options(int id, int scopeFieldCount, List<FieldSpec> fields) {
        if (scopeFieldCount == 0) {
            throw new IllegalArgumentException("an options template needs at least one scope field");
        }
        return new Template(id, fields, scopeFieldCount);
    }

    /**
     * The template as bytes, for a template store shared between collectors: self-describing (each field's
     * element travels with its name, type, semantics and unit), so {@link #fromBytes} on another node
     * gives an equal template that reads data the same way, whatever that node's registry knows.
     *
     * <pre>{@code
     * redis.hset(scopeKey, Integer.toString(t.id()), t.toBytes());
     * Template same = Template.fromBytes(redis.hget(scopeKey, "256"));
     * }</pre>
     *
     * @return the self-describing bytes, read back by {@link #fromBytes}
     */
    public byte[] toBytes() {
        return io.github.flowcodec.core.internal.TemplateBytes.template(this);
    }

    /**
     * The template {@link #toBytes()} wrote.
     *
     * @param bytes bytes {@link #toBytes()} wrote
     * @return the template, elements included
     * @throws IllegalArgumentException if the bytes are not such a template (wrong format, truncated, extra
     *         bytes, invalid element or length)
     */
    public static Template fromBytes(byte[] bytes) {
        return io.github.flowcodec.core.internal.TemplateBytes.template(bytes);
    }

    /**
     * A builder for a template with this id.
     *
     * @param id the template id (256 to 65535 for NetFlow v9 and IPFIX data templates)
     * @return an empty builder
     */
    public static Builder builder(int id) {
        return new Builder(id);
    }

    /**
     * The template id (256 and above for NetFlow v9 and IPFIX data).
     *
     * @return the template id, 0 to 65535
     */
    public int id() {
        return id;
    }

    /**
     * The fields in wire order.
     *
     * @return the fields in wire order (unmodifiable)
     */
    public List<FieldSpec> fields() {
        return fieldList;
    }

    /**
     * The field at {@code index}.
     *
     * @param index the field's position, from 0
     * @return the field
     */
    public FieldSpec field(int index) {
        return fields[index];
    }

    /**
     * How many fields.
     *
     * @return the number of fields, scope fields included
     */
    public int fieldCount() {
        return fields.length;
    }

    /**
     * How many leading fields are scope fields; 0 for a plain template.
     *
     * @return the number of scope fields, 0 for a plain template
     */
    public int scopeFieldCount() {
        return scopeFieldCount;
    }

    /**
     * Whether this is an options template.
     *
     * @return true if the template has scope fields
     */
    public boolean isOptions() {
        return scopeFieldCount > 0;
    }

    /**
     * Whether every field has a fixed length.
     *
     * @return true if no field is variable-length, so every record has {@link #recordLength()} bytes
     */
    public boolean isFixedLength() {
        return recordLength != VARIABLE_LENGTH;
    }

    /**
     * The length of a record in bytes, or {@link #VARIABLE_LENGTH}.
     *
     * @return the fixed record length in bytes, or {@link #VARIABLE_LENGTH} if a field is variable-length
     */
    public int recordLength() {
        return recordLength;
    }

    /**
     * The least number of bytes a record can take (a variable-length field takes at least one).
     *
     * @return the minimum record length in bytes
     */
    public int minimumRecordLength() {
        return minimumRecordLength;
    }

    /**
     * The offset of field {@code index} within a record, or -1 if it follows a variable-length field (its
     * offset then depends on the record).
     *
     * @param index the field's position, from 0
     * @return the byte offset from the record's start, or -1
     */
    public int fieldOffset(int index) {
        return offsets[index];
    }

    /**
     * The wire length of field {@code index}: its fixed length, or {@link FieldSpec#VARIABLE_LENGTH}.
     *
     * @param index the field's position, from 0
     * @return the field's length in bytes, or {@link FieldSpec#VARIABLE_LENGTH}
     */
    public int fieldLength(int index) {
        return lengths[index];
    }

    /** The packed layout of a fixed-length template (see the field's comment), or null; for the zero-copy view. */
    long[] packedLayout() {
        return packedLayout;
    }

    /**
     * Whether a field holds structured data (RFC 6313: basicList, subTemplateList, subTemplateMultiList),
     * which a decoder checks record by record.
     *
     * <pre>{@code
     * if (template.hasListFields()) { ... walk the lists with the IPFIX module's list views ... }
     * }</pre>
     *
     * @return true if a field's data type is basicList, subTemplateList or subTemplateMultiList
     */
    public boolean hasListFields() {
        return listFields;
    }

    /** The packed reads of the fields, of a fixed-length or a variable-length template; for {@link FlowRecord}. */
    long[] reads() {
        return reads;
    }

    /** The layout of records with variable-length fields, or null for a fixed-length template; for the zero-copy view. */
    VariableRecordShape variableShape() {
        return shape;
    }

    /** Whether field {@code index} holds a signed integer (read sign-extended). */
    boolean isSigned(int index) {
        return signed[index];
    }

    /**
     * The index of the first field of {@code element}, or -1.
     *
     * @param element the information element looked for
     * @return the field's position, or -1 if the template has no field of {@code element}
     */
    public int indexOf(InformationElement element) {
        return indexOf(element.key());
    }

    /**
     * The index of the first field with this (enterprise, id), or -1.
     *
     * @param enterprise the private enterprise number, 0 for IANA elements
     * @param id the element id (without the enterprise bit)
     * @return the field's position, or -1 if there is none
     */
    public int indexOf(long enterprise, int id) {
        return indexOf(InformationElement.key(enterprise, id));
    }

    private int indexOf(long key) {
        long[] k = keys;
        char[] direct = directIndexes;
        if (direct != null && key >= 0 && key < DIRECT_IDS) {
            return direct[(int) key] - 1; // the IANA elements (times, sampling, addresses) a reader asks per record
        }
        if (k.length <= 8) {
            for (int i = 0; i < k.length; i++) {
                if (k[i] == key) {
                    return i;
                }
            }
            return -1;
        }
        // the first field of each element, in an open-addressing table: what a consumer reading records by
        // element asks for every field of every record
        int[] slots = firstIndexes;
        int mask = slots.length - 1;
        for (int h = slot(key, mask); ; h = (h + 1) & mask) {
            int i = slots[h];
            if (i < 0 || k[i] == key) {
                return i;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** IANA ids below this are looked up in a table indexed by id. */
    private static final int DIRECT_IDS = 512;

    private static char[] directIndexes(long[] keys) {
        if (keys.length <= 8) {
            return null;
        }
        char[] direct = new char[DIRECT_IDS];
        for (int i = keys.length - 1; i >= 0; i--) { // backwards: the first field of a repeated element wins
            if (keys[i] >= 0 && keys[i] < DIRECT_IDS) {
                direct[(int) keys[i]] = (char) (i + 1);
            }
        }
        return direct;
    }

    /** For templates of more than 8 fields: per slot, the index of the first field of an element, or -1. */
    private static int[] firstIndexes(long[] keys) {
        if (keys.length <= 8) {
            return null;
        }
        int[] slots = new int[Integer.highestOneBit(keys.length * 2 - 1) << 1]; // at most half full
        java.util.Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int i = 0; i < keys.length; i++) {
            int h = slot(keys[i], mask);
            while (slots[h] >= 0 && keys[slots[h]] != keys[i]) {
                h = (h + 1) & mask;
            }
            if (slots[h] < 0) {
                slots[h] = i; // a repeated element keeps its first field
            }
        }
        return slots;
    }

    /**
     * The indexes of every field of {@code element}, in order.
     *
     * @param element the information element looked for
     * @return the positions, empty if there is none
     */
    public int[] indexesOf(InformationElement element) {
        long key = element.key();
        int n = 0;
        for (long k : keys) {
            if (k == key) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                out[n++] = i;
            }
        }
        return out;
    }

    /**
     * Whether the template has a field of {@code element}.
     *
     * @param element the information element looked for
     * @return true if a field has this element
     */
    public boolean contains(InformationElement element) {
        return indexOf(element) >= 0;
    }

    /** Equal when id, fields (element and length, in order) and scope count are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Template other && other.id == id && other.scopeFieldCount == scopeFieldCount
                && other.hash == hash && Arrays.equals(other.fields, fields);
    }

    /**
     * Whether {@code other} has the same fields and scope, whatever its id.
     *
     * @param other the template compared with
     * @return true if both have the same fields (element and length) in the same order and the same scope count
     */
    public boolean sameLayout(Template other) {
        return other.scopeFieldCount == scopeFieldCount && Arrays.equals(other.fields, fields);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return (isOptions() ? "OptionsTemplate[id=" + id + ", scope=" + scopeFieldCount : "Template[id=" + id)
                + ", " + fieldList + "]";
    }

    /** Builds a {@link Template}; fields are added in wire order. */
    public static final class Builder {
        private final int id;
        private final List<FieldSpec> fields = new ArrayList<>();
        private int scopeFieldCount;

        private Builder(int id) {
            this.id = id;
        }

        /**
         * Adds a field of {@code element} at its natural length.
         *
         * @param element the field's element; its natural length is the data type's (4 for unsigned32, variable for
         *     string)
         * @return this builder
         */
        public Builder field(InformationElement element) {
            fields.add(FieldSpec.of(element));
            return this;
        }

        /**
         * Adds a field of {@code element} with this wire length.
         *
         * @param element the field's element
         * @param length the wire length in bytes (reduced-size encoding allowed), or {@link
         *     FieldSpec#VARIABLE_LENGTH}
         * @return this builder
         */
        public Builder field(InformationElement element, int length) {
            fields.add(FieldSpec.of(element, length));
            return this;
        }

        /**
         * Adds a field.
         *
         * @param field the field
         * @return this builder
         */
        public Builder field(FieldSpec field) {
            fields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /**
         * Adds a scope field; scope fields must come before the other fields.
         *
         * @param element the field's element
         * @param length the wire length in bytes
         * @return this builder
         */
        public Builder scope(InformationElement element, int length) {
            if (scopeFieldCount != fields.size()) {
                throw new IllegalStateException("scope fields come first");
            }
            fields.add(FieldSpec.of(element, length));
            scopeFieldCount++;
            return this;
        }

        /**
         * Adds a scope field at the element's natural length.
         *
         * @param element the field's element
         * @return this builder
         */
        public Builder scope(InformationElement element) {
            return scope(element, element.dataType().defaultLength());
        }

        /**
         * The template.
         *
         * @return the template
         */
        public Template build() {
            return new Template(id, fields, scopeFieldCount);
        }
    }
}
