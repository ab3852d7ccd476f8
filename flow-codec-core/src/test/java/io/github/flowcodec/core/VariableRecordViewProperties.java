package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The zero-copy view over records with variable-length fields (it reads only the variable-length fields'
 * lengths and places every other field from the template's segments) against a reference that walks
 * every field one by one, and against the bytes: offsets, lengths, integer reads (the
 * one-load way and the general way), copies, and where a record stops fitting. Both length forms (a byte,
 * or 255 and two bytes), every kind of buffer, records anywhere in it.
 */
class VariableRecordViewProperties {

    /** A field: its wire length (or {@link FieldSpec#VARIABLE_LENGTH}) and whether it is a signed integer. */
    record Field(int length, boolean signed) {
        FieldSpec spec(int id) {
            if (length == FieldSpec.VARIABLE_LENGTH || length > 8 || length == 0) {
                return FieldSpec.of(InformationElement.of(0xFFFF, id, "octets" + id, DataType.OCTET_ARRAY), length);
            }
            DataType type = signed ? DataType.SIGNED64 : DataType.UNSIGNED64;
            return FieldSpec.of(InformationElement.of(0xFFFF, id, "int" + id, type), length);
        }
    }

    /** The kind of buffer, bytes before the record, and the seed of its values and variable lengths. */
    record Placement(int kind, int before, long seed) {
    }

    @Provide
    Arbitrary<List<Field>> fields() {
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(FieldSpec.VARIABLE_LENGTH)),
                Tuple.of(2, Arbitraries.of(0, 9, 16)),
                Tuple.of(20, Arbitraries.integers().between(1, 8)));
        return Combinators.combine(length, Arbitraries.of(false, false, true)).as(Field::new)
                .list().ofMinSize(1).ofMaxSize(12)
                .filter(l -> l.stream().anyMatch(f -> f.length() == FieldSpec.VARIABLE_LENGTH));
    }

    @Provide
    Arbitrary<Placement> placements() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 12),
                Arbitraries.longs()).as(Placement::new);
    }

    @Property(tries = 1000)
    void readsWhatTheBytesSay(@ForAll("fields") List<Field> fields, @ForAll("placements") Placement where) {
        Template t = template(fields);
        Random random = new Random(where.seed());
        byte[] record = record(fields, random);
        byte[] content = new byte[where.before() + record.length + random.nextInt(4)];
        random.nextBytes(content);
        System.arraycopy(record, 0, content, where.before(), record.length);
        ByteBuffer b = ReferenceBytes.buffer(content, where.kind());

        int[] reference = new int[2 * fields.size()];
        int expectedLength = referenceLayout(t, content, where.before(), content.length, reference);
        assertThat(expectedLength).isEqualTo(record.length);

        RecordView v = new RecordView();
        assertThat(v.wrap(t, b, where.before(), b.limit())).isEqualTo(record.length);
        assertThat(v.length()).isEqualTo(record.length);
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            assertThat(v.fieldOffset(i)).as("offset of field %d %s", i, f).isEqualTo(reference[2 * i]);
            assertThat(v.fieldLength(i)).as("length of field %d %s", i, f).isEqualTo(reference[2 * i + 1]);
            int len = reference[2 * i + 1];
            int index = i;
            if (len > 8) {
                assertThatThrownBy(() -> v.getLong(index)).isInstanceOf(IllegalArgumentException.class);
            } else {
                boolean signed = f.signed() && f.length() != FieldSpec.VARIABLE_LENGTH;
                assertThat(v.getLong(i)).as("field %d %s", i, f)
                        .isEqualTo(ReferenceBytes.integer(content, where.before() + reference[2 * i], len, signed));
            }
        }
        FlowRecord copy = v.toRecord();
        assertThat(copy.toBytes()).isEqualTo(record);
        assertThat(copy).isEqualTo(FlowRecord.of(t, record));
    }

    @Property(tries = 500)
    void aRecordCutShortDoesNotFitWhereTheReferenceSaysSo(@ForAll("fields") List<Field> fields, @ForAll long seed) {
        Template t = template(fields);
        Random random = new Random(seed);
        byte[] record = record(fields, random);
        RecordView v = new RecordView();
        for (int cut = 0; cut <= record.length; cut++) {
            int[] reference = new int[2 * fields.size()];
            int expected = referenceLayout(t, record, 0, cut, reference);
            assertThat(v.wrap(t, ByteBuffer.wrap(record), 0, cut)).as("limit %d of %d", cut, record.length).isEqualTo(expected);
            assertThat(expected).isEqualTo(cut == record.length ? record.length : -1);
        }
    }

    /**
     * The reference: walks the fields in order, reading each variable-length field's length (a byte, or 255
     * and two bytes), into {@code layout[2i]} (offset from {@code start}) and {@code layout[2i+1]} (length).
     *
     * @return the record's length, or -1 if it does not fit between {@code start} and {@code limit}
     */
    private static int referenceLayout(Template t, byte[] bytes, int start, int limit, int[] layout) {
        int pos = start;
        for (int i = 0; i < t.fieldCount(); i++) {
            int len = t.fieldLength(i);
            if (len == FieldSpec.VARIABLE_LENGTH) {
                if (pos >= limit) {
                    return -1;
                }
                len = bytes[pos++] & 0xFF;
                if (len == 255) {
                    if (pos + 2 > limit) {
                        return -1;
                    }
                    len = (bytes[pos] & 0xFF) << 8 | (bytes[pos + 1] & 0xFF);
                    pos += 2;
                }
            }
            if (len > limit - pos) {
                return -1;
            }
            layout[2 * i] = pos - start;
            layout[2 * i + 1] = len;
            pos += len;
        }
        return pos - start;
    }

    /** A record of random bytes: each variable-length field gets a random length, in the short or the long form. */
    private static byte[] record(List<Field> fields, Random random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Field f : fields) {
            int len = f.length();
            if (len == FieldSpec.VARIABLE_LENGTH) {
                int form = random.nextInt(10);
                len = form < 6 ? random.nextInt(10) : form < 9 ? random.nextInt(255) : random.nextInt(600);
                if (len < 255 && form != 8) {
                    out.write(len);
                } else {
                    out.write(255); // the long form, also for short values (RFC 7011 allows it)
                    out.write(len >>> 8);
                    out.write(len);
                }
            }
            byte[] value = new byte[len];
            random.nextBytes(value);
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static Template template(List<Field> fields) {
        List<FieldSpec> specs = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            specs.add(fields.get(i).spec(i + 1));
        }
        return Template.of(300, specs);
    }
}
