package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.VariableLayout;
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

    /**
     * Points the view at a fixed-length record of {@code template} starting at {@code offset}.
     *
     * @param buffer a big-endian buffer holding the whole record
     * @return this view
     * @throws IllegalArgumentException if the template has variable-length fields
     */
    public RecordView wrap(Template template, ByteBuffer buffer, int offset) {
        if (!template.isFixedLength()) {
            throw new IllegalArgumentException("template " + template.id() + " has variable-length fields: use wrap(template, buffer, offset, limit)");
        }
        this.template = template;
        this.buffer = buffer;
        this.base = offset;
        this.length = template.recordLength();
        this.variable = false;
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
        return variable ? layout[2 * index + 1] : template.field(index).length();
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
