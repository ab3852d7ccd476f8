package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.internal.CheckedList;
import io.github.flowcodec.ipfix.internal.ListReads;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reusable window onto a subTemplateList field (RFC 6313 section 4.5.2): semantic, template id and the
 * records of that template, read in place through one reused {@link RecordView}. The template comes from a
 * {@link TemplateLookup} (the decoder's context on the zero-copy path, the message materialized); when it is
 * unknown, {@link #template()} is empty and the records cannot be walked. Wrapping checks the layout and
 * throws a {@link io.github.flowcodec.core.FlowCodecException} with the buffer offset for records that do not
 * fill the list exactly, template ids below 256, or nesting deeper than {@link #MAX_DEPTH}.
 *
 * <pre>{@code
 * SubTemplateListView list = new SubTemplateListView();
 * list.wrap(record, index, ipfixContext);
 * for (int i = 0; i < list.size(); i++) {
 *     RecordView r = list.record(i);
 *     long label = r.getLong(0);
 * }
 * }</pre>
 */
public final class SubTemplateListView extends RecordListView {

    /** How deep lists may nest (a list inside a record of a list ...); deeper is refused as hostile. */
    public static final int MAX_DEPTH = 16;

    private int templateId;
    private Template template;
    private int end;
    private int size;
    /** Where the first record starts. */
    private int first;
    /** The records' length when the template is fixed-length (they are at {@code first + i * stride}), else -1. */
    private int stride = -1;

    /**
     * Wraps field {@code index} of {@code record}, a subTemplateList at the top level.
     *
     * @param record the data record holding the list
     * @param index the list field's position in the record's template
     * @param lookup finds the template the list names (the record's scope)
     * @return this view, on the list
     */
    public SubTemplateListView wrap(FlowFields record, int index, TemplateLookup lookup) {
        if (lookup instanceof IpfixContext c && record instanceof RecordView v) {
            CheckedList m = c.checked;
            if (m.matches(v.buffer(), v.offset(), v.template(), index)) {
                return checked(m);
            }
        }
        return wrap(record, index, lookup, 1);
    }

    /** On the list the decoder's check accepted: its place, header, template and count as the check found them. */
    private SubTemplateListView checked(CheckedList m) {
        Template t = m.listTemplate();
        int at = m.offset();
        this.buffer = m.buffer();
        this.semantic = m.semantic();
        this.templateId = t.id();
        this.template = t;
        this.end = at + m.length();
        this.size = m.records();
        this.depth = 1;
        this.first = at + 3;
        this.stride = t.recordLength();
        return this;
    }

    /**
     * Wraps field {@code index} of {@code record}, a list nested {@code depth} levels deep (1 = in a data record).
     *
     * @param record the record holding the list
     * @param index the list field's position in the record's template
     * @param lookup finds the template the list names
     * @param depth the list's nesting level, 1 for a field of a data record
     * @return this view, on the list
     */
    public SubTemplateListView wrap(FlowFields record, int index, TemplateLookup lookup, int depth) {
        ByteBuffer b = ListReads.locate(record, index, located);
        return wrap(b, located.start, located.length, lookup, depth);
    }

    /**
     * Wraps the subTemplateList encoded in {@code length} bytes at {@code offset} of {@code buffer}.
     *
     * @param buffer the buffer holding the list
     * @param offset where the list's semantic byte is in {@code buffer}
     * @param length the list's length in bytes, semantic byte and template id included
     * @param lookup finds the template the list names
     * @param depth the list's nesting level, 1 for a field of a data record
     * @return this view, on the list
     * @throws io.github.flowcodec.core.FlowCodecException if the bytes are not a well-formed list or nest too deep
     */
    public SubTemplateListView wrap(ByteBuffer buffer, int offset, int length, TemplateLookup lookup, int depth) {
        ByteBuffer b = ListReads.nested(buffer, offset, length, depth, lookup, 3, "a subTemplateList");
        int limit = offset + length;
        int id = b.getShort(offset + 1) & 0xFFFF;
        if (id < Ipfix.MIN_DATA_SET_ID) {
            throw ListReads.malformed(offset + 1, "subTemplateList template id " + id + " is below 256");
        }
        Template t = lookup.template(id).orElse(null);
        int n = t == null ? 0 : walk(t, b, offset + 3, limit);
        this.buffer = b;
        this.semantic = b.get(offset) & 0xFF;
        this.templateId = id;
        this.template = t;
        this.end = limit;
        this.size = n;
        this.depth = depth;
        return this;
    }

    /** Walks records of {@code t} from {@code pos} to exactly {@code limit}, noting their offsets; how many. */
    private int walk(Template t, ByteBuffer b, int pos, int limit) {
        first = pos;
        if (t.isFixedLength()) {
            // Records of one length: counted by a division, found by a multiplication (no walk, no offsets).
            int len = t.recordLength();
            if (len == 0) {
                if (pos < limit) {
                    throw ListReads.malformed(pos, "subTemplateList record 0 of template " + t.id() + " has no bytes");
                }
                stride = 0;
                return 0;
            }
            int n = ListReads.records(limit - pos, len);
            if (pos + n * len != limit) {
                throw ListReads.malformed(pos + n * len, "subTemplateList record " + n + " of template " + t.id()
                        + " runs past the list's end");
            }
            stride = len;
            return n;
        }
        stride = -1;
        int n = 0;
        while (pos < limit) {
            int len = view.wrap(t, b, pos, limit);
            if (len <= 0) {
                throw ListReads.malformed(pos, "subTemplateList record " + n + " of template " + t.id()
                        + (len < 0 ? " runs past the list's end" : " has no bytes"));
            }
            offsets = BasicListView.grow(offsets, n);
            offsets[n++] = pos;
            pos += len;
        }
        return n;
    }

    /**
     * The template id the list names.
     *
     * @return the template id, 256 to 65535
     */
    public int templateId() {
        return templateId;
    }

    /**
     * The list's template, if the lookup knew it.
     *
     * @return the template, or empty
     */
    public Optional<Template> template() {
        return Optional.ofNullable(template);
    }

    /**
     * How many records (0 when the template is unknown).
     *
     * @return the number of records
     */
    public int size() {
        return size;
    }

    /**
     * Record {@code i}, valid until the next call.
     *
     * @param i the record's position, from 0
     * @return the view's record view, on that record
     */
    public RecordView record(int i) {
        Objects.checkIndex(i, size);
        RecordView v = view;
        int s = stride;
        if (s < 0) {
            v.wrap(template, buffer, offsets[i], end);
            return v;
        }
        // Records of one length, all inside the list: the view moves to the next, or is put on this list's first.
        int at = first + i * s;
        return v.template() == template && v.buffer() == buffer ? v.moveTo(at) : v.wrap(template, buffer, at);
    }

    /**
     * The list materialized: its records copied.
     *
     * @return the list, its records copied out of the buffer
     * @throws IllegalStateException if the template is unknown
     */
    public SubTemplateList toList() {
        if (template == null) {
            throw new IllegalStateException("template " + templateId + " is unknown: the list cannot be read");
        }
        List<FlowRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(record(i).toRecord());
        }
        return new SubTemplateList(semantic, template, records);
    }
}
