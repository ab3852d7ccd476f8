package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.ipfix.internal.ListReads;
import java.nio.ByteBuffer;

/**
 * What the views of the RFC 6313 lists of records ({@link SubTemplateListView}, {@link SubTemplateMultiListView})
 * share: the buffer they read the list in, its semantic, how deep it nests, the one {@link RecordView} every
 * record is read through and, where records must be walked to be found, where each starts.
 */
abstract sealed class RecordListView permits SubTemplateListView, SubTemplateMultiListView {

    /** Where a list field's bytes are, as {@code ListReads.locate} finds them: start, length. */
    final ListReads.Located located = new ListReads.Located();
    /** The record view every record of the list is read through. */
    final RecordView view = new RecordView();
    ByteBuffer buffer;
    int semantic;
    int depth;
    /** Where each record starts, when the records had to be walked. */
    int[] offsets = new int[16];

    RecordListView() {
    }

    /**
     * The semantic code (see {@link ListSemantic#fromCode}).
     *
     * @return the semantic byte, 0 to 255 (0xFF undefined, 0 noneOf ... 4 ordered)
     */
    public final int semanticCode() {
        return semantic;
    }

    /**
     * How deep this list is nested (1 = a field of a data record).
     *
     * @return the nesting level, from 1
     */
    public final int depth() {
        return depth;
    }
}
