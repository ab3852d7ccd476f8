package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.VariableLayout;
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
    private int[] layout = new int[64];
    private boolean variable;
    /** Whether the view is on a fixed-length record (so {@link #moveTo} may move it). */
    private boolean fixedRecord;
    /** The fixed-length template's packed layout while on one of its records, else null. */
    private long[] fixed;
    /**
     * Whether the view is on a fixed-length record at least 7 bytes into its array (heap) or buffer (direct),
     * so that the 8 bytes ending at any of its fields' ends are in bounds: the one test of the fast path,
     * made once per record. Only a record at the very start of a buffer fails it.
     */
    private boolean fast;
    /** The first record offset in {@link #buffer} at which {@link #fast} holds. */
    private int firstFastOffset;
    /** The heap buffer's array, read directly on the fast path; null for direct and read-only buffers. */
    private byte[] array;
    /** Where the record starts in {@link #array}, less 8: where the 8-byte load of a field ending at the record's start would start. */
    private int arrayLoadBase;
    /** The last offset a fixed-length record fits at before the buffer's limit. */
    private int lastOffset;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Points the view at a fixed-length record of {@code template} starting at {@code offset}.
     *
     * @param buffer a big-endian buffer holding the whole record before its limit
     * @return this view
     * @throws IllegalArgumentException if the template has variable-length fields
     * @throws IndexOutOfBoundsException if the record does not fit between 0 and the buffer's limit
     */
    public RecordView wrap(Template template, ByteBuffer buffer, int offset) {
        if (!template.isFixedLength()) {
            throw new IllegalArgumentException("template " + template.id() + " has variable-length fields: use wrap(template, buffer, offset, limit)");
        }
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
        this.variable = false;
        this.fixedRecord = true;
        this.fixed = template.packedLayout();
        if (buffer.hasArray()) {
            this.array = buffer.array();
            this.arrayLoadBase = buffer.arrayOffset() + offset - 8;
            this.firstFastOffset = 7 - buffer.arrayOffset();
        } else {
            this.array = null;
            this.firstFastOffset = 7;
        }
        this.fast = offset >= firstFastOffset;
        return this;
    }

    /**
     * Moves the view to the next record of the same fixed-length template in the same buffer: what a
     * decoder does between the records of a set, cheaper than {@link #wrap(Template, ByteBuffer, int)}.
     *
     * @return this view
     * @throws IllegalStateException if the view is not on a fixed-length record
     * @throws IndexOutOfBoundsException if the record does not fit between 0 and the buffer's limit
     */
    public RecordView moveTo(int offset) {
        if (!fixedRecord) {
            throw new IllegalStateException("moveTo needs a view wrapped around a fixed-length record");
        }
        if (offset < 0 || offset > lastOffset) {
            throw new IndexOutOfBoundsException("a record of " + length + " bytes at " + offset + " does not fit the buffer");
        }
        arrayLoadBase += offset - base;
        base = offset;
        fast = offset >= firstFastOffset;
        return this;
    }

    /**
     * Points the view at a record of {@code template} that starts at {@code offset} and must end by
     * {@code limit}, reading the lengths of variable-length fields.
     *
     * @param buffer a big-endian buffer
     * @return the record's length in bytes, or -1 if it does not fit before {@code limit} (the view is then unusable)
     */
    public int wrap(Template template, ByteBuffer buffer, int offset, int limit) {
        if (template.isFixedLength()) {
            if (limit - offset < template.recordLength()) {
                return -1;
            }
            wrap(template, buffer, offset);
            return length;
        }
        int n = 2 * template.fieldCount();
        if (layout.length < n) {
            layout = new int[Math.max(n, layout.length * 2)];
        }
        int len = VariableLayout.compute(template, buffer, offset, limit, layout);
        this.template = template;
        this.buffer = buffer;
        this.base = offset;
        this.length = Math.max(len, 0);
        this.variable = true;
        this.fixedRecord = false;
        this.fixed = null;
        this.fast = false;
        return len;
    }

    /** The buffer the view reads from. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Where the record starts in {@link #buffer()}. */
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
        return variable ? layout[2 * index] : template.fieldOffset(index);
    }

    @Override
    public int fieldLength(int index) {
        return variable ? layout[2 * index + 1] : template.fieldLength(index);
    }

    /**
     * As {@link FlowFields#getLong(int)}. The hot path of the zero-copy decoders: for an unsigned integer
     * field of a fixed-length record it is one 8-byte load of the bytes that end where the field ends, at a
     * precomputed offset, and two shifts, with no branch on the field's length and no bounds test of its
     * own (the record is known to lie in the buffer, and the view tests once per record that the loads may
     * start up to 7 bytes before it), so a handler that reads many fields stays small enough for the JIT to
     * inline into the decoder's loop. Signed, zero-length, longer and variable-length fields take the
     * general way.
     */
    @Override
    public long getLong(int index) {
        if (fast) {
            long packed = fixed[index];
            if (packed >= 0) {
                int end = (int) (packed >>> 32);
                int shift = (int) packed;
                byte[] a = array;
                long raw = a != null ? (long) LONG.get(a, arrayLoadBase + end) : buffer.getLong(base - 8 + end);
                return raw << shift >>> shift;
            }
        }
        return FlowFields.super.getLong(index);
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

    /** An immutable copy of the record: one {@link FlowRecord} and its byte array. */
    public FlowRecord toRecord() {
        byte[] bytes = new byte[length];
        buffer.get(base, bytes, 0, length);
        int[] fieldLayout = null;
        if (variable) {
            fieldLayout = java.util.Arrays.copyOf(layout, 2 * template.fieldCount());
        }
        return new FlowRecord(template, bytes, fieldLayout);
    }

    /** Returns {@code buffer}, or a big-endian duplicate of it if it is little-endian. */
    public static ByteBuffer bigEndian(ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return buffer.order() == ByteOrder.BIG_ENDIAN ? buffer : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    @Override
    public String toString() {
        return template == null ? "RecordView[unwrapped]" : toRecord().toString();
    }
}
