package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;

/**
 * What the structured-data check found for the last flat subTemplateList it accepted from its header (a list
 * of a fixed-length template without list fields, at the top level of the record being handed over): which
 * record and field it is (buffer, record offset, record template, field index), where the list is, its header
 * and its template, how many records. The handler's {@link io.github.flowcodec.ipfix.SubTemplateListView}
 * wrapping the same field of the same record with the decoder's context takes these instead of locating the
 * field, reading the header and looking the template up again.
 *
 * <p>It also keeps the last flat template the check looked up ({@link #template()}, with what counting its
 * records takes), so that the next records of the data set, whose lists name the same template, are checked
 * without a look-up. One per decoder context; all of it forgotten whenever the context's template look-ups
 * are (a new scope or data set).
 */
public final class CheckedList {

    private ByteBuffer buffer;
    private int recordOffset = -1;
    private Template recordTemplate;
    private int field;
    private int offset;
    private int length;
    private int semantic;
    private int records;
    private Template listTemplate;
    /** The flat template last looked up, or null; its id (-1: none), record length and {@link #reciprocal}. */
    private Template template;
    private int templateId = -1;
    private int recordLength;
    /** {@code 2^32 / recordLength + 1}: multiplying a count of bytes below 65,536 by it divides (see {@link #count}). */
    private long reciprocal;

    /**
     * Notes {@code t}, a fixed-length template of records longer than 0 bytes without list fields, as the flat
     * template the check last looked up (under its id).
     */
    void template(Template t) {
        int size = t.recordLength();
        this.template = t;
        this.templateId = t.id();
        this.recordLength = size;
        this.reciprocal = (1L << 32) / size + 1;
    }

    /**
     * How many records of the noted template {@code bytes} (0 to 65,535) hold exactly, or -1 if they are not a
     * whole number of records: a multiplication by the reciprocal instead of a division or a loop (a loop's
     * exit, at 1 to 3 records a list, is a branch the processor mispredicts). For a numerator and a divisor
     * below 2^16 the product's high half is the quotient; the product check makes the answer right even if it
     * were not.
     */
    int count(int bytes) {
        int n = (int) ((bytes * reciprocal) >>> 32);
        return n * recordLength == bytes ? n : -1;
    }

    /**
     * Notes field {@code field} of the record of {@code recordTemplate} at {@code recordOffset} of {@code buffer}:
     * a list of {@code length} bytes at {@code offset} (big-endian), of {@code records} records of
     * {@code listTemplate}, as checked.
     */
    void set(ByteBuffer buffer, int recordOffset, Template recordTemplate, int field, int offset, int length,
            int semantic, Template listTemplate, int records) {
        this.listTemplate = listTemplate;
        this.buffer = buffer;
        this.recordOffset = recordOffset;
        this.recordTemplate = recordTemplate;
        this.field = field;
        this.offset = offset;
        this.length = length;
        this.semantic = semantic;
        this.records = records;
    }

    /** Forgets the list and the template (the template may no longer be the scope's). */
    public void clear() {
        buffer = null;
        recordTemplate = null;
        recordOffset = -1;
        listTemplate = null;
        template = null;
        templateId = -1;
    }

    /**
     * Whether field {@code field} of the record of {@code recordTemplate} at {@code recordOffset} of
     * {@code buffer} is the list noted (the same record's bytes hold the same list).
     */
    public boolean matches(ByteBuffer buffer, int recordOffset, Template recordTemplate, int field) {
        return recordOffset == this.recordOffset && field == this.field && buffer == this.buffer
                && recordTemplate == this.recordTemplate;
    }

    /** The noted list's template. */
    public Template listTemplate() {
        return listTemplate;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** Where the list's semantic byte is in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** The list's length in bytes, header included. */
    public int length() {
        return length;
    }

    public int semantic() {
        return semantic;
    }

    /** The id of {@link #template()}, -1 when none is noted. */
    public int templateId() {
        return templateId;
    }

    /** The flat template noted, or null. */
    public Template template() {
        return template;
    }

    /** The length of a record of {@link #template()}. */
    public int recordLength() {
        return recordLength;
    }

    public int records() {
        return records;
    }
}
