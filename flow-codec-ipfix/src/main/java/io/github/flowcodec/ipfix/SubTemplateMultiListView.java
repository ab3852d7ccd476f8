package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.internal.ListReads;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reusable window onto a subTemplateMultiList field (RFC 6313 section 4.5.3): a semantic, then entries each
 * of one template id, a length and records of that template, read in place through one reused
 * {@link RecordView}. Entries whose template the {@link TemplateLookup} does not know have no records to
 * walk ({@link #template(int)} is empty). Wrapping checks the layout and throws a
 * {@link io.github.flowcodec.core.FlowCodecException} with the buffer offset for an entry length below 4 or
 * past the list, records that do not fill their entry, template ids below 256, or nesting deeper than
 * {@link SubTemplateListView#MAX_DEPTH}.
 *
 * <pre>{@code
 * SubTemplateMultiListView list = new SubTemplateMultiListView().wrap(record, index, ipfixContext);
 * for (int e = 0; e < list.size(); e++) {
 *     for (int i = 0; i < list.recordCount(e); i++) {
 *         RecordView r = list.record(e, i);
 *     }
 * }
 * }</pre>
 */
public final class SubTemplateMultiListView extends RecordListView {

    private int size;
    private int[] ids = new int[8];
    private Template[] templates = new Template[8];
    private int[] entryEnds = new int[8];
    private int[] firstRecord = new int[9];

    /**
     * Wraps field {@code index} of {@code record}, a subTemplateMultiList at the top level.
     *
     * @param record the data record holding the list
     * @param index the list field's position in the record's template
     * @param lookup finds the templates the list's entries name (the record's scope)
     * @return this view, on the list
     */
    public SubTemplateMultiListView wrap(FlowFields record, int index, TemplateLookup lookup) {
        return wrap(record, index, lookup, 1);
    }

    /**
     * Wraps field {@code index} of {@code record}, a list nested {@code depth} levels deep (1 = in a data record).
     *
     * @param record the record holding the list
     * @param index the list field's position in the record's template
     * @param lookup finds the templates the list's entries name
     * @param depth the list's nesting level, 1 for a field of a data record
     * @return this view, on the list
     */
    public SubTemplateMultiListView wrap(FlowFields record, int index, TemplateLookup lookup, int depth) {
        ByteBuffer b = ListReads.locate(record, index, located);
        return wrap(b, located.start, located.length, lookup, depth);
    }

    /**
     * Wraps the subTemplateMultiList encoded in {@code length} bytes at {@code offset} of {@code buffer}.
     *
     * @param buffer the buffer holding the list
     * @param offset where the list's semantic byte is in {@code buffer}
     * @param length the list's length in bytes, semantic byte included
     * @param lookup finds the templates the list's entries name
     * @param depth the list's nesting level, 1 for a field of a data record
     * @return this view, on the list
     * @throws io.github.flowcodec.core.FlowCodecException if the bytes are not a well-formed list or nest too deep
     */
    public SubTemplateMultiListView wrap(ByteBuffer buffer, int offset, int length, TemplateLookup lookup, int depth) {
        ByteBuffer b = ListReads.nested(buffer, offset, length, depth, lookup, 1, "a subTemplateMultiList");
        int limit = offset + length;
        int pos = offset + 1;
        int entries = 0;
        int records = 0;
        while (pos < limit) {
            if (limit - pos < 4) {
                throw ListReads.malformed(pos, "subTemplateMultiList entry " + entries + ": " + (limit - pos)
                        + " bytes, too few for its header");
            }
            int id = b.getShort(pos) & 0xFFFF;
            int len = b.getShort(pos + 2) & 0xFFFF;
            if (len < 4 || len > limit - pos) {
                throw ListReads.malformed(pos + 2, "subTemplateMultiList entry " + entries + " length " + len
                        + " is below 4 or runs past the list (" + (limit - pos) + " bytes left)");
            }
            if (id < Ipfix.MIN_DATA_SET_ID) {
                throw ListReads.malformed(pos, "subTemplateMultiList entry " + entries + ": template id " + id + " is below 256");
            }
            if (entries == ids.length) {
                ids = java.util.Arrays.copyOf(ids, entries * 2);
                templates = java.util.Arrays.copyOf(templates, entries * 2);
                entryEnds = java.util.Arrays.copyOf(entryEnds, entries * 2);
                firstRecord = java.util.Arrays.copyOf(firstRecord, entries * 2 + 1);
            }
            Template t = lookup.template(id).orElse(null);
            ids[entries] = id;
            templates[entries] = t;
            entryEnds[entries] = pos + len;
            firstRecord[entries] = records;
            if (t != null) {
                int p = pos + 4;
                while (p < pos + len) {
                    int rl = view.wrap(t, b, p, pos + len);
                    if (rl <= 0) {
                        throw ListReads.malformed(p, "subTemplateMultiList entry " + entries + " record of template " + id
                                + (rl < 0 ? " runs past its entry" : " has no bytes"));
                    }
                    offsets = BasicListView.grow(offsets, records);
                    offsets[records++] = p;
                    p += rl;
                }
            }
            entries++;
            pos += len;
        }
        firstRecord[entries] = records;
        this.buffer = b;
        this.semantic = b.get(offset) & 0xFF;
        this.size = entries;
        this.depth = depth;
        return this;
    }

    /**
     * How many entries (each of one template).
     *
     * @return the number of entries (template id, length, records)
     */
    public int size() {
        return size;
    }

    /**
     * The template id of entry {@code e}.
     *
     * @param e the entry's position, from 0
     * @return the template id, 256 to 65535
     */
    public int templateId(int e) {
        Objects.checkIndex(e, size);
        return ids[e];
    }

    /**
     * The template of entry {@code e}, if the lookup knew it.
     *
     * @param e the entry's position, from 0
     * @return the template, or empty
     */
    public Optional<Template> template(int e) {
        Objects.checkIndex(e, size);
        return Optional.ofNullable(templates[e]);
    }

    /**
     * How many records entry {@code e} holds (0 when its template is unknown).
     *
     * @param e the entry's position, from 0
     * @return the number of records
     */
    public int recordCount(int e) {
        Objects.checkIndex(e, size);
        return firstRecord[e + 1] - firstRecord[e];
    }

    /**
     * Record {@code i} of entry {@code e}, valid until the next call.
     *
     * @param e the entry's position, from 0
     * @param i the record's position in the entry, from 0
     * @return the view's record view, on that record
     */
    public RecordView record(int e, int i) {
        Objects.checkIndex(i, recordCount(e));
        view.wrap(templates[e], buffer, offsets[firstRecord[e] + i], entryEnds[e]);
        return view;
    }

    /**
     * The list materialized: its records copied.
     *
     * @return the list, its records copied out of the buffer
     * @throws IllegalStateException if an entry's template is unknown
     */
    public SubTemplateMultiList toList() {
        List<SubTemplateList> entries = new ArrayList<>(size);
        for (int e = 0; e < size; e++) {
            if (templates[e] == null) {
                throw new IllegalStateException("template " + ids[e] + " is unknown: entry " + e + " cannot be read");
            }
            List<FlowRecord> records = new ArrayList<>(recordCount(e));
            for (int i = 0; i < recordCount(e); i++) {
                records.add(record(e, i).toRecord());
            }
            entries.add(new SubTemplateList(semantic, templates[e], records));
        }
        return new SubTemplateMultiList(semantic, entries);
    }
}
