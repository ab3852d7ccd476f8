package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A subTemplateList (RFC 6313 section 4.5.2), materialized: a semantic, a template and records of it.
 * Immutable. The template must reach the collector in a template set like any other: put the list in a
 * record with {@link #writeTo} and {@link IpfixEncoder} sends it.
 *
 * <pre>{@code
 * SubTemplateList labels = new SubTemplateList(ListSemantic.ORDERED.code(), labelTemplate, List.of(l1, l2));
 * FlowRecord r = labels.writeTo(FlowRecord.builder(outer), listIndex).build();
 * }</pre>
 *
 * @param semantic the semantic code (0-255)
 * @param template the records' template (id 256 and above)
 * @param records records of {@code template}
 */
public record SubTemplateList(int semantic, Template template, List<FlowRecord> records) implements StructuredValue {

    /**
     * Checks the semantic (0 to 255), the template id (256 and above) and that every record is of the template,
     * and copies the records.
     *
     * @param semantic the semantic code (0-255)
     * @param template the records' template (id 256 and above)
     * @param records records of {@code template}
     */
    public SubTemplateList {
        if (semantic < 0 || semantic > 0xFF) {
            throw new IllegalArgumentException("semantic is one byte: " + semantic);
        }
        Objects.requireNonNull(template, "template");
        if (template.id() < Ipfix.MIN_DATA_SET_ID) {
            throw new IllegalArgumentException("template id " + template.id() + " is below 256");
        }
        records = List.copyOf(records);
        for (FlowRecord r : records) {
            if (!r.template().equals(template)) {
                throw new IllegalArgumentException("record of template " + r.template().id() + " in a list of template " + template.id());
            }
        }
    }

    /** The records' own list templates (innermost first), then the list's template. */
    @Override
    public List<Template> templates() {
        List<Template> all = new ArrayList<>();
        for (FlowRecord r : records) {
            for (Template t : r.referencedTemplates()) {
                if (!all.contains(t)) {
                    all.add(t);
                }
            }
        }
        if (!all.contains(template)) {
            all.add(template);
        }
        return List.copyOf(all);
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(semantic);
        out.write(template.id() >>> 8);
        out.write(template.id());
        for (FlowRecord r : records) {
            out.writeBytes(r.toBytes());
        }
        return out.toByteArray();
    }
}
