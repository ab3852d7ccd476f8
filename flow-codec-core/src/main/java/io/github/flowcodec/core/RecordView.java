package io.github.flowcodec.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A reusable window onto one record inside a packet buffer: the zero-copy path's flyweight.
 *
 * <p>A decoder wraps the same view around each record in turn and hands it to the handler, so nothing is
 * allocated per record. The view is valid only during the callback; keep a record with
 * {@link #toRecord()}, which copies its bytes. Reads are absolute and never move the buffer's position.
 *
 * <pre>{@code
 * RecordView view = new RecordView();
 * for (int off = first; off + template.recordLength() <= end; off += template.recordLength()) {
 *     view.wrap(template, buffer, off);
 *     total += view.getLong(bytesIndex);
 * }
 * }</pre>
 */
public final class RecordView implements FlowFields {

    private Template template;
    private ByteBuffer buffer;
    private int base;
    private int length;
    /** The variable-length record's spots (see {@link VariableRecordShape}); for a fixed-length record unused. */
    private int[] spots = new int[16];
    /** The template's shape while wrapping a record with variable-length fields, else null. */
    private VariableRecordShape shape;
    /** The template's packed fixed layout while wrapping a fixed-length record, else null. */
    private long[] fixed;
    /** The last offset a fixed-length record fits at before the buffer's limit. */
    private int lastOffset;

    /**
     * Points the view at a fixed-length record of {@code template} starting at {@code offset}.
     *
     * @param buffer a big-endian buffer holding the whole record before its limit
     * @return this view
     * @param template the record's template, fixed-length
     * @param offset where the record's first byte is in {@code buffer}
     * @throws IllegalArgumentException if the template has variable-length fields, or the buffer is little-endian
     *     (see {@link #bigEndian(ByteBuffer)})
     * @throws IndexOutOfBoundsException if the record does not fit between 0 and the buffer's limit
     */
    public RecordView wrap(Template template, ByteBuffer buffer, int offset) {
        if (!template.isFixedLength()) {
            throw new IllegalArgumentException("template " + template.id() + " has variable-length fields: use wrap(template, buffer, offset, limit)");
        }
        requireBigEndian(buffer);
        int last = buffer.limit() - template.recordLength();
        if (offset < 0 || offset > last) {
            throw new IndexOutOfBoundsException("a record of " + template.recordLength() + " bytes at " + offset
                    + " does not fit a buffer limited to " + buffer.limit());
        }
        this.lastOffset = last;
        this.template = template;
        this.buffer = buffer;
        this.base = offset;
        this.length = template.recordLength();
        this.shape = null;
        this.fixed = template.packedLayout();
        return this;
    }

    /**
     * Moves the view to the next record of the same fixed-length template in the same buffer: what a
     * decoder does between the records of a set, cheaper than {@link #wrap(Template, ByteBuffer, int)}.
     *
     * @return this view
     * @param offset where the next record's first byte is in the buffer
     * @throws IllegalStateException if the view is not on a fixed-length record
     * @throws IndexOutOfBoundsException if the record does not fit between 0 and the buffer's limit
     */
    public RecordView moveTo(int offset) {
        if (fixed == null) {
            throw new IllegalStateException("moveTo needs a view wrapped around a fixed-length record");
        }
        if (offset < 0 || offset > lastOffset) {
            throw new IndexOutOfBoundsException("a record of " + length + " bytes at " + offset + " does not fit the buffer");
        }
        base = offset;
        return this;
    }

    /**
     * {@link #moveTo(int)} without its checks, for {@link DataSetView}, which checked that all its records
     * fit the buffer and runs this once per record after {@link #isOn} said the view is still its own.
     */
    RecordView advanceTo(int offset) {
        base = offset;
        return this;
    }

    /** Whether the view is on a fixed-length record of {@code t} in {@code b}. */
    boolean isOn(Template t, ByteBuffer b) {
        return template == t && buffer == b && fixed != null;
    }

    /**
     * Points the view at a record of {@code template} that starts at {@code offset} and must end by
     * {@code limit}, reading the lengths of variable-length fields.
     *
     * @param buffer a big-endian buffer
     * @return the record's length in bytes, or -1 if it does not fit before {@code limit} (the view is then unusable)
     * @param template the record's template
     * @param offset where the record's first byte is in {@code buffer}
     * @param limit the offset the record must end by (the end of its set)
     * @throws IllegalArgumentException if the buffer is little-endian (see {@link #bigEndian(ByteBuffer)})
     */
    public int wrap(Template template, ByteBuffer buffer, int offset, int limit) {
        requireBigEndian(buffer);
        if (template.isFixedLength()) {
            if (limit - offset < template.recordLength()) {
                return -1;
            }
            wrap(template, buffer, offset);
            return length;
        }
        VariableRecordShape sh = template.variableShape();
        int n = sh.spotCount();
        if (spots.length < n) {
            spots = new int[Math.max(n, spots.length * 2)];
        }
        int len = sh.measure(buffer, offset, limit, spots);
        this.template = template;
        this.buffer = buffer;
        this.base = offset;
        this.length = Math.max(len, 0);
        this.shape = sh;
        this.fixed = null;
        return len;
    }

    /**
     * The buffer the view reads from.
     *
     * @return the buffer
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Where the record starts in {@link #buffer()}.
     *
     * @return the offset of the record's first byte
     */
    public int offset() {
        return base;
    }

    @Override
    public Template template() {
        return template;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int fieldOffset(int index) {
        VariableRecordShape sh = shape;
        return sh == null ? template.fieldOffset(index) : sh.offset(index, template.fieldLength(index), spots);
    }

    @Override
    public int fieldLength(int index) {
        VariableRecordShape sh = shape;
        int len = template.fieldLength(index);
        return sh == null ? len : sh.length(index, len, spots);
    }

    /**
     * As {@link FlowFields#getLong(int)}. The hot path of the zero-copy decoders: one 8-byte big-endian load
     * that ends where the field ends and one mask, the same code for every length from 1 to 8, so the JIT
     * inlines it small into the handler and no branch depends on the field. In a record with variable-length
     * fields the load starts from the field's segment (see {@link VariableRecordShape}). Signed, empty and
     * longer fields, variable-length fields, and fields whose 8 bytes would start before the buffer's first
     * byte take the general way.
     */
    @Override
    public long getLong(int index) {
        long[] f = fixed;
        long packed;
        int p;
        if (f != null) {
            packed = f[index];
            p = base + (int) (packed >> 32);
        } else {
            VariableRecordShape sh = shape;
            if (sh == null) {
                throw new IllegalStateException("the view is not on a record: wrap it first");
            }
            packed = sh.reads[index];
            p = base + spots[sh.segment[index]] + (int) (packed >> 32);
        }
        if (p < 0) {
            return FlowFields.super.getLong(index);
        }
        return buffer.getLong(p) & (-1L >>> (int) packed);
    }

    @Override
    public int getInt(int index) {
        return (int) getLong(index);
    }

    @Override
    public byte byteAt(int position) {
        return buffer.get(base + position);
    }

    @Override
    public long readUnsigned(int position, int len) {
        int p = base + position;
        ByteBuffer b = buffer;
        switch (len) {
            case 1: return b.get(p) & 0xFFL;
            case 2: return b.getShort(p) & 0xFFFFL;
            case 4: return b.getInt(p) & 0xFFFF_FFFFL;
            case 8: return b.getLong(p);
            default: {
                long v = 0;
                for (int i = 0; i < len; i++) {
                    v = (v << 8) | (b.get(p + i) & 0xFF);
                }
                return v;
            }
        }
    }

    @Override
    public void copyBytes(int position, byte[] dst, int dstOffset, int len) {
        buffer.get(base + position, dst, dstOffset, len);
    }

    /**
     * An immutable copy of the record: one {@link FlowRecord} and its byte array.
     *
     * @return the record, holding its own copy of the bytes
     */
    public FlowRecord toRecord() {
        byte[] bytes = new byte[length];
        buffer.get(base, bytes, 0, length);
        return new FlowRecord(template, bytes, shape == null ? null : java.util.Arrays.copyOf(spots, shape.spotCount()));
    }

    static void requireBigEndian(ByteBuffer buffer) {
        if (buffer.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("flow records are big-endian: wrap RecordView.bigEndian(buffer), not a little-endian buffer");
        }
    }

    /**
     * Returns {@code buffer}, or a big-endian duplicate of it if it is little-endian.
     *
     * @param buffer any buffer
     * @return a buffer reading the same bytes big-endian, {@code buffer} itself if it already is
     */
    public static ByteBuffer bigEndian(ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return buffer.order() == ByteOrder.BIG_ENDIAN ? buffer : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    @Override
    public String toString() {
        return template == null ? "RecordView[unwrapped]" : toRecord().toString();
    }
}
