package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;

/**
 * What the structured-data check found for the last flat subTemplateList it accepted from its header (a list
 * of a fixed-length template without list fields, at the top level of the record being handed over): where
 * the list is, its header and its template, how many records. The handler's
 * {@link io.github.flowcodec.ipfix.SubTemplateListView} wrapping the same list with the decoder's context
 * takes these instead of reading the header and looking the template up again. One per decoder context;
 * forgotten whenever the context's template look-ups are (a new scope or data set).
 */
public final class CheckedList {

    private ByteBuffer buffer;
    private int offset = -1;
    private int length;
    private int semantic;
    private int templateId;
    private Template template;
    private int records;

    /** Notes the list of {@code length} bytes at {@code offset} of {@code buffer} (big-endian) as checked. */
    void set(ByteBuffer buffer, int offset, int length, int semantic, Template template, int records) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.semantic = semantic;
        this.templateId = template.id();
        this.template = template;
        this.records = records;
    }

    /** Forgets the list (its template may no longer be the scope's). */
    public void clear() {
        buffer = null;
        template = null;
        offset = -1;
    }

    /** Whether the list of {@code length} bytes at {@code offset} of {@code buffer} is the one noted. */
    public boolean matches(ByteBuffer buffer, int offset, int length) {
        return offset == this.offset && buffer == this.buffer && length == this.length;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    public int semantic() {
        return semantic;
    }

    public int templateId() {
        return templateId;
    }

    public Template template() {
        return template;
    }

    public int records() {
        return records;
    }
}
