package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterField;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowExtensions;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One standard (enterprise 0) flow or counter record structure: its formats, its record type, how it is read
 * from XDR, how it is written and its encoded length. The decoder's known formats, the typed reader and
 * writer and the tests' generators all come from the lists of these ({@link FlowRecordTypes#ALL},
 * {@link CounterRecordTypes#ALL}): adding a record type is one more descriptor and its record class.
 *
 * <pre>{@code
 * RecordType<FlowData.ExtendedUrl> url = RecordType.flow(FlowData.ExtendedUrl.class,
 *         (in, format, ext, depth) -> new FlowData.ExtendedUrl(in.u32(), in.string("the URL"), in.string("the host")),
 *         (out, u, ext) -> { out.putInt((int) u.direction()); XdrOut.string(out, u.url()); XdrOut.string(out, u.host()); },
 *         (u, ext) -> 4 + XdrOut.stringLength(u.url()) + XdrOut.stringLength(u.host()),
 *         Sflow.FLOW_EXTENDED_URL);
 * }</pre>
 *
 * @param <T> the record type
 */
public final class RecordType<T> {

    /**
     * Reads a record's data; the reader has checked nothing but the bounds {@code in} enforces.
     *
     * @param <T> the record type
     */
    @FunctionalInterface
    public interface Reader<T> {
        /** The record read from {@code in}, of data format {@code format}, inside {@code depth} 0:1016 aggregations. */
        T read(XdrIn in, int format, SflowExtensions ext, int depth);
    }

    /**
     * Writes a record's data, without its XDR padding at the end.
     *
     * @param <T> the record type
     */
    @FunctionalInterface
    public interface Writer<T> {
        /** Writes {@code record} at the buffer's position. */
        void write(ByteBuffer out, T record, SflowExtensions ext);
    }

    /**
     * The encoded length of a record's data, without padding.
     *
     * @param <T> the record type
     */
    @FunctionalInterface
    public interface Length<T> {
        /** The bytes {@link Writer#write} writes for {@code record}. */
        int of(T record, SflowExtensions ext);
    }

    private final Class<T> type;
    private final boolean flow;
    private final List<Integer> formats;
    private final int[] formatArray;
    private final int format;
    private final ToIntFunction<? super T> which;
    private final FixedLayout fixed;
    private final Reader<? extends T> reader;
    private final Writer<? super T> writer;
    private final Length<? super T> length;

    private RecordType(Class<T> type, boolean flow, FixedLayout fixed, Reader<? extends T> reader, Writer<? super T> writer,
            Length<? super T> length, ToIntFunction<? super T> which, int... formats) {
        this.type = type;
        this.which = which;
        this.formatArray = formats.clone();
        this.flow = flow;
        this.fixed = fixed;
        this.reader = reader;
        this.writer = writer;
        this.length = length;
        this.formats = java.util.Arrays.stream(formats).boxed().toList();
        this.format = formats[0];
        for (int f : formats) {
            Sflow.dataFormat(0, f);
        }
    }

    /** A flow record structure of one or more formats (egress and ingress, IPv4 and IPv6 forms). */
    public static <T> RecordType<T> flow(Class<T> type, Reader<? extends T> reader, Writer<? super T> writer,
            Length<? super T> length, int... formats) {
        return new RecordType<>(type, true, null, reader, writer, length, null, formats);
    }

    /** A counter record structure. */
    public static <T> RecordType<T> counter(Class<T> type, Reader<? extends T> reader, Writer<? super T> writer,
            Length<? super T> length, int... formats) {
        return new RecordType<>(type, false, null, reader, writer, length, null, formats);
    }

    /**
     * This structure of several formats, a record's format being {@code formats()[which(record)]} (egress or
     * ingress, IPv4 or IPv6 addresses, a version).
     */
    public RecordType<T> chosenBy(ToIntFunction<? super T> which) {
        return new RecordType<>(type, flow, fixed, reader, writer, length, which, formatArray);
    }

    /** A flow record that is a fixed list of 4-byte and 8-byte unsigned values, one per record component. */
    public static <T extends Record> RecordType<T> fixedFlow(Class<T> type, int format, int... sizes) {
        return fixed(type, true, format, sizes);
    }

    /** A counter record that is a fixed list of 4-byte and 8-byte values, one per record component. */
    public static <T extends Record> RecordType<T> fixedCounter(Class<T> type, int format, int... sizes) {
        return fixed(type, false, format, sizes);
    }

    /**
     * A counter record that names its fields (its {@code FIELDS}): their widths are its layout, so the record's
     * named fields and its codec read the same table.
     */
    public static RecordType<? extends CounterData> fixedCounter(List<? extends CounterField<?>> fields) {
        CounterField<?> first = fields.get(0);
        return fixed(first.recordType(), false, first.dataFormat(), fields.stream().mapToInt(CounterField::width).toArray());
    }

    private static <T> RecordType<T> fixed(Class<T> type, boolean flow, int format, int... sizes) {
        FixedLayout l = new FixedLayout(type.asSubclass(Record.class), sizes);
        return new RecordType<>(type, flow, l, null, (out, r, ext) -> l.write(r, out), (r, ext) -> l.length(), null, format);
    }

    /** {@code n} sizes of 4 bytes. */
    public static int[] fours(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 4);
        return a;
    }

    /** The record type. */
    public Class<T> type() {
        return type;
    }

    /** Whether it is a flow record (else a counter record). */
    public boolean flow() {
        return flow;
    }

    /** Its formats (enterprise 0), one for most structures. */
    public List<Integer> formats() {
        return formats;
    }

    /** Its format, the first of {@link #formats()} where it has more than one. */
    public int format() {
        return format;
    }

    /** The format of this record of the structure: {@link #format()}, or the one its content chooses where it has several. */
    public int formatOf(Object record) {
        return which == null ? format : formatArray[which.applyAsInt(type.cast(record))];
    }

    /** The fixed layout of a record of unsigned values only, or null. */
    public FixedLayout fixedLayout() {
        return fixed;
    }

    /** Reads the record of {@code len} bytes at {@code off}; every byte must belong to it. */
    public T read(ByteBuffer b, int format, int off, int len, SflowExtensions ext, int depth) {
        if (fixed != null) {
            return type.cast(fixed.read(b, off, len));
        }
        XdrIn in = new XdrIn(b, off, off + len);
        T d = reader.read(in, format, ext, depth);
        in.done((flow ? "flow record 0:" : "counter record 0:") + format);
        return d;
    }

    /** Writes the record's data (without padding). */
    public void write(ByteBuffer out, Object record, SflowExtensions ext) {
        writer.write(out, type.cast(record), ext);
    }

    /** The encoded data length (without padding). */
    public int length(Object record, SflowExtensions ext) {
        return length.of(type.cast(record), ext);
    }

    @Override
    public String toString() {
        return (flow ? "flow " : "counter ") + type.getSimpleName() + " 0:" + formats;
    }
}
