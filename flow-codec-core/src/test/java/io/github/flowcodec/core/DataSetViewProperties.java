package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The data set view's column reads (one 8-byte load per record from the array, byte by byte near its end;
 * a copy first for direct and read-only buffers) against a reference computed byte by byte, over every
 * field length and signedness, every kind of buffer, sets placed anywhere up to the buffer's last byte,
 * and one view reused for several sets.
 */
class DataSetViewProperties {

    record Field(int length, boolean signed) {
        FieldSpec spec(int id) {
            if (length > 8 || length == 0) {
                return FieldSpec.of(InformationElement.of(0xFFFF, id, "octets" + id, DataType.OCTET_ARRAY), length);
            }
            DataType type = signed ? DataType.SIGNED64 : DataType.UNSIGNED64;
            return FieldSpec.of(InformationElement.of(0xFFFF, id, "int" + id, type), length);
        }
    }

    /** Where a set goes: the kind of buffer, bytes before the first record and after the last, how many records. */
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
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 40)).as(Placement::new);
    }

    @Property(tries = 1000)
    void columnsMatchTheBytes(@ForAll("fields") List<Field> fields, @ForAll("placements") Placement where,
            @ForAll("placements") Placement second, @ForAll long seed) {
        Template t = template(fields);
        DataSetView set = new DataSetView(new RecordView());
        if (t.recordLength() == 0) { // only zero-length fields: no set of such records is ever handed over
            assertThatThrownBy(() -> set.wrap(t, ByteBuffer.allocate(8), 0, 1)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        // The same view over two sets in turn: nothing of the first may leak into the second.
        for (Placement p : List.of(where, second)) {
            Random random = new Random(seed + p.hashCode());
            byte[] content = new byte[p.before() + p.records() * t.recordLength() + p.after()];
            random.nextBytes(content);
            ByteBuffer b = ReferenceBytes.buffer(content, p.kind());
            set.wrap(t, b, p.before(), p.records());
            assertThat(set.size()).isEqualTo(p.records());
            long[] column = new long[p.records() + random.nextInt(3)];
            int at = p.before();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                int index = i;
                if (f.length() > 8 && p.records() > 0) {
                    assertThatThrownBy(() -> set.getLongs(index, column)).isInstanceOf(IllegalArgumentException.class);
                } else if (f.length() <= 8) {
                    set.getLongs(i, column);
                    for (int r = 0; r < p.records(); r++) {
                        long expected = ReferenceBytes.integer(content, at + r * t.recordLength(), f.length(), f.signed());
                        assertThat(column[r]).as("record %d field %d %s in %s", r, i, f, p).isEqualTo(expected);
                        assertThat(set.record(r).getLong(i)).isEqualTo(expected);
                    }
                }
                at += f.length();
            }
        }
    }

    @Property(tries = 500)
    void readUnsignedMatchesTheRecordView(@ForAll("fields") List<Field> fields, @ForAll("placements") Placement where,
            @ForAll @IntRange(min = 0, max = 200) int position, @ForAll @IntRange(min = 0, max = 8) int length,
            @ForAll long seed) {
        Template t = template(fields);
        Assume.that(t.recordLength() > 0);
        byte[] content = new byte[where.before() + where.records() * t.recordLength() + where.after()];
        new Random(seed).nextBytes(content);
        DataSetView set = new DataSetView(new RecordView()).wrap(t, ReferenceBytes.buffer(content, where.kind()), where.before(), where.records());
        long[] column = new long[where.records()];
        if (position + length > t.recordLength()) {
            assertThatThrownBy(() -> set.readUnsigned(position, length, column)).isInstanceOf(IndexOutOfBoundsException.class);
            return;
        }
        set.readUnsigned(position, length, column);
        for (int r = 0; r < where.records(); r++) {
            assertThat(column[r]).isEqualTo(set.record(r).readUnsigned(position, length));
        }
    }

    @Test
    void refusesWhatDoesNotFit() {
        Template t = template(List.of(new Field(4, false), new Field(2, false)));
        DataSetView set = new DataSetView(new RecordView());
        ByteBuffer b = ByteBuffer.allocate(30);
        assertThatThrownBy(() -> set.wrap(t, b, 0, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> set.wrap(t, b, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> set.wrap(t, b, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        set.wrap(t, b, 0, 5);
        assertThatThrownBy(() -> set.getLongs(0, new long[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.getLongs(2, new long[5])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> set.readUnsigned(0, 9, new long[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.readUnsigned(5, 2, new long[5])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> set.record(5)).isInstanceOf(IndexOutOfBoundsException.class);
        Template variable = Template.of(301, List.of(FieldSpec.of(InformationElement.of(0xFFFF, 1, "v", DataType.STRING),
                FieldSpec.VARIABLE_LENGTH)));
        assertThatThrownBy(() -> set.wrap(variable, b, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultHandlerHandsEveryRecordToOnRecord() {
        Template t = template(List.of(new Field(4, false), new Field(1, false)));
        ByteBuffer b = fourRecordsFrom3();
        List<Long> seen = new ArrayList<>();
        FlowRecordHandler<ExportContext> handler = (ctx, record) -> seen.add(record.getLong(0) * 10 + record.getLong(1));
        handler.onDataSet(null, new DataSetView(new RecordView()).wrap(t, b, 3, 4));
        assertThat(seen).containsExactly(10000L, 10011L, 10022L, 10033L);
    }

    @Test
    void aHandlerThatPointsTheViewElsewhereStillSeesEveryRecordOfTheSet() {
        Template t = template(List.of(new Field(4, false), new Field(1, false)));
        ByteBuffer b = fourRecordsFrom3();
        Template other = template(List.of(new Field(2, false)));
        ByteBuffer elsewhere = ByteBuffer.wrap(new byte[] {0, 7});
        List<Long> seen = new ArrayList<>();
        FlowRecordHandler<ExportContext> handler = (ctx, record) -> {
            seen.add(record.getLong(0) * 10 + record.getLong(1));
            seen.add(record.wrap(other, elsewhere, 0).getLong(0)); // allowed: the view is the handler's during the call
        };
        handler.onDataSet(null, new DataSetView(new RecordView()).wrap(t, b, 3, 4));
        assertThat(seen).containsExactly(10000L, 7L, 10011L, 7L, 10022L, 7L, 10033L, 7L);
    }

    /** Four records (1000 + r as 4 bytes, r as 1 byte) of the (4, 1) template, from offset 3. */
    private static ByteBuffer fourRecordsFrom3() {
        ByteBuffer b = ByteBuffer.allocate(3 + 4 * 5);
        for (int r = 0; r < 4; r++) {
            b.putInt(3 + 5 * r, 1000 + r).put(3 + 5 * r + 4, (byte) r);
        }
        return b;
    }

    private static Template template(List<Field> fields) {
        List<FieldSpec> specs = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            specs.add(fields.get(i).spec(i + 1));
        }
        return Template.of(300, specs);
    }
}
