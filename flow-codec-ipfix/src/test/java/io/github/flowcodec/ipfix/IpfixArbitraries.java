package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of IPFIX templates, options templates and records over every RFC 7012 data type (integers at
 * every reduced size, float32/64 with float64 in 4 bytes, boolean, MAC, IPv4/6, dateTime*, unsigned256,
 * strings and octets fixed and variable), variable lengths in both forms (the 1-byte form, the 3-byte form
 * for long values, and the 3-byte form for short ones, which RFC 7011 section 7 allows), enterprise elements
 * (vendor ones the registry knows, unknown PENs kept as octets, RFC 5103 reverse elements), options templates,
 * and structured data (basicList, subTemplateList, subTemplateMultiList, nested).
 *
 * <p>Templates have a minimum record length of 4 bytes: padding may then be up to 3 bytes (RFC 7011 section
 * 3.3.1 lets it be anything shorter than a record), and that is how the decoder tells it from records.
 */
final class IpfixArbitraries {

    static final InformationElementRegistry STD = InformationElementRegistry.standard();

    private static final Map<DataType, List<InformationElement>> BY_TYPE = new EnumMap<>(DataType.class);
    private static final List<InformationElement> VENDOR = new ArrayList<>();

    static {
        for (InformationElement e : STD.elements()) {
            if (e.dataType().isList()) {
                continue;
            }
            if (e.enterprise() == 0 && e.id() > 0) {
                List<InformationElement> l = BY_TYPE.computeIfAbsent(e.dataType(), k -> new ArrayList<>());
                if (l.size() < 40) {
                    l.add(e);
                }
            } else if (e.enterprise() != 0 && e.id() <= InformationElement.MAX_ID) {
                VENDOR.add(e);
            }
        }
    }

    private IpfixArbitraries() {
    }

    static InformationElement e(String name) {
        return STD.require(name);
    }

    static Arbitrary<Integer> lengths(DataType type) {
        switch (type) {
            case UNSIGNED8: case SIGNED8: case BOOLEAN:
                return Arbitraries.just(1);
            case UNSIGNED16: case SIGNED16:
                return Arbitraries.integers().between(1, 2);
            case UNSIGNED32: case SIGNED32:
                return Arbitraries.integers().between(1, 4);
            case UNSIGNED64: case SIGNED64:
                return Arbitraries.integers().between(1, 8);
            case UNSIGNED256:
                return Arbitraries.integers().between(1, 32);
            case FLOAT64:
                return Arbitraries.of(4, 8);
            case STRING: case OCTET_ARRAY:
                return Arbitraries.oneOf(Arbitraries.integers().between(1, 40), Arbitraries.just(FieldSpec.VARIABLE_LENGTH));
            default:
                return Arbitraries.just(type.defaultLength());
        }
    }

    static Arbitrary<FieldSpec> ianaFields() {
        return Arbitraries.of(BY_TYPE.keySet().toArray(new DataType[0])).flatMap(type ->
                Combinators.combine(Arbitraries.of(BY_TYPE.get(type)), lengths(type)).as(FieldSpec::of));
    }

