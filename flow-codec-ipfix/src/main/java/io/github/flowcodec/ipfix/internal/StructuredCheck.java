package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.BasicListView;
import io.github.flowcodec.ipfix.SubTemplateListView;
import io.github.flowcodec.ipfix.SubTemplateMultiListView;
import io.github.flowcodec.ipfix.TemplateLookup;
import java.util.IdentityHashMap;

/**
 * Checks the structured data (RFC 6313) of a record before it is handed out: every list field well formed,
 * recursively through the records of subTemplate(Multi)Lists, at most {@link SubTemplateListView#MAX_DEPTH}
 * levels deep. One view per kind and depth, made once: nothing allocated per record. One per decoder.
 */
public final class StructuredCheck {

    private static final int CACHE_LIMIT = 4096;
    private final BasicListView[] basic = new BasicListView[SubTemplateListView.MAX_DEPTH + 2];
    private final SubTemplateListView[] lists = new SubTemplateListView[SubTemplateListView.MAX_DEPTH + 2];
    private final SubTemplateMultiListView[] multi = new SubTemplateMultiListView[SubTemplateListView.MAX_DEPTH + 2];
    private final IdentityHashMap<Template, Boolean> hasLists = new IdentityHashMap<>();
    private Template lastTemplate;
    private boolean last;

    /** Whether the template has a field of a list type (cached). */
    public boolean hasLists(Template t) {
        if (t == lastTemplate) {
            return last;
        }
        Boolean b = hasLists.get(t);
        if (b == null) {
            boolean any = false;
            for (int i = 0; i < t.fieldCount() && !any; i++) {
                any = t.field(i).element().dataType().isList();
            }
            if (hasLists.size() >= CACHE_LIMIT) {
                hasLists.clear();
            }
            b = any;
            hasLists.put(t, b);
        }
        lastTemplate = t;
        last = b;
        return b;
    }

    /**
     * Checks every list field of {@code record}, which sits at depth {@code depth - 1}.
     *
     * @throws io.github.flowcodec.core.FlowCodecException at the first malformed list
     */
    public void check(FlowFields record, TemplateLookup lookup, InformationElementRegistry registry, int depth) {
        Template t = record.template();
        for (int i = 0; i < t.fieldCount(); i++) {
            DataType type = t.field(i).element().dataType();
            if (!type.isList()) {
                continue;
            }
            if (depth > SubTemplateListView.MAX_DEPTH) {
                throw ListReads.malformed(record instanceof RecordView v ? v.offset() + v.fieldOffset(i) : record.fieldOffset(i),
                        "structured data nested " + depth + " levels deep (at most " + SubTemplateListView.MAX_DEPTH + ")");
            }
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
                    SubTemplateListView v = lists[depth] == null ? (lists[depth] = new SubTemplateListView()) : lists[depth];
                    v.wrap(record, i, lookup, depth);
                    if (v.template().isPresent() && hasLists(v.template().get())) {
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
                        if (v.template(e).isPresent() && hasLists(v.template(e).get())) {
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
}
