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
    /** The template's packed fixed layout while wrapping a fixed-length record, else null. */
    private long[] fixed;
    /** The heap buffer's array, read directly on the fast path; null for direct and read-only buffers. */
    private byte[] array;
    /** Where the record starts in {@link #array}. */
    private int arrayBase;
    /** The last offset a fixed-length record fits at before the buffer's limit. */
    private int lastOffset;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

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
        this.fixed = template.packedLayout();
        if (buffer.hasArray()) {
            this.array = buffer.array();
            this.arrayBase = buffer.arrayOffset() + offset;
        } else {
            this.array = null;
        }
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
        if (fixed == null) {
            throw new IllegalStateException("moveTo needs a view wrapped around a fixed-length record");
        }
        if (offset < 0 || offset > lastOffset) {
            throw new IndexOutOfBoundsException("a record of " + length + " bytes at " + offset + " does not fit the buffer");
        }
        arrayBase += offset - base;
        base = offset;
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
        this.fixed = null;
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
     * As {@link FlowFields#getLong(int)}. The hot path of the zero-copy decoders: kept small so the JIT
     * inlines it into the handler, with odd lengths and variable-length records off the fast path.
     */
    @Override
    public long getLong(int index) {
        long[] f = fixed;
        return f != null ? fixedLong(f[index], index) : FlowFields.super.getLong(index);
    }

    /** Reads an unsigned integer of 1, 2, 4 or 8 bytes; signed and odd-length fields take the slower way. */
    private long fixedLong(long packed, int index) {
        byte[] a = array;
        return a != null ? arrayLong(a, packed, index) : bufferLong(packed, index);
    }

    private long arrayLong(byte[] a, long packed, int index) {
        int p = arrayBase + (int) (packed >>> 32);
        int kind = (int) packed & 0x1_FFFF; // length and signed bit
        if (kind == 4) {
            return (int) INT.get(a, p) & 0xFFFF_FFFFL;
        } else if (kind == 2) {
            return (short) SHORT.get(a, p) & 0xFFFFL;
        } else if (kind == 1) {
            return a[p] & 0xFFL;
        } else if (kind == 8) {
            return (long) LONG.get(a, p);
        }
        return oddLengthLong(packed, index);
    }

    private long bufferLong(long packed, int index) {
        int p = base + (int) (packed >>> 32);
        int kind = (int) packed & 0x1_FFFF;
        if (kind == 4) {
            return buffer.getInt(p) & 0xFFFF_FFFFL;
        } else if (kind == 2) {
            return buffer.getShort(p) & 0xFFFFL;
        } else if (kind == 1) {
            return buffer.get(p) & 0xFFL;
        } else if (kind == 8) {
            return buffer.getLong(p);
        }
        return oddLengthLong(packed, index);
    }

    private long oddLengthLong(long packed, int index) {
        int len = (int) packed & 0xFFFF;
        if (len > 8) {
            return FlowFields.super.getLong(index); // throws, naming the field
        }
        long v = readUnsigned((int) (packed >>> 32), len);
        if ((packed & 0x1_0000L) != 0 && len > 0) {
            int shift = 64 - 8 * len;
            v = (v << shift) >> shift;
        }
        return v;
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
