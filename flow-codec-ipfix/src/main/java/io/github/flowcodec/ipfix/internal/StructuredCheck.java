package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.BasicListView;
import io.github.flowcodec.ipfix.Ipfix;
import io.github.flowcodec.ipfix.SubTemplateListView;
import io.github.flowcodec.ipfix.SubTemplateMultiListView;
import io.github.flowcodec.ipfix.TemplateLookup;

/**
 * Checks the structured data (RFC 6313) of a record before it is handed out: every list field well formed,
 * recursively through the records of subTemplate(Multi)Lists, at most {@link SubTemplateListView#MAX_DEPTH}
 * levels deep. One view per kind and depth, made once: nothing allocated per record. One per decoder.
 */
public final class StructuredCheck {

    private final BasicListView[] basic = new BasicListView[SubTemplateListView.MAX_DEPTH + 2];
    private final SubTemplateListView[] lists = new SubTemplateListView[SubTemplateListView.MAX_DEPTH + 2];
    private final SubTemplateMultiListView[] multi = new SubTemplateMultiListView[SubTemplateListView.MAX_DEPTH + 2];
    /** Per depth, the template whose list fields {@link #listFields} and {@link #listFieldCount} hold. */
    private final Template[] listsOf = new Template[SubTemplateListView.MAX_DEPTH + 2];
    private final int[][] listFields = new int[SubTemplateListView.MAX_DEPTH + 2][4];
    private final int[] listFieldCount = new int[SubTemplateListView.MAX_DEPTH + 2];
    /** Where a flat top-level list accepted from its header is noted for the handler's view. */
    private final CheckedList checked;
    /** The look-up that found the flat template {@link #checked} holds (the decoder's context). */
    private TemplateLookup notedBy;

    /** @param checked where to note the flat top-level lists accepted (the decoder context's) */
    public StructuredCheck(CheckedList checked) {
        this.checked = checked;
    }

    /** A template whose list fields are all subTemplateLists, noted at the top level, and those fields. */
    private Template allSubTemplateLists;
    private int[] subTemplateListFields;

    /**
     * Checks every list field of {@code record}, a data record (depth 0), as {@link #check} does. The common
     * case, every list field a flat subTemplateList of the template the check noted last (the lists of a data
     * set's records name one template), is checked here from the lists' headers, without a template look-up,
     * in a method small enough to inline into the decoder's walk; anything else, and the first record of each
     * data set, goes to {@link #check} (which notes the template for the next records).
     *
     * @throws io.github.flowcodec.core.FlowCodecException at the first malformed list
     */
    public void checkRecord(RecordView record, TemplateLookup lookup, InformationElementRegistry registry) {
        if (record.template() == allSubTemplateLists && lookup == notedBy) {
            int[] fields = subTemplateListFields;
            int j = 0;
            while (j < fields.length && notedList(record, fields[j])) {
                j++;
            }
            if (j == fields.length) {
                return;
            }
        }
        check(record, lookup, registry, 1);
    }

    /**
     * Whether field {@code i} of {@code r}, a data record, is a subTemplateList of the flat template noted in
     * {@link #checked} whose records fill it exactly; if so, notes it there for the handler's view. False sends
     * the record the general way, which finds what else it is.
     */
    private boolean notedList(RecordView r, int i) {
        int len = r.fieldLength(i);
        if (len < 3) {
            return false;
        }
        int at = r.fieldOffset(i);
        CheckedList c = checked;
        if (r.readUnsigned(at + 1, 2) != c.templateId()) {
            return false;
        }
        int n = c.count(len - 3);
        if (n < 0) {
            return false;
        }
        note(r, i, at, len, c.template(), n);
        return true;
    }

