package io.github.flowcodec.core.internal.templated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The shared writer over two made-up wire formats (padded, sequence counting datagrams; unpadded, counting
 * records, with withdrawals): what it encodes carries every record in order, within the size, each after its
 * template; and the set-level entry points rewrite every datagram byte for byte from the fields read back
 * through the named layout.
 */
class TemplatedWriterProperties {

    private static final int HEADER = 16;
    private static final int H_LENGTH = 2;
    private static final int H_RECORDS = 4;
    private static final int H_SEQUENCE = 8;
    private static final int H_EXPORTER = 12;
    private static final int OPTIONS_SCOPE_COUNT = 4;
    private static final long NOW = 1_700_000_000_000L;

    /** A header: a version, the length, the record count, the sequence number and the exporter id. */
    private static void header(ByteBuffer b, int at, int length, int records, long nowMillis, long sequence, long exporterId,
            long bootMillis) {
        b.putShort(at, (short) 0xABCD);
        b.putShort(at + H_LENGTH, (short) length);
        b.putShort(at + H_RECORDS, (short) records);
        b.putShort(at + H_RECORDS + 2, (short) 0);
        b.putInt(at + H_SEQUENCE, (int) sequence);
        b.putInt(at + H_EXPORTER, (int) exporterId);
    }

    private static int templateLength(Template t) {
        return (t.isOptions() ? 6 : TemplatedWireLayout.TEMPLATE_HEADER_LENGTH) + TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * t.fieldCount();
    }

    private static void writeTemplate(ByteBuffer b, Template t) {
        b.putShort((short) t.id()).putShort((short) t.fieldCount());
        if (t.isOptions()) {
            b.putShort((short) t.scopeFieldCount());
        }
        for (FieldSpec f : t.fields()) {
            b.putShort((short) f.element().id()).putShort((short) f.length());
        }
    }

    private static TemplatedWireFormat format(boolean padded) {
        return new TemplatedWireFormat(FlowProtocol.IPFIX, padded ? "packet" : "message", HEADER, padded ? 0 : 2, padded ? 1 : 3,
                padded ? 3 : 0, !padded, !padded, t -> {
                    if (t.id() < TemplatedWireLayout.MIN_DATA_SET_ID) {
                        throw new IllegalArgumentException("template id " + t.id() + " is below 256");
                    }
                }, TemplatedWriterProperties::templateLength, TemplatedWriterProperties::writeTemplate,
                TemplatedWriterProperties::header);
    }

    private static TemplatedWriter writer(TemplatedWireFormat format, int maxSize, int refresh, long firstSequence) {
        return new TemplatedWriter(format, maxSize, refresh, 0, () -> NOW, 77, 0, firstSequence);
    }

