package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A subTemplateMultiList (RFC 6313 section 4.5.3), materialized: a semantic and entries, each a template with
 * records of it (the entries' own {@link SubTemplateList#semantic()} is not on the wire: the list's is used).
 * Immutable.
 *
 * <pre>{@code
 * SubTemplateMultiList m = new SubTemplateMultiList(ListSemantic.ALL_OF.code(), List.of(
 *         new SubTemplateList(ListSemantic.ALL_OF.code(), ipv4Template, v4Records),
 *         new SubTemplateList(ListSemantic.ALL_OF.code(), ipv6Template, v6Records)));
 * }</pre>
 *
 * @param semantic the semantic code (0-255)
 * @param entries the entries in order
 */
public record SubTemplateMultiList(int semantic, List<SubTemplateList> entries) implements StructuredValue {

    /**
     * Checks the semantic (0 to 255) and copies the entries.
     *
     * @param semantic the semantic code (0-255)
     * @param entries the entries in order
     */
    public SubTemplateMultiList {
        if (semantic < 0 || semantic > 0xFF) {
            throw new IllegalArgumentException("semantic is one byte: " + semantic);
        }
        entries = List.copyOf(entries);
        for (SubTemplateList e : entries) {
            if (e.semantic() != semantic) {
                throw new IllegalArgumentException("an entry's semantic must be the list's (" + semantic + "): it is not on the wire");
            }
        }
    }

    /** Every entry's {@link SubTemplateList#templates()}, in entry order, each template once. */
    @Override
    public List<Template> templates() {
        List<Template> all = new ArrayList<>();
        for (SubTemplateList e : entries) {
            for (Template t : e.templates()) {
                if (!all.contains(t)) {
                    all.add(t);
                }
            }
        }
        return List.copyOf(all);
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(semantic);
        for (SubTemplateList e : entries) {
            int len = 4;
            for (FlowRecord r : e.records()) {
                len += r.length();
            }
            if (len > 0xFFFF) {
                throw new IllegalArgumentException("an entry of " + len + " bytes does not fit its 16-bit length");
            }
            out.write(e.template().id() >>> 8);
            out.write(e.template().id());
            out.write(len >>> 8);
            out.write(len);
            for (FlowRecord r : e.records()) {
                out.writeBytes(r.toBytes());
            }
        }
        return out.toByteArray();
    }
}