    /** Enterprise elements: the registry's vendor elements, RFC 5103 reverse elements, unknown PENs (octets). */
    static Arbitrary<FieldSpec> enterpriseFields() {
        Arbitrary<FieldSpec> vendor = Arbitraries.of(VENDOR).flatMap(e -> lengths(e.dataType()).map(l -> FieldSpec.of(e, l)));
        Arbitrary<FieldSpec> reverse = ianaFields().map(f -> FieldSpec.of(Ipfix.reverse(f.element()), f.length()));
        Arbitrary<FieldSpec> unknown = Combinators.combine(Arbitraries.longs().between(1, 0xFFFF_FFFFL)
                        .filter(pen -> pen != Ipfix.REVERSE_PEN && STD.elements().stream().noneMatch(x -> x.enterprise() == pen)),
                Arbitraries.integers().between(0, InformationElement.MAX_ID),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 12), Arbitraries.just(FieldSpec.VARIABLE_LENGTH)))
                .as((pen, id, len) -> FieldSpec.of(InformationElement.unknown(pen, id), len));
        return Arbitraries.oneOf(vendor, reverse, unknown);
    }

    static Arbitrary<FieldSpec> fields() {
        return Arbitraries.frequencyOf(Tuple.of(8, ianaFields()), Tuple.of(2, enterpriseFields()));
    }

    static Arbitrary<Template> templates(int id) {
        return fields().list().ofMinSize(1).ofMaxSize(20).map(f -> Template.of(id, f)).filter(t -> t.minimumRecordLength() >= 4);
    }

    static Arbitrary<Template> optionsTemplates(int id) {
        return Combinators.combine(fields().list().ofMinSize(1).ofMaxSize(3), fields().list().ofMaxSize(8))
                .as((scope, opts) -> {
                    List<FieldSpec> all = new ArrayList<>(scope);
                    all.addAll(opts);
                    return Template.options(id, scope.size(), all);
                })
                .filter(t -> t.minimumRecordLength() >= 4);
    }

    /** Some plain and options templates with distinct ids from 256 up (one in four ids with bit 15 set). */
    static Arbitrary<List<Template>> templateSets() {
        return Arbitraries.integers().between(1, 5).flatMap(n -> {
            List<Arbitrary<Template>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = (i % 4 == 3 ? 0x8000 : 256) + i * 7;
                ts.add(Arbitraries.frequencyOf(Tuple.of(3, templates(id)), Tuple.of(1, optionsTemplates(id))));
            }
            return Combinators.combine(ts).as(l -> l);
        });
    }

    /** A value for a field: its length, or for variable fields 0..20 bytes, sometimes 250..300 (3-byte form). */
    private static Arbitrary<byte[]> value(FieldSpec f) {
        return f.isVariableLength()
                ? Arbitraries.frequencyOf(Tuple.of(8, bytes(0, 20)), Tuple.of(1, bytes(250, 300)))
                : bytes(f.length(), f.length());
    }

    /**
     * A record of the template from random bytes; its variable-length fields sometimes written in the 3-byte
     * form although short (the bytes are kept as they are, so round trips stay byte-exact).
     */
    static Arbitrary<FlowRecord> records(Template t) {
        List<Arbitrary<byte[]>> values = new ArrayList<>();
        for (FieldSpec f : t.fields()) {
            values.add(value(f));
        }
        return Combinators.combine(Combinators.combine(values).as(vs -> vs), Arbitraries.of(false, false, true)).as((vs, longForm) -> {
            if (!longForm || t.isFixedLength()) {
                FlowRecord.Builder b = FlowRecord.builder(t);
                for (int i = 0; i < vs.size(); i++) {
                    b.setBytes(i, vs.get(i));
                }
                return b.build();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < vs.size(); i++) {
                byte[] v = vs.get(i);
                if (t.field(i).isVariableLength()) {
                    out.write(255);
                    out.write(v.length >>> 8);
                    out.write(v.length);
                }
                out.writeBytes(v);
            }
            return FlowRecord.of(t, out.toByteArray());
        });
    }

    static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<List<FlowRecord>> recordsOf(List<Template> templates, int max) {
        List<Arbitrary<FlowRecord>> per = new ArrayList<>();
        for (Template t : templates) {
            per.add(records(t));
        }
        return Arbitraries.oneOf(per).list().ofMinSize(0).ofMaxSize(max);
    }

    static Arbitrary<List<FlowRecord>> recordLists(int max) {
        return templateSets().flatMap(ts -> recordsOf(ts, max));
    }

    // ------------------------------------------------------------------------------------ structured data

    static final InformationElement BASIC_LIST = e("basicList");
    static final InformationElement SUB_TEMPLATE_LIST = e("subTemplateList");
    static final InformationElement SUB_TEMPLATE_MULTI_LIST = e("subTemplateMultiList");

    /** A basicList of some fixed- or variable-length element, 0..6 elements. */
    static Arbitrary<BasicList> basicLists() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), fields()).as((sem, f) -> Tuple.of(sem, f))
                .flatMap(x -> records(BasicList.elementTemplate(x.get2())).list().ofMaxSize(6)
                        .map(elements -> new BasicList(x.get1(), x.get2(), elements)));
    }

    /**
     * Structured data nested up to {@code depth}: a record template {@code id} whose fields include list
     * fields, the inner templates (ids from {@code id + 1}) it refers to, and records of it; returned as the
     * templates (inner first) and records of the outer one.
     */
    /** The most bytes a variable-length field holds (its 3-byte length form). */
    private static final int MAX_VARIABLE_LENGTH = 0xFFFF;

    static Arbitrary<Tuple.Tuple2<List<Template>, List<FlowRecord>>> nested(int id, int depth) {
        Arbitrary<Tuple.Tuple2<List<Template>, List<FlowRecord>>> deeper = depth <= 1
                ? templates(id + 1).flatMap(t -> recordsOf(List.of(t), 4).map(rs -> Tuple.of(List.of(t), rs)))
                : nested(id + 1, depth - 1);
        return Combinators.combine(deeper, fields().list().ofMinSize(0).ofMaxSize(4), basicLists(), Arbitraries.integers().between(0, 4))
                .as((in, plain, basic, sem) -> Tuple.of(in, plain, basic, sem))
                .flatMap(x -> {
                    List<Template> inners = x.get1().get1();
                    Template innerTop = inners.get(inners.size() - 1);
                    List<FlowRecord> innerRecords = x.get1().get2();
                    List<FieldSpec> fs = new ArrayList<>(x.get2());
                    fs.add(FieldSpec.of(BASIC_LIST));
                    fs.add(FieldSpec.of(SUB_TEMPLATE_LIST));
                    fs.add(FieldSpec.of(SUB_TEMPLATE_MULTI_LIST));
                    Template outer = Template.of(id, fs);
                    int n = fs.size();
                    // deep nesting of long records can be more than one field holds: then fewer of the inner
                    // records go into the lists (none at worst), rather than a filter that may never pass
                    List<FlowRecord> fitting = innerRecords;
                    while (!fitting.isEmpty() && listsLength(x.get4(), innerTop, fitting) > MAX_VARIABLE_LENGTH) {
                        fitting = fitting.subList(0, fitting.size() / 2);
                    }
                    List<FlowRecord> listed = fitting;
                    return records(outer).list().ofMinSize(1).ofMaxSize(3).map(rs -> {
                                List<FlowRecord> out = new ArrayList<>();
                                for (FlowRecord r : rs) {
                                    FlowRecord.Builder b = FlowRecord.builder(outer);
                                    for (int i = 0; i < n - 3; i++) {
                                        b.setBytes(i, r.getBytes(i));
                                    }
                                    byte[] stl = new SubTemplateList(x.get4(), innerTop, listed).toBytes();
                                    byte[] stml = new SubTemplateMultiList(x.get4(), List.of(
                                            new SubTemplateList(x.get4(), innerTop, listed),
                                            new SubTemplateList(x.get4(), innerTop, listed.subList(0, listed.size() / 2)))).toBytes();
                                    b.setBytes(n - 3, x.get3().toBytes());
                                    b.setBytes(n - 2, stl);
                                    b.setBytes(n - 1, stml);
                                    out.add(b.build());
                                }
                                List<Template> all = new ArrayList<>(inners);
                                all.add(outer);
                                return Tuple.of(all, out);
                            });
                });
    }

    /** The longer of the subTemplateList and subTemplateMultiList {@link #nested} makes of {@code records}. */
    private static int listsLength(int semantic, Template t, List<FlowRecord> records) {
        int stl = new SubTemplateList(semantic, t, records).toBytes().length;
        int stml = new SubTemplateMultiList(semantic, List.of(new SubTemplateList(semantic, t, records),
                new SubTemplateList(semantic, t, records.subList(0, records.size() / 2)))).toBytes().length;
        return Math.max(stl, stml);
    }
}
