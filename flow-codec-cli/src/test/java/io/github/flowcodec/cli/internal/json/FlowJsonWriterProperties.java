package io.github.flowcodec.cli.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a template from the network says (any element, any length, lengths the type does not allow,
 * variable-length fields, repeated elements), the JSON writer writes one valid JSON object and never
 * throws: records of hostile templates must not stop {@code flowcodec decode}.
 */
class FlowJsonWriterProperties {

    private static final List<InformationElement> ELEMENTS = new ArrayList<>(InformationElementRegistry.standard().elements());
    private static final JsonFactory JSON = new JsonFactory();

    record Field(FieldSpec spec, byte[] value) {
    }

    @Provide
    Arbitrary<List<Field>> fields() {
        Arbitrary<InformationElement> element = Arbitraries.oneOf(Arbitraries.of(ELEMENTS),
                Arbitraries.integers().between(0, 32767).map(id -> InformationElement.unknown(4242, id)));
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.integers().between(0, 20),
                Arbitraries.of(FieldSpec.VARIABLE_LENGTH), Arbitraries.integers().between(21, 300));
        return Combinators.combine(element, length).flatAs((e, len) -> {
            int size = len == FieldSpec.VARIABLE_LENGTH ? -1 : len;
            Arbitrary<byte[]> bytes = size < 0
                    ? Arbitraries.bytes().array(byte[].class).ofMaxSize(400)
                    : Arbitraries.bytes().array(byte[].class).ofSize(size);
            return bytes.map(b -> new Field(FieldSpec.of(e, len), b));
        }).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 400)
    void anyRecordBecomesOneValidJsonObject(@ForAll("fields") List<Field> fields,
            @ForAll long sequence, @ForAll boolean allFields) throws IOException {
        List<FieldSpec> specs = new ArrayList<>();
        fields.forEach(f -> specs.add(f.spec()));
        Template t = Template.of(256, specs);
        FlowRecord.Builder b = FlowRecord.builder(t);
        for (int i = 0; i < fields.size(); i++) {
            b.setBytes(i, fields.get(i).value());
        }
        FlowRecord record = b.build();
        StringWriter out = new StringWriter();
        try (FlowJsonWriter w = new FlowJsonWriter(out, JsonLayout.COMPACT, allFields)) {
            w.write(context(sequence & 0xFFFF_FFFFL), record, 1_700_000_000_000_000_000L, InetAddress.getLoopbackAddress());
        }
        String line = out.toString();
        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        try (JsonParser p = JSON.createParser(line)) {
            int depth = 0;
            int tokens = 0;
            JsonToken tok;
            while ((tok = p.nextToken()) != null) {
                tokens++;
                if (tok == JsonToken.START_OBJECT || tok == JsonToken.START_ARRAY) {
                    depth++;
                } else if (tok == JsonToken.END_OBJECT || tok == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
            assertThat(depth).isZero();
            assertThat(tokens).isGreaterThan(2);
        }
    }

    @Example
    void unsignedCountersAboveLongMaxStayPositive() throws IOException {
        InformationElementRegistry iana = InformationElementRegistry.iana();
        Template t = Template.of(256, FieldSpec.of(iana.require("octetDeltaCount")), FieldSpec.of(iana.require("sourceMacAddress")));
        FlowRecord r = FlowRecord.builder(t).setLong(0, -1L).setMacAddress(1, 0x0a1b2c3d4e5fL).build();
        StringWriter out = new StringWriter();
        try (FlowJsonWriter w = new FlowJsonWriter(out, JsonLayout.COMPACT, true)) {
            w.write(context(1), r, 0, InetAddress.getLoopbackAddress());
        }
        assertThat(out.toString()).contains("\"bytes\":18446744073709551615")
                .contains("\"src_mac\":\"0a:1b:2c:3d:4e:5f\"")
                .contains("\"octetDeltaCount\":18446744073709551615");
    }

    private static ExportContext context(long sequence) {
        return new ExportContext() {
            public FlowProtocol protocol() { return FlowProtocol.IPFIX; }
            public InetSocketAddress exporter() { return UNKNOWN_EXPORTER; }
            public long sequenceNumber() { return sequence; }
            public long exportTimeMillis() { return 1_700_000_000_000L; }
            public long systemUptimeMillis() { return 123_456; }
            public long observationDomainId() { return 7; }
            public long samplingRate() { return 0; }
        };
    }
}
