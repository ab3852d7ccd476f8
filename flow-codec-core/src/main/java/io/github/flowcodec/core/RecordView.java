package io.github.flowcodec.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A reusable window onto one record inside a packet buffer: the zero-copy path's flyweight.
 *
 * <p>A decoder wraps the same view around each record in turn and hands it to the handler, so nothing is
 * allocated per record. The view is valid only during the callback; keep a record with
 * {@link #toRecord()}, which copies its bytes. Reads are absolute and never move the buffer's position.
 * The view reads a heap buffer's array in place; a record of a direct or read-only buffer it reads from a
 * copy taken when it moved to the record (a data set's records: one copy of the set), so writes into the
 * buffer while the view is on a record are not seen.
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

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /** Where a copied record starts in {@link #own}: far enough in that a field at its start is one 8-byte load too. */
    static final int COPY_AT = 8;

    private Template template;
    private ByteBuffer buffer;
    /** {@link #buffer}'s array when it has one the view may read ({@link ByteBuffer#hasArray()}), else null. */
    private byte[] bufferArray;
    /** {@link #bufferArray}'s index of the buffer's byte 0 (its array offset). */
    private int bufferDelta;
    /**
     * What values are read from, always with byte-array {@code VarHandle}s (one bounds check a value, no buffer
     * checks, no call that depends on the buffer's class): the buffer's array; or, for a direct or read-only
     * buffer, {@link #own} holding a copy of the record (a data set's records: {@link DataSetView}'s copy of the set).
     */
    private byte[] array;
    /** {@link #array}'s index of the buffer's byte 0. */
    private int delta;
    /** The copies of records of direct and read-only buffers. */
    private byte[] own = new byte[0];
    private int base;
    /** Where the record starts in {@link #array}: {@code base + delta}. */
    private int at;
    private int length;
    /** The variable-length record's spots (see {@link VariableRecordShape}); for a fixed-length record unused. */
    private int[] spots = new int[16];
    /** The template's shape while wrapping a record with variable-length fields, else null. */
    private VariableRecordShape shape;
    /**
     * How {@link #getLong} reads each field: the fixed-length template's packed layout or the variable-length
     * template's {@link VariableRecordShape#reads}, whose entries also name the field's segment.
     */
    private long[] reads;
    /** Whether the view is on a fixed-length record (what {@link #moveTo} needs). */
    private boolean fixed;
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
        on(buffer);
        this.length = template.recordLength();
        at(offset);
        this.shape = null;
        this.reads = template.packedLayout();
        this.fixed = true;
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
        if (!fixed) {
            throw new IllegalStateException("moveTo needs a view wrapped around a fixed-length record");
        }
        if (offset < 0 || offset > lastOffset) {
            throw new IndexOutOfBoundsException("a record of " + length + " bytes at " + offset + " does not fit the buffer");
        }
        at(offset);
        return this;
    }

    /**
     * {@link #moveTo(int)} without its checks, for {@link DataSetView}, which checked that all its records
     * fit the buffer and runs this once per record after {@link #isOn} said the view is still its own.
     */
    RecordView advanceTo(int offset) {
        base = offset;
        at = offset + delta;
        return this;
    }

    /** Whether the view is on a fixed-length record of {@code t} in {@code b}, read from {@code a}. */
    boolean isOn(Template t, ByteBuffer b, byte[] a) {
        return template == t && buffer == b && fixed && array == a;
    }

    /**
     * As {@link #wrap(Template, ByteBuffer, int)} for a record of a set that {@link DataSetView} copied into
     * {@code copy} (the buffer's byte {@code i} at {@code copy[i + delta]}), whose records fit the buffer.
     */
    RecordView wrapCopied(Template t, ByteBuffer b, int offset, byte[] copy, int delta) {
        on(b);
        this.template = t;
        this.length = t.recordLength();
        this.lastOffset = b.limit() - length;
        this.shape = null;
        this.reads = t.packedLayout();
        this.fixed = true;
        this.base = offset;
        this.array = copy;
        this.delta = delta;
        this.at = offset + delta;
        return this;
    }

    /**
     * Moves the view to the record at {@code offset}: reading it in place from the buffer's array, or copying it
     * into {@link #own} from a direct or read-only buffer ({@link #length} bytes).
     */
    private void at(int offset) {
        base = offset;
        byte[] a = bufferArray;
        if (a != null) {
            array = a;
            delta = bufferDelta;
            at = offset + delta;
            return;
        }
        int len = length;
        byte[] o = own;
        if (o.length < COPY_AT + len) {
            o = own = new byte[Math.max(COPY_AT + len, 2 * o.length)];
        }
        buffer.get(offset, o, COPY_AT, len);
        array = o;
        delta = COPY_AT - offset;
        at = COPY_AT;
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
        on(buffer);
        byte[] a = bufferArray;
        int d = bufferDelta;
        int len = a != null ? sh.measure(a, offset + d, limit + d, spots) : sh.measure(buffer, offset, limit, spots);
        this.template = template;
        this.length = Math.max(len, 0);
        at(offset);
        this.shape = sh;
        this.reads = sh.reads;
        this.fixed = false;
        return len;
    }

    /**
     * Points the view at {@code b} and its array, worked out again only for another buffer (a buffer's array
     * and read-only state never change).
     */
    private void on(ByteBuffer b) {
        if (b != buffer) {
            buffer = b;
            boolean heap = b.hasArray();
            bufferArray = heap ? b.array() : null;
            bufferDelta = heap ? b.arrayOffset() : 0;
        }
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
        return sh == null ? template.fieldOffset(index) : sh.offset(index, spots);
    }

    @Override
    public int fieldLength(int index) {
        VariableRecordShape sh = shape;
        return sh == null ? template.fieldLength(index) : sh.length(index, spots);
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
        long[] r = reads;
        if (r == null) {
            throw new IllegalStateException("the view is not on a record: wrap it first");
        }
        long packed = r[index];
        int segment = VariableRecordShape.segmentOf(packed);
        int p = at + (int) (packed >> 32) + (segment == 0 ? 0 : spots[segment]);
        if (p < 0) {
            return FlowFields.super.getLong(index);
        }
        return (long) LONG.get(array, p) & (-1L >>> (int) packed);
    }

    @Override
    public int getInt(int index) {
        return (int) getLong(index);
    }

    @Override
    public byte byteAt(int position) {
        byte[] a = bufferArray;
        if (a == null) {
            return buffer.get(base + position);
        }
        Objects.checkIndex(base + position, buffer.limit());
        return a[at + position];
    }

    @Override
    public long readUnsigned(int position, int len) {
        byte[] a = bufferArray;
        if (a == null) {
            return readUnsigned(buffer, base + position, len);
        }
        Objects.checkFromIndexSize(base + position, len, buffer.limit());
        int p = at + position;
        switch (len) {
            case 1: return a[p] & 0xFFL;
            case 2: return (short) SHORT.get(a, p) & 0xFFFFL;
            case 4: return (int) INT.get(a, p) & 0xFFFF_FFFFL;
            case 8: return (long) LONG.get(a, p);
            default: {
                long v = 0;
                for (int i = 0; i < len; i++) {
                    v = (v << 8) | (a[p + i] & 0xFF);
                }
                return v;
            }
        }
    }

    private static long readUnsigned(ByteBuffer b, int p, int len) {
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
        byte[] a = bufferArray;
        if (a != null) {
            Objects.checkFromIndexSize(base + position, len, buffer.limit());
            System.arraycopy(a, at + position, dst, dstOffset, len);
        } else {
            buffer.get(base + position, dst, dstOffset, len);
        }
    }

    /**
     * An immutable copy of the record: one {@link FlowRecord} and its byte array (a record with one or two
     * variable-length fields keeps where they are in the record object itself).
     *
     * @return the record, holding its own copy of the bytes
     */
    public FlowRecord toRecord() {
        byte[] bytes = new byte[length];
        System.arraycopy(array, at, bytes, 0, length);
        return new FlowRecord(template, bytes, shape == null ? null : spots);
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
