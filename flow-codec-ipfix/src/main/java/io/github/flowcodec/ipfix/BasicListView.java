package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.internal.ListReads;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reusable window onto a basicList field (RFC 6313 section 4.5.1): semantic, element, element length and
 * the elements, read in place. Each element is given as a one-field {@link FlowFields} with every typed
 * accessor, without copying. Wrapping checks the layout: elements that do not fill the list exactly (a
 * count times length that does not add up, a variable-length element running past the list) throw a
 * {@link io.github.flowcodec.core.FlowCodecException} with the buffer offset. Not thread-safe; reusable.
 *
 * <pre>{@code
 * BasicListView list = new BasicListView();
 * list.wrap(record, record.template().indexOf(basicListElement), InformationElementRegistry.standard());
 * for (int i = 0; i < list.size(); i++) {
 *     long asn = list.get(i).getLong(0);       // e.g. bgpSourceAsNumber elements
 * }
 * }</pre>
 */
public final class BasicListView {

    private final ListReads.Located located = new ListReads.Located();
    private final RecordView view = new RecordView();
    private ByteBuffer buffer;
    private int semantic;
    private InformationElement element;
    private int elementLength;
    private int first;
    private int end;
    private int size;
    private int[] offsets = new int[16];
    private Template elementTemplate;

    /**
     * Wraps field {@code index} of {@code record}, which must be a basicList.
     *
     * @param record the data record holding the list
     * @param index the list field's position in the record's template
     * @param registry resolves the list's element (its id and PEN)
     * @return this view, on the list
     */
    public BasicListView wrap(FlowFields record, int index, InformationElementRegistry registry) {
        ByteBuffer b = ListReads.locate(record, index, located);
        return wrap(b, located.start, located.length, registry);
    }

    /**
     * Wraps the basicList encoded in {@code length} bytes at {@code offset} of {@code buffer}.
     *
     * @param buffer the buffer holding the list
     * @param offset where the list's semantic byte is in {@code buffer}
     * @param length the list's length in bytes, header included
     * @param registry resolves the list's element
     * @return this view, on the list
     * @throws io.github.flowcodec.core.FlowCodecException if the bytes are not a well-formed basicList
     */
    public BasicListView wrap(ByteBuffer buffer, int offset, int length, InformationElementRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        ByteBuffer b = ListReads.fitting(buffer, offset, length, "a basicList");
        int limit = offset + length;
        if (length < 5) {
            throw ListReads.malformed(offset, "a basicList needs at least 5 bytes of header, not " + length);
        }
        int sem = b.get(offset) & 0xFF;
        int eid = b.getShort(offset + 1) & 0xFFFF;
        int elen = b.getShort(offset + 3) & 0xFFFF;
        int pos = offset + 5;
        long pen = 0;
        if ((eid & Ipfix.ENTERPRISE_BIT) != 0) {
            if (length < 9) {
                throw ListReads.malformed(offset, "a basicList of an enterprise element needs 9 bytes of header, not " + length);
            }
            pen = b.getInt(pos) & 0xFFFF_FFFFL;
            pos += 4;
        }
        InformationElement e = Ipfix.element(registry, pen, eid & 0x7FFF);
        int n = 0;
        if (elen == FieldSpec.VARIABLE_LENGTH) {
            int p = pos;
            while (p < limit) {
                int start = p;
                int len = b.get(p++) & 0xFF;
                if (len == Ipfix.LONG_LENGTH_MARKER) {
                    if (limit - p < 2) {
                        throw ListReads.malformed(start, "basicList element " + n + ": a 3-byte length cut short by the list's end");
                    }
                    len = b.getShort(p) & 0xFFFF;
                    p += 2;
                }
                if (len > limit - p) {
                    throw ListReads.malformed(start, "basicList element " + n + " of " + len + " bytes runs past the list's end");
                }
                p += len;
                offsets = grow(offsets, n);
                offsets[n++] = start;
            }
        } else if (elen == 0) {
            if (limit != pos) {
                throw ListReads.malformed(pos, "basicList elements of length 0 cannot fill " + (limit - pos) + " bytes");
            }
        } else {
            if ((limit - pos) % elen != 0) {
                throw ListReads.malformed(pos, "basicList of " + (limit - pos) + " bytes is not a whole number of "
                        + elen + "-byte elements");
            }
            n = (limit - pos) / elen;
        }
        this.buffer = b;
        this.semantic = sem;
        if (elementTemplate == null || !elementTemplate.field(0).element().equals(e) || elementTemplate.field(0).length() != elen
                || !elementTemplate.field(0).element().name().equals(e.name())) {
            elementTemplate = Template.of(0, FieldSpec.of(e, elen));
        }
        this.element = e;
        this.elementLength = elen;
        this.first = pos;
        this.end = limit;
        this.size = n;
        return this;
    }

    static int[] grow(int[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /**
     * The semantic code (see {@link ListSemantic#fromCode}).
     *
     * @return the semantic byte, 0 to 255 (0xFF undefined, 0 noneOf ... 4 ordered)
     */
    public int semanticCode() {
        return semantic;
    }

    /**
     * The list's element.
     *
     * @return the element every value of the list is
     */
    public InformationElement element() {
        return element;
    }

    /**
     * The elements' length, or {@link FieldSpec#VARIABLE_LENGTH}.
     *
     * @return the length of each value in bytes, or {@link FieldSpec#VARIABLE_LENGTH} when each has its own
     */
    public int elementLength() {
        return elementLength;
    }

    /**
     * How many elements.
     *
     * @return the number of values
     */
    public int size() {
        return size;
    }

    /**
     * Element {@code i} as a one-field record (field 0), valid until the next call.
     *
     * @param i the value's position, from 0
     * @return a one-field record view on the value
     */
    public FlowFields get(int i) {
        Objects.checkIndex(i, size);
        if (elementLength == FieldSpec.VARIABLE_LENGTH) {
            view.wrap(elementTemplate, buffer, offsets[i], end);
        } else {
            view.wrap(elementTemplate, buffer, first + i * elementLength);
        }
        return view;
    }

    /**
     * The list materialized: its elements copied.
     *
     * @return the list, its values copied out of the buffer
     */
    public BasicList toList() {
        List<FlowRecord> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(((RecordView) get(i)).toRecord());
        }
        return new BasicList(semantic, elementTemplate.field(0), elements);
    }
}
