package io.github.flowcodec.cli.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.AddressText;
import io.github.flowcodec.flowmessage.JsonMembers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --all-fields}: the {@code "fields"} member of a JSON line, every field of the record under its
 * information element's name (an array when the element repeats), values of their natural type.
 */
final class AllFieldsMembers implements JsonMembers {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FlowFields record;
    private OutputStream target;
    private JsonGenerator json;

    /** The members of {@code r}: valid until the next call. */
    JsonMembers of(FlowFields r) {
        this.record = r;
        return this;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (out != target) {
            json = FACTORY.createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
            target = out;
        }
        FlowFields r = record;
        Template t = r.template();
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < t.fieldCount(); i++) {
            byName.computeIfAbsent(t.field(i).element().name(), n -> new ArrayList<>()).add(i);
        }
        json.writeRaw("\"fields\":");
        json.writeStartObject();
        for (Map.Entry<String, List<Integer>> e : byName.entrySet()) {
            json.writeFieldName(e.getKey());
            if (e.getValue().size() > 1) {
                json.writeStartArray();
                for (int i : e.getValue()) {
                    value(r, i);
                }
                json.writeEndArray();
            } else {
                value(r, e.getValue().get(0));
            }
        }
        json.writeEndObject();
        json.flush();
    }

    private void value(FlowFields r, int i) throws IOException {
        FieldSpec spec = r.template().field(i);
        InformationElement e = spec.element();
        Object v = r.getValue(i);
        if (e.dataType() == DataType.MAC_ADDRESS && r.fieldLength(i) == 6) {
            json.writeString(AddressText.mac(r.getMacAddress(i)));
        } else if (v instanceof Long l) {
            if (l < 0 && !e.dataType().isSigned()) {
                json.writeNumber(Long.toUnsignedString(l));
            } else {
                json.writeNumber(l);
            }
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                json.writeString(d.toString());
            } else {
                json.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof String s) {
            json.writeString(s);
        } else if (v instanceof InetAddress a) {
            json.writeString(AddressText.of(a));
        } else if (v instanceof Instant instant) {
            json.writeString(instant.toString());
        } else {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder(b.length * 2);
            for (byte x : b) {
                sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            json.writeString(sb.toString());
        }
    }
}
