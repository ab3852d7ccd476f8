package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of NetFlow v9 templates, options templates and records over every data type and length v9 can
 * carry: integers at every reduced size (unsigned64 at 1..8 bytes ...), float32/64, booleans, MAC, IPv4,
 * IPv6, dateTime*, strings and octets of fixed length and variable length (65535, as H3C sends), vendor
 * types above 32767 (Cisco NSEL, nProbe) and types nobody assigned (decoded as octets).
 *
 * <p>Templates are kept to a minimum record length of 4 bytes: with shorter records the FlowSet padding
 * (up to 3 zero bytes) cannot be told from all-zero records, in any v9 decoder (RFC 3954 does not bound the
 * padding by the record length as RFC 7011 does).
 */
final class Netflow9Arbitraries {

    static final InformationElementRegistry IANA = InformationElementRegistry.iana();

    /** IANA elements (enterprise 0) by data type, the first 40 of each. */
    private static final Map<DataType, List<InformationElement>> BY_TYPE = new EnumMap<>(DataType.class);

    static {
        for (InformationElement e : IANA.elements()) {
            if (e.enterprise() == 0 && e.id() > 0 && !e.dataType().isList() && e.dataType() != DataType.UNSIGNED256) {
                List<InformationElement> l = BY_TYPE.computeIfAbsent(e.dataType(), k -> new ArrayList<>());
                if (l.size() < 40) {
                    l.add(e);
                }
            }
        }
    }

    private Netflow9Arbitraries() {
    }

    /** A field of some IANA element at a length its type allows (reduced sizes, variable length). */
    static Arbitrary<FieldSpec> ianaFields() {
        return Arbitraries.of(BY_TYPE.keySet().toArray(new DataType[0])).flatMap(type -> {
            Arbitrary<InformationElement> e = Arbitraries.of(BY_TYPE.get(type));
            Arbitrary<Integer> length = lengths(type);
            return Combinators.combine(e, length).as(FieldSpec::of);
        });
    }

    private static Arbitrary<Integer> lengths(DataType type) {
        switch (type) {
            case UNSIGNED8: case SIGNED8: case BOOLEAN:
                return Arbitraries.just(1);
            case UNSIGNED16: case SIGNED16:
                return Arbitraries.integers().between(1, 2);
            case UNSIGNED32: case SIGNED32:
                return Arbitraries.integers().between(1, 4);
            case UNSIGNED64: case SIGNED64:
                return Arbitraries.integers().between(1, 8);
            case FLOAT64:
                return Arbitraries.of(4, 8);
            case STRING: case OCTET_ARRAY:
                return Arbitraries.oneOf(Arbitraries.integers().between(1, 40), Arbitraries.just(FieldSpec.VARIABLE_LENGTH));
            default:
                return Arbitraries.just(type.defaultLength()); // float32 4, mac 6, ipv4 4, ipv6 16, dateTime*
        }
    }

    /** A field of a v9 vendor type above 32767 (known to the v9 type list, or unknown: octets). */
    static Arbitrary<FieldSpec> vendorFields() {
        return Arbitraries.integers().between(32768, 65535).flatMap(type -> {
            InformationElement e = InformationElementRegistry.netflowV9Types().lookup(0, type);
            Arbitrary<Integer> len = e.dataType().isVariableLength() || !e.isKnown()
                    ? Arbitraries.integers().between(1, 12) : lengths(e.dataType());
            return len.map(l -> FieldSpec.of(e, l));
        });
    }

    static Arbitrary<FieldSpec> fields() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, ianaFields()),
                net.jqwik.api.Tuple.of(1, vendorFields()));
    }

    /** A plain template with this id. */
    static Arbitrary<Template> templates(int id) {
        return fields().list().ofMinSize(1).ofMaxSize(24)
                .map(f -> Template.of(id, f))
                .filter(t -> t.minimumRecordLength() >= 4);
    }

    /** A v9 scope field: one of the five scope types or an unknown one, fixed length. */
    static Arbitrary<FieldSpec> scopeFields() {
        return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 16))
                .as((type, len) -> FieldSpec.of(Netflow9.scopeElement(type), len));
    }

    /** An options template with this id: 1..3 scope fields, 0..8 option fields. */
    static Arbitrary<Template> optionsTemplates(int id) {
        return Combinators.combine(scopeFields().list().ofMinSize(1).ofMaxSize(3), fields().list().ofMaxSize(8))
                .as((scope, opts) -> {
                    List<FieldSpec> all = new ArrayList<>(scope);
                    all.addAll(opts);
                    return Template.options(id, scope.size(), all);
                })
                .filter(t -> t.minimumRecordLength() >= 4);
    }

    /** Some plain templates and options templates with distinct ids from 256 up. */
    static Arbitrary<List<Template>> templateSets() {
        return Arbitraries.integers().between(1, 6).flatMap(n -> {
            List<Arbitrary<Template>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = 256 + i * 7;
                ts.add(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, templates(id)),
                        net.jqwik.api.Tuple.of(1, optionsTemplates(id))));
            }
            return Combinators.combine(ts).as(l -> l);
        });
    }

    /** A record of the template from random bytes of the right lengths (variable fields 0..300 bytes). */
    static Arbitrary<FlowRecord> records(Template t) {
        List<Arbitrary<byte[]>> values = new ArrayList<>();
        for (FieldSpec f : t.fields()) {
            values.add(f.isVariableLength()
                    ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, bytes(0, 20)), net.jqwik.api.Tuple.of(1, bytes(250, 300)))
                    : bytes(f.length(), f.length()));
        }
        return Combinators.combine(values).as(vs -> {
            FlowRecord.Builder b = FlowRecord.builder(t);
            for (int i = 0; i < vs.size(); i++) {
                b.setBytes(i, vs.get(i));
            }
            return b.build();
        });
    }

    private static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    /** Records of some of the templates, in any order (templates may have none). */
    static Arbitrary<List<FlowRecord>> recordsOf(List<Template> templates, int max) {
        List<Arbitrary<FlowRecord>> per = new ArrayList<>();
        for (Template t : templates) {
            per.add(records(t));
        }
        return Arbitraries.oneOf(per).list().ofMinSize(0).ofMaxSize(max);
    }

    /** Templates and records of them. */
    static Arbitrary<List<FlowRecord>> recordLists(int max) {
        return templateSets().flatMap(ts -> recordsOf(ts, max));
    }
}
