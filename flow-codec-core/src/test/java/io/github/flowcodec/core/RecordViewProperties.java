package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The zero-copy view's integer reads (one 8-byte load ending where the field ends, or the general way for
 * signed and odd fields and for fields whose 8 bytes would start before the buffer) against a reference
 * computed byte by byte, over every field length and signedness, every kind of buffer (heap, heap slice
 * with an array offset, read-only, direct) and records placed anywhere, from the buffer's first byte to its
 * last, visited in any order.
 */
class RecordViewProperties {

    /** A field: its length on the wire and whether it is signed. */
    record Field(int length, boolean signed) {
        FieldSpec spec(int id) {
            if (length > 8 || length == 0) {
                return FieldSpec.of(InformationElement.of(0xFFFF, id, "octets" + id, DataType.OCTET_ARRAY), length);
            }
            DataType type = signed ? DataType.SIGNED64 : DataType.UNSIGNED64;
            return FieldSpec.of(InformationElement.of(0xFFFF, id, "int" + id, type), length);
        }
    }

    /** Where the records go: the kind of buffer, bytes before the first record and after the last. */
    record Placement(int kind, int before, int after, int records) {
    }

    @Provide
    Arbitrary<List<Field>> fields() {
        Arbitrary<Field> f = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0, 9, 16)), Tuple.of(30, Arbitraries.integers().between(1, 8))),
                Arbitraries.of(false, false, true)).as(Field::new);
        return f.list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<Placement> placements() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(1, 4)).as(Placement::new);
    }

    @Property(tries = 1000)
    void integerReadsMatchTheBytes(@ForAll("fields") List<Field> fields, @ForAll("placements") Placement where,
            @ForAll long seed) {
        List<FieldSpec> specs = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            specs.add(fields.get(i).spec(i + 1));
        }
        Template t = Template.of(300, specs);
        int recordLength = t.recordLength();
        byte[] content = new byte[where.before() + where.records() * recordLength + where.after()];
        new java.util.Random(seed).nextBytes(content);
        ByteBuffer b = ReferenceBytes.buffer(content, where.kind());
        int limit = where.before() + where.records() * recordLength + (where.kind() == 0 ? where.after() : 0);
        b.limit(Math.min(limit, b.capacity()));

        RecordView v = new RecordView();
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < where.records(); r++) {
            order.add(r);
        }
        java.util.Collections.shuffle(order, new java.util.Random(~seed));
        for (int r : order) {
            int offset = where.before() + r * recordLength;
            if (r == order.get(0)) {
                v.wrap(t, b, offset);
            } else {
                v.moveTo(offset);
            }
            int at = offset;
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                int index = i;
                if (f.length() > 8) {
                    assertThatThrownBy(() -> v.getLong(index)).isInstanceOf(IllegalArgumentException.class);
                } else {
                    assertThat(v.getLong(i)).as("record %d field %d %s", r, i, f)
                            .isEqualTo(ReferenceBytes.integer(content, at, f.length(), f.signed()));
                }
                at += f.length();
            }
        }
    }
}