    @Provide
    Arbitrary<List<FlowRecord>> records() {
        Arbitrary<Integer> fieldCounts = Arbitraries.integers().between(2, 12); // records of 7 bytes and more: not padding
        Arbitrary<List<Template>> templates = Arbitraries.integers().between(1, 5).flatMap(k -> {
            List<Arbitrary<Template>> ts = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int id = 256 + i;
                ts.add(Arbitraries.oneOf(fieldCounts.map(n -> Template.of(id, fields(n))),
                        fieldCounts.map(n -> Template.options(id, 1, fields(n)))));
            }
            return Combinators.combine(ts).as(l -> l);
        });
        return templates.flatMap(ts -> Arbitraries.of(ts).flatMap(TemplatedWriterProperties::record).list().ofMaxSize(40));
    }

    private static List<FieldSpec> fields(int n) {
        List<FieldSpec> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(FieldSpec.of(InformationElement.unknown(0, 1000 + i), 1 + (i * 5) % 8));
        }
        return fs;
    }

    private static Arbitrary<FlowRecord> record(Template t) {
        return Arbitraries.bytes().array(byte[].class).ofSize(t.recordLength()).map(bytes -> record(t, bytes));
    }

    private static FlowRecord record(Template t, byte[] bytes) {
        FlowRecord.Builder b = FlowRecord.builder(t);
        for (int i = 0, at = 0; i < t.fieldCount(); at += t.field(i).length(), i++) {
            byte[] v = new byte[t.field(i).length()];
            System.arraycopy(bytes, at, v, 0, v.length);
            b.setBytes(i, v);
        }
        return b.build();
    }

    @Property(tries = 300)
    void everyRecordIsCarriedInOrderAfterItsTemplateAndEachDatagramIsRewrittenByteForByte(
            @ForAll("records") List<FlowRecord> records, @ForAll boolean padded,
            @ForAll @IntRange(min = 80, max = 1500) int maxSize, @ForAll @IntRange(min = 0, max = 3) int refresh) {
        TemplatedWireFormat format = format(padded);
        TemplatedWriter writer = writer(format, maxSize, refresh, 5);
        List<ByteBuffer> datagrams;
        try {
            datagrams = writer.encode(records);
        } catch (EncodingException e) {
            assertThat(e).hasMessageContaining("does not fit a " + format.datagramName());
            return;
        }
        Map<Integer, Template> sent = new HashMap<>();
        List<FlowRecord> carried = new ArrayList<>();
        long sequence = 5;
        for (ByteBuffer d : datagrams) {
            assertThat(d.remaining()).isLessThanOrEqualTo(maxSize);
            int before = carried.size();
            Rewrite r = rewrite(d, format, records, sent, carried);
            assertThat(r.bytes.array()).as("rewritten from its fields").isEqualTo(toArray(d));
            assertThat(d.getInt(H_SEQUENCE) & 0xFFFF_FFFFL).isEqualTo(sequence);
            assertThat(d.getShort(H_RECORDS)).isEqualTo((short) (r.templates + carried.size() - before));
            sequence += padded ? 1 : carried.size() - before;
        }
        assertThat(carried).isEqualTo(records);
        assertThat(writer.nextSequence()).isEqualTo(sequence);
    }

    private record Rewrite(ByteBuffer bytes, int templates) {
    }

    /**
     * Walks a datagram through {@link TemplatedWireLayout} and writes it again from what it read: the header's
     * fields, each template set's templates and each data set's records (taken in order from {@code records}),
     * each set's length and padding as read.
     */
    private static Rewrite rewrite(ByteBuffer d, TemplatedWireFormat format, List<FlowRecord> records, Map<Integer, Template> sent,
            List<FlowRecord> carried) {
        ByteBuffer out = ByteBuffer.allocate(d.remaining());
        out.position(HEADER);
        int templates = 0;
        for (int set = HEADER; set < d.limit(); ) {
            int id = d.getShort(set + TemplatedWireLayout.SET_ID) & 0xFFFF;
            int length = d.getShort(set + TemplatedWireLayout.SET_LENGTH) & 0xFFFF;
            assertThat(length % (format.padMask() + 1)).isZero();
            int body = set + TemplatedWireLayout.SET_HEADER_LENGTH;
            int end = set + length;
            if (id == format.templateSetId(false) || id == format.templateSetId(true)) {
                List<Template> ts = new ArrayList<>();
                int at = body;
                while (end - at >= TemplatedWireLayout.TEMPLATE_HEADER_LENGTH + TemplatedWireLayout.FIELD_SPECIFIER_LENGTH) {
                    int templateId = d.getShort(at + TemplatedWireLayout.TEMPLATE_ID) & 0xFFFF;
                    Template t = records.stream().map(FlowRecord::template).filter(x -> x.id() == templateId)
                            .filter(x -> x.isOptions() == (id == format.templateSetId(true))).findFirst().orElseThrow();
                    assertThat(d.getShort(at + TemplatedWireLayout.TEMPLATE_FIELD_COUNT)).isEqualTo((short) t.fieldCount());
                    if (t.isOptions()) {
                        assertThat(d.getShort(at + OPTIONS_SCOPE_COUNT)).isEqualTo((short) t.scopeFieldCount());
                    }
                    ts.add(t);
                    sent.put(templateId, t);
                    at += format.templateLength().applyAsInt(t);
                }
                assertThat(end - at).isLessThanOrEqualTo(format.padMask());
                TemplatedWireSets.templateSet(out, format, id, length, ts, new int[0], end - at);
                templates += ts.size();
            } else {
                List<FlowRecord> rs = new ArrayList<>();
                int at = body;
                while (carried.size() < records.size() && records.get(carried.size()).template().id() == id
                        && end - at >= records.get(carried.size()).length()) {
                    FlowRecord r = records.get(carried.size());
                    assertThat(sent.get(id)).as("template sent before its records").isEqualTo(r.template());
                    rs.add(r);
                    carried.add(r);
                    at += r.length();
                }
                assertThat(end - at).isLessThanOrEqualTo(format.padMask());
                TemplatedWireSets.dataSet(out, id, length, rs, end - at);
            }
            set = end;
        }
        header(out, 0, d.getShort(H_LENGTH) & 0xFFFF, d.getShort(H_RECORDS) & 0xFFFF, NOW, d.getInt(H_SEQUENCE) & 0xFFFF_FFFFL,
                d.getInt(H_EXPORTER) & 0xFFFF_FFFFL, 0);
        assertThat(out.position()).isEqualTo(d.remaining());
        return new Rewrite(out, templates);
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Example
    void rawSetsAreWrittenInTheOrderGivenWithTheLengthsGiven() {
        ByteBuffer b = ByteBuffer.allocate(4 + 3 + 4 + 8 + 4);
        TemplatedWireSets.rawSet(b, 999, 7, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        TemplatedWireSets.rawSet(b, 2, 1234, ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9, 9, 9, 9}));
        TemplatedWireSets.rawSet(b, 256, 0, ByteBuffer.allocate(0));
        assertThat(b.position()).isEqualTo(b.capacity());
        assertThat(b.array()).containsExactly(3, -25, 0, 7, 1, 2, 3, 0, 2, 4, -46, 9, 9, 9, 9, 9, 9, 9, 9, 1, 0, 0, 0);
    }

    @Example
    void templateSetsHoldTemplatesThenWithdrawalsThenThePaddingGiven() {
        Template t = Template.of(300, fields(2));
        ByteBuffer b = ByteBuffer.allocate(4 + 12 + 8 + 2);
        TemplatedWireSets.templateSet(b, format(true), 0, 26, List.of(t), new int[] {301, 302}, 2);
        ByteBuffer want = ByteBuffer.allocate(26).putShort((short) 0).putShort((short) 26);
        writeTemplate(want, t);
        want.putShort((short) 301).putShort((short) 0).putShort((short) 302).putShort((short) 0).putShort((short) 0);
        assertThat(b.array()).isEqualTo(want.array());
    }

    @Example
    void withdrawnTemplatesAreForgottenAndSentAgainBeforeTheirNextRecord() {
        Template t = Template.of(300, fields(3));
        FlowRecord r = record(t, new byte[t.recordLength()]);
        TemplatedWriter writer = writer(format(false), 1400, 0, 0);
        writer.encode(List.of(r));
        assertThat(writer.sentCount()).isEqualTo(1);
        ByteBuffer w = new TemplateWithdrawals(writer).datagram(300);
        assertThat(w.remaining()).isEqualTo(HEADER + 8);
        assertThat(w.getShort(HEADER + 4)).isEqualTo((short) 300);
        assertThat(writer.sentCount()).isZero();
        ByteBuffer again = writer.encode(List.of(r)).get(0);
        assertThat(again.getShort(HEADER)).as("a template set first").isEqualTo((short) 2);
        assertThatThrownBy(() -> new TemplateWithdrawals(writer).datagram(999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateWithdrawals(writer(format(true), 1400, 0, 0)))
                .as("a format without withdrawals (NetFlow v9) has none").isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void aPadMaskThatIsNotOneLessThanAPowerOfTwoIsRefused() {
        TemplatedWireFormat f = format(true);
        assertThatThrownBy(() -> new TemplatedWireFormat(f.protocol(), "x", 16, 0, 1, 2, false, false, f.check(),
                f.templateLength(), f.writeTemplate(), f.header())).isInstanceOf(IllegalArgumentException.class);
    }
}
