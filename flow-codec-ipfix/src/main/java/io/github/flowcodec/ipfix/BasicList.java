package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A basicList (RFC 6313 section 4.5.1), materialized: a semantic, the element and its length (or variable),
 * and the elements, each a one-field record of {@link #elementTemplate(FieldSpec)} (so every typed accessor
 * and builder setter works on them). Immutable; equal when semantic, field and elements' bytes are equal.
 *
 * <pre>{@code
 * FieldSpec asn = FieldSpec.of(Iana.BGP_SOURCE_AS_NUMBER, 4);
 * Template one = BasicList.elementTemplate(asn);
 * BasicList list = new BasicList(ListSemantic.ALL_OF.code(), asn, List.of(
 *         FlowRecord.builder(one).setLong(0, 64500).build(),
 *         FlowRecord.builder(one).setLong(0, 64501).build()));
 * byte[] bytes = list.toBytes(); // the value of a basicList field
 * }</pre>
 *
 * @param semantic the semantic code (0-255)
 * @param field the element and its length on the wire
 * @param elements the elements, each a record of {@code elementTemplate(field)}
 */
public record BasicList(int semantic, FieldSpec field, List<FlowRecord> elements) implements StructuredValue {

    /**
     * Checks the semantic (0 to 255), that the field is given and every value is a one-field record of its element,
     * and copies the list.
     *
     * @param semantic the semantic code (0-255)
     * @param field the element and its length on the wire
     * @param elements the elements, each a record of {@code elementTemplate(field)}
     */
    public BasicList {
        if (semantic < 0 || semantic > 0xFF) {
            throw new IllegalArgumentException("semantic is one byte: " + semantic);
        }
        Objects.requireNonNull(field, "field");
        elements = List.copyOf(elements);
        Template t = elementTemplate(field);
        for (FlowRecord r : elements) {
            if (!r.template().sameLayout(t)) {
                throw new IllegalArgumentException("element " + r + " is not a record of " + t);
            }
        }
    }

    /**
     * The one-field template (id 0) of the elements of a list of {@code field}.
     *
     * @param field the list's element and the length of each value
     * @return a template with one field, id 0
     */
    public static Template elementTemplate(FieldSpec field) {
        return Template.of(0, field);
    }

    /**
     * The elements' values ({@link FlowRecord#getValue} of field 0), in order.
     *
     * @return the values, as their Java types
     */
    public List<Object> values() {
        List<Object> out = new ArrayList<>(elements.size());
        for (FlowRecord r : elements) {
            out.add(r.getValue(0));
        }
        return out;
    }

    /**
     * The element.
     *
     * @return the list's element
     */
    public InformationElement element() {
        return field.element();
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InformationElement e = field.element();
        out.write(semantic);
        int id = e.id() | (e.enterprise() != 0 ? Ipfix.ENTERPRISE_BIT : 0);
        out.write(id >>> 8);
        out.write(id);
        out.write(field.length() >>> 8);
        out.write(field.length());
        if (e.enterprise() != 0) {
            long pen = e.enterprise();
            out.write((int) (pen >>> 24));
            out.write((int) (pen >>> 16));
            out.write((int) (pen >>> 8));
            out.write((int) pen);
        }
        for (FlowRecord r : elements) {
            out.writeBytes(r.toBytes());
        }
        return out.toByteArray();
    }
}