    /**
     * Checks every list field of {@code record}, which sits at depth {@code depth - 1}.
     *
     * @throws io.github.flowcodec.core.FlowCodecException at the first malformed list
     */
    public void check(FlowFields record, TemplateLookup lookup, InformationElementRegistry registry, int depth) {
        Template t = record.template();
        if (!t.hasListFields()) {
            return;
        }
        if (depth > SubTemplateListView.MAX_DEPTH) {
            int i = 0;
            while (!t.field(i).element().dataType().isList()) {
                i++;
            }
            throw ListReads.malformed(record instanceof RecordView v ? v.offset() + v.fieldOffset(i) : record.fieldOffset(i),
                    "structured data nested " + depth + " levels deep (at most " + SubTemplateListView.MAX_DEPTH + ")");
        }
        if (listsOf[depth] != t) {
            findLists(t, depth);
        }
        int[] fields = listFields[depth];
        for (int j = 0, n = listFieldCount[depth]; j < n; j++) {
            int i = fields[j];
            DataType type = t.field(i).element().dataType();
            switch (type) {
                case BASIC_LIST: {
                    BasicListView v = basic[depth] == null ? (basic[depth] = new BasicListView()) : basic[depth];
                    v.wrap(record, i, registry);
                    if (v.element().dataType().isList()) {
                        for (int k = 0; k < v.size(); k++) {
                            check(v.get(k), lookup, registry, depth + 1);
                        }
                    }
                    break;
                }
                case SUB_TEMPLATE_LIST: {
                    if (record instanceof RecordView r && flatList(r, i, lookup, depth)) {
                        break;
                    }
                    SubTemplateListView v = lists[depth] == null ? (lists[depth] = new SubTemplateListView()) : lists[depth];
                    v.wrap(record, i, lookup, depth);
                    if (v.template().isPresent() && v.template().get().hasListFields()) {
                        for (int k = 0; k < v.size(); k++) {
                            check(v.record(k), lookup, registry, depth + 1);
                        }
                    }
                    break;
                }
                default: {
                    SubTemplateMultiListView v = multi[depth] == null ? (multi[depth] = new SubTemplateMultiListView()) : multi[depth];
                    v.wrap(record, i, lookup, depth);
                    for (int e = 0; e < v.size(); e++) {
                        if (v.template(e).isPresent() && v.template(e).get().hasListFields()) {
                            for (int k = 0; k < v.recordCount(e); k++) {
                                check(v.record(e, k), lookup, registry, depth + 1);
                            }
                        }
                    }
                    break;
                }
            }
        }
    }

    /**
     * Whether field {@code i} of {@code r} is a subTemplateList that {@link SubTemplateListView#wrap} accepts
     * and whose records hold no lists: of an unknown template, or of a fixed-length one without list fields
     * whose records fill it exactly (the common case, a label stack). Checked from the list's header without
     * a view; false sends the list the full way (which also names what is wrong). A top-level list of a known
     * template is noted in {@link #checked} for the handler's view.
     */
    private boolean flatList(RecordView r, int i, TemplateLookup lookup, int depth) {
        int len = r.fieldLength(i);
        if (depth > SubTemplateListView.MAX_DEPTH || len < 3) {
            return false;
        }
        int at = r.fieldOffset(i);
        int id = (int) r.readUnsigned(at + 1, 2);
        CheckedList c = checked;
        if (id != c.templateId() || lookup != notedBy) {
            return lookUp(r, i, at, len, id, lookup, depth);
        }
        // The flat template this check looked up last in this data set: no look-up, no test of the template.
        int n = c.count(len - 3);
        if (n < 0) {
            return false;
        }
        if (depth == 1) {
            note(r, i, at, len, c.template(), n);
        }
        return true;
    }

    /** {@link #flatList} for a list of template {@code id} other than the one noted: looks it up, notes it if flat. */
    private boolean lookUp(RecordView r, int i, int at, int len, int id, TemplateLookup lookup, int depth) {
        if (id < Ipfix.MIN_DATA_SET_ID) {
            return false;
        }
        Template t = lookup.template(id).orElse(null);
        if (t == null) {
            return true; // the view accepts it too, and cannot walk it
        }
        if (!t.isFixedLength() || t.hasListFields() || t.recordLength() <= 0) {
            return false;
        }
        CheckedList c = checked;
        c.template(t);
        notedBy = lookup;
        int n = c.count(len - 3);
        if (n < 0) {
            return false;
        }
        if (depth == 1) {
            note(r, i, at, len, t, n);
        }
        return true;
    }

    /** Notes field {@code i} of {@code r}, at {@code at} in it, as a checked list of {@code n} records of {@code t}. */
    private void note(RecordView r, int i, int at, int len, Template t, int n) {
        int offset = r.offset();
        checked.set(r.buffer(), offset, r.template(), i, offset + at, len, r.byteAt(at) & 0xFF, t, n);
    }

    /** Notes which fields of {@code t} are lists, for the records of {@code t} at this depth (one template per depth: a data set's records share it). */
    private void findLists(Template t, int depth) {
        int n = 0;
        int[] fields = listFields[depth];
        for (int i = 0; i < t.fieldCount(); i++) {
            if (t.field(i).element().dataType().isList()) {
                if (n == fields.length) {
                    fields = listFields[depth] = java.util.Arrays.copyOf(fields, 2 * n);
                }
                fields[n++] = i;
            }
        }
        listFieldCount[depth] = n;
        listsOf[depth] = t;
        if (depth == 1) {
            boolean all = n > 0;
            for (int j = 0; j < n; j++) {
                all &= t.field(fields[j]).element().dataType() == DataType.SUB_TEMPLATE_LIST;
            }
            subTemplateListFields = java.util.Arrays.copyOf(fields, n);
            allSubTemplateLists = all ? t : null;
        }
    }
}
