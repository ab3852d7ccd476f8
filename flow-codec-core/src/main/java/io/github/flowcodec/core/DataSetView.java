package io.github.flowcodec.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The records of one data set (a NetFlow v9 data FlowSet, an IPFIX data set) whose template has only
 * fixed-length fields, handed over at once: the zero-copy path's batch. Records are read one at a time
 * through {@link #record(int)}, or a field of every record at once through {@link #getLongs(int, long[])},
 * a column read that decides how to read the field once per set instead of once per record, the fastest
 * way to move a set into columnar storage.
 *
 * <p>The decoder reuses the view (and the {@link RecordView} it hands out) for every set: it is valid only
 * during {@link FlowRecordHandler#onDataSet}; copy what you keep.
 *
 * <pre>{@code
 * InformationElement OCTETS = Iana.OCTET_DELTA_COUNT;
 * FlowRecordHandler handler = new FlowRecordHandler() {
 *     final long[] octets = new long[DataSetView.MAX_RECORDS];
 *
 *     public void onDataSet(ExportContext ctx, DataSetView set) {
 *         int bytes = set.template().indexOf(OCTETS);
 *         if (bytes < 0) {
 *             FlowRecordHandler.super.onDataSet(ctx, set); // record by record
 *             return;
 *         }
 *         set.getLongs(bytes, octets);
 *         for (int i = 0; i < set.size(); i++) {
 *             total += octets[i];
 *         }
 *     }
 *
 *     public void onRecord(ExportContext ctx, RecordView record) {
 *         total += record.getLong(OCTETS, 0);
 *     }
 * };
 * }</pre>
 */
public final class DataSetView {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * The most records a data set can hold: a 65,535-byte datagram of 1-byte records. A column array of this
     * length fits every set.
     */
    public static final int MAX_RECORDS = 0xFFFF;

    /** The largest set a datagram holds, in bytes: the scratch array's growth stops doubling there. */
    private static final int MAX_SET_BYTES = 0xFFFF;

    /** Where the copy of a set starts in the scratch array: the view's one-load reads of its first fields stay in it. */
    private static final int COPY_AT = RecordView.COPY_AT;

    private final RecordView view;
    private Template template;
    private ByteBuffer buffer;
    private int first;
    private int recordLength;
    private int size;
    /** Whether {@link #scratch} holds the current set (direct and read-only buffers); cleared by every wrap. */
    private boolean copied;
    private byte[] scratch = new byte[0];

    /**
     * A view reading records through {@code view}, not yet on a set.
     *
     * @param view the record view the set view moves from record to record (its own, not shared)
     */
    public DataSetView(RecordView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * Points the view at {@code size} consecutive records of {@code template} from {@code first}.
     *
     * @param template a template with only fixed-length fields, of a record length above 0
     * @param buffer a big-endian buffer holding every record before its limit
     * @return this view
     * @param first the offset in {@code buffer} of the first record's first byte
     * @param size how many records, 0 or more
     * @throws IllegalArgumentException if the template has variable-length fields or records of 0 bytes, size is
     *     negative, or the buffer is little-endian (see {@link RecordView#bigEndian(ByteBuffer)})
     * @throws IndexOutOfBoundsException if the records do not fit between 0 and the buffer's limit
     */
    public DataSetView wrap(Template template, ByteBuffer buffer, int first, int size) {
        RecordView.requireBigEndian(buffer);
        int len = template.recordLength();
        if (len <= 0) {
            throw new IllegalArgumentException("template " + template.id() + " has no fixed record length above 0");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative record count " + size);
        }
        if (first < 0 || (long) first + (long) size * len > buffer.limit()) {
            throw new IndexOutOfBoundsException(size + " records of " + len + " bytes at " + first
                    + " do not fit a buffer limited to " + buffer.limit());
        }
        this.template = template;
        this.buffer = buffer;
        this.first = first;
        this.recordLength = len;
        this.size = size;
        this.copied = false;
        return this;
    }

    /**
     * The template of every record of the set.
     *
     * @return the template
     */
    public Template template() {
        return template;
    }

    /**
     * How many records the set holds.
     *
     * @return the number of records
     */
    public int size() {
        return size;
    }

    /**
     * The buffer the records are read from.
     *
     * @return the buffer given to {@link #wrap}
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Where the first record starts in {@link #buffer()}; record {@code i} starts {@code i * recordLength} later.
     *
     * @return the offset of the first record
     */
    public int offset() {
        return first;
    }

    /**
     * Record {@code i}, through the one {@link RecordView} this set view reuses: the view returned for
     * {@code record(1)} is the one returned for {@code record(0)}, moved.
     *
     * @param i the record's position in the set, from 0
     * @return the set view's record view, on record {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code 0..size()-1}
     */
    public RecordView record(int i) {
        Objects.checkIndex(i, size);
        int offset = first + i * recordLength;
        if (view.template() == template && view.buffer() == buffer && view.length() == recordLength) {
            return view.moveTo(offset);
        }
        return view.wrap(template, buffer, offset);
    }

    /**
     * Hands each record to {@code handler.onRecord}: {@link FlowRecordHandler#onDataSet}'s default, in the
     * loop the decoders used before sets were handed over whole (one wrap, then a move per record).
     */
    <C extends ExportContext> void forEachRecord(C context, FlowRecordHandler<? super C> handler) {
        int n = size;
        if (n == 0) {
            return;
        }
        int len = recordLength;
        Template t = template;
        ByteBuffer b = buffer;
        RecordView v = view;
        if (!b.hasArray()) {
            // a direct or read-only buffer: the set copied once, its records read from the copy
            byte[] copy = copiedSet();
            int delta = COPY_AT - first;
            handler.onRecord(context, v.wrapCopied(t, b, first, copy, delta));
            for (int i = 1, offset = first + len; i < n; i++, offset += len) {
                handler.onRecord(context, v.isOn(t, b, copy) ? v.advanceTo(offset) : v.wrapCopied(t, b, offset, copy, delta));
            }
            return;
        }
        byte[] a = b.array();
        handler.onRecord(context, v.wrap(t, b, first));
        for (int i = 1, offset = first + len; i < n; i++, offset += len) {
            // wrap again only if the handler pointed the view elsewhere; this set's records fit the buffer (see wrap)
            handler.onRecord(context, v.isOn(t, b, a) ? v.advanceTo(offset) : v.wrap(t, b, offset));
        }
    }

    /**
     * Field {@code index} of every record, as {@link RecordView#getLong(int)} reads it, into
     * {@code dst[0 .. size()-1]}.
     *
     * @param index the field's position in the template, from 0
     * @param dst where the values go, one per record
     * @throws IndexOutOfBoundsException if {@code index} is not a field of the template
     * @throws IllegalArgumentException if {@code dst} is shorter than {@link #size()}, or the field is longer than 8 bytes
     */
    public void getLongs(int index, long[] dst) {
        Template t = template;
        int len = t.fieldLength(index);
        if (t.isSigned(index) || len > 8) {
            checkColumn(dst);
            for (int i = 0, n = size; i < n; i++) {
                dst[i] = record(i).getLong(index);
            }
            return;
        }
        readUnsigned(t.fieldOffset(index), len, dst);
    }

    /**
     * The {@code length} bytes at {@code position} of every record as an unsigned big-endian number, as
     * {@link RecordView#readUnsigned(int, int)} reads them, into {@code dst[0 .. size()-1]}: for parts of a
     * field, such as the two halves of an IPv6 address.
     *
     * @param position the offset from each record's first byte
     * @param length how many bytes, 0 to 8
     * @param dst where the numbers go, one per record
     * @throws IllegalArgumentException if {@code dst} is shorter than {@link #size()}, or {@code length} is not in 0..8
     * @throws IndexOutOfBoundsException if the bytes are not inside a record
     */
    public void readUnsigned(int position, int length, long[] dst) {
        checkColumn(dst);
        if (length < 0 || length > 8) {
            throw new IllegalArgumentException("not 0 to 8 bytes: " + length);
        }
        int stride = recordLength;
        if (position < 0 || position > stride - length) {
            throw new IndexOutOfBoundsException(length + " bytes at " + position + " are not inside a record of " + stride + " bytes");
        }
        int n = size;
        int p = first + position;
        ByteBuffer b = buffer;
        if (b.hasArray()) {
            readArray(b.array(), b.arrayOffset() + p, stride, n, length, dst);
            return;
        }
        readArray(copiedSet(), COPY_AT + position, stride, n, length, dst);
    }

    /**
     * The set's bytes in a reused array from {@link #COPY_AT}, copied in one bulk get on the first read of a set
     * in a direct or read-only buffer (a column read, or the records handed over one by one): cheaper than the
     * buffer's checked per-value reads in a loop.
     */
    private byte[] copiedSet() {
        if (!copied) {
            int bytes = size * recordLength;
            if (scratch.length < COPY_AT + bytes) {
                scratch = new byte[Math.max(COPY_AT + bytes, Math.min(2 * scratch.length, COPY_AT + MAX_SET_BYTES))];
            }
            buffer.get(first, scratch, COPY_AT, bytes);
            copied = true;
        }
        return scratch;
    }

    /**
     * The column read from an array: one 8-byte load and a shift per record, whatever the length, in one
     * small loop the JIT bounds-checks once; the last records, whose 8-byte load would leave the array, are
     * read byte by byte.
     */
    private static void readArray(byte[] a, int p, int stride, int n, int length, long[] dst) {
        if (length == 0) {
            Arrays.fill(dst, 0, n, 0L);
            return;
        }
        int shift = 64 - 8 * length;
        int lastLoad = a.length - Long.BYTES;
        int fast = n;
        if (n > 0 && p + (long) (n - 1) * stride > lastLoad) {
            fast = lastLoad < p ? 0 : (lastLoad - p) / stride + 1;
        }
        int i = 0;
        for (; i < fast; i++, p += stride) {
            dst[i] = (long) LONG.get(a, p) >>> shift;
        }
        for (; i < n; i++, p += stride) {
            long v = 0;
            for (int k = 0; k < length; k++) {
                v = (v << 8) | (a[p + k] & 0xFF);
            }
            dst[i] = v;
        }
    }

    private void checkColumn(long[] dst) {
        if (dst.length < size) {
            throw new IllegalArgumentException("a column of " + dst.length + " values for " + size + " records");
        }
    }

    @Override
    public String toString() {
        return template == null ? "DataSetView[unwrapped]"
                : "DataSetView[template " + template.id() + ", " + size + " records of " + recordLength + " bytes at " + first + "]";
    }
}
