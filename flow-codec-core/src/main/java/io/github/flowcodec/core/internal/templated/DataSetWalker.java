package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;

/**
 * Walks the records of one data set (NetFlow v9 data FlowSet, IPFIX data set) with its template and hands
 * each to a {@link RecordSink} through one reused {@link RecordView}; then says what the bytes after the
 * last record were. Shared by the NetFlow v9 and IPFIX decoders. One instance per decoder (not
 * thread-safe); nothing is allocated per record.
 */
public final class DataSetWalker {

    /** Receives each record of the set; the view is valid during the call only. */
    @FunctionalInterface
    public interface RecordSink {
        void record(RecordView view);
    }

    /** What followed the last whole record of the set. */
    public enum Trailer {
        /** Nothing: the records filled the set. */
        NONE,
        /** Up to 3 zero bytes: the alignment padding the RFCs allow. */
        ALIGNMENT,
        /** 4 or more zero bytes that hold no record: padding longer than the RFCs allow (NX-OS, IOS-XR). */
        LONG_PADDING,
        /** Bytes that are not zero but too few for a record: a record cut short. */
        TRUNCATED_RECORD
    }

    private Trailer trailer = Trailer.NONE;
    /** The set view handed to handlers, over {@link #setViewRecords}; made on first use. */
    private DataSetView setView;
    private RecordView setViewRecords;
    private int trailerOffset;
    /** How many records the last {@link #walkInspected} handed over, also when a check or the handler threw. */
    private int handed;

    /**
     * Hands every record of {@code template} between {@code start} and {@code end} to {@code sink}.
     *
     * @param buffer big-endian, with {@code end <= buffer.limit()}
     * @return how many records were handed over
     */
    public int walk(Template template, ByteBuffer buffer, int start, int end, RecordView view, RecordSink sink) {
        if (template.isFixedLength()) {
            return walkFixed(template, buffer, start, end, view, sink);
        }
        int pos = start;
        int count = 0;
        while (pos < end) {
            if (end - pos < 4 && allZero(buffer, pos, end)) {
                break; // alignment padding, even if a record of zeros could fit in it
            }
            int len = view.wrap(template, buffer, pos, end);
            if (len <= 0) {
                break;
            }
            sink.record(view);
            count++;
            pos += len;
        }
        classify(buffer, pos, end);
        return count;
    }

    /**
     * The zero-copy path's fast lane: hands the records of a fixed-length template to the caller's handler
     * as one {@link DataSetView} with one context for the whole set (the records share template and sampling
     * rate), and those of a variable-length template record by record. Then classifies the trailer as
     * {@link #walk} does.
     *
     * @return how many records were handed over
     */
    public int walkToHandler(Template template, ByteBuffer buffer, int start, int end, RecordView view,
            ExportContext context, FlowRecordHandler<ExportContext> handler) {
        if (!template.isFixedLength()) {
            return walkToHandlerVariable(template, buffer, start, end, view, context, handler);
        }
        int recordLength = template.recordLength();
        int n = wholeRecords(recordLength, start, end);
        if (n > 0) {
            DataSetView set = setView;
            if (set == null || setViewRecords != view) {
                set = setView = new DataSetView(view);
                setViewRecords = view;
            }
            handler.onDataSet(context, set.wrap(template, buffer, start, n));
        }
        classify(buffer, start + n * recordLength, end);
        return n;
    }

    /**
     * {@link #walk}'s loop, calling the handler itself: through a sink, the JIT may compile the sink's call with
     * the handler inlined on its own first, and then not inline that into the loop (too big by then).
     */
    private int walkToHandlerVariable(Template template, ByteBuffer buffer, int start, int end, RecordView view,
            ExportContext context, FlowRecordHandler<ExportContext> handler) {
        int pos = start;
        int count = 0;
        while (pos < end) {
            if (end - pos < 4 && allZero(buffer, pos, end)) {
                break;
            }
            int len = view.wrap(template, buffer, pos, end);
            if (len <= 0) {
                break;
            }
            handler.onRecord(context, view);
            count++;
            pos += len;
        }
        classify(buffer, pos, end);
        return count;
    }

    /**
     * The zero-copy lane for data sets whose records the dialect checks first (IPFIX structured data) and that
     * need nothing else: each record of a variable-length template goes to {@code dialect.inspect}, then to the
     * caller's handler, without the per-record sink. Then classifies the trailer as {@link #walk} does.
     *
     * @return how many records were handed over (also in {@link #handed()}, which is kept if a call throws)
     */
    public int walkInspected(Template template, ByteBuffer buffer, int start, int end, RecordView view,
            TemplatedDialect<?> dialect, int offsetBase, FlowRecordHandler<ExportContext> handler) {
        int pos = start;
        int count = 0;
        ExportContext context = dialect.context();
        try {
            while (pos < end) {
                if (end - pos < 4 && allZero(buffer, pos, end)) {
                    break;
                }
                int len = view.wrap(template, buffer, pos, end);
                if (len <= 0) {
                    break;
                }
                dialect.inspect(view, offsetBase);
                handler.onRecord(context, view);
                count++;
                pos += len;
            }
        } finally {
            handed = count;
        }
        classify(buffer, pos, end);
        return count;
    }

    /** How many records the last {@link #walkInspected} handed to the handler, including when it ended by an exception. */
    public int handed() {
        return handed;
    }

    private int walkFixed(Template template, ByteBuffer buffer, int start, int end, RecordView view, RecordSink sink) {
        int recordLength = template.recordLength();
        int n = wholeRecords(recordLength, start, end);
        if (n > 0) {
            sink.record(view.wrap(template, buffer, start));
            int offset = start;
            for (int i = 1; i < n; i++) {
                offset += recordLength;
                sink.record(view.moveTo(offset));
            }
        }
        classify(buffer, start + n * recordLength, end);
        return n;
    }

    /** How many records of {@code recordLength} bytes fit in {@code [start, end)}: none if that length is not above 0. */
    private static int wholeRecords(int recordLength, int start, int end) {
        return recordLength > 0 ? (end - start) / recordLength : 0;
    }

    private void classify(ByteBuffer buffer, int from, int end) {
        trailerOffset = from;
        if (from >= end) {
            trailer = Trailer.NONE;
        } else if (!allZero(buffer, from, end)) {
            trailer = Trailer.TRUNCATED_RECORD;
        } else {
            trailer = end - from < 4 ? Trailer.ALIGNMENT : Trailer.LONG_PADDING;
        }
    }

    /** What followed the records of the last walk. */
    public Trailer trailer() {
        return trailer;
    }

    /** Where the bytes after the last record of the last walk start. */
    public int trailerOffset() {
        return trailerOffset;
    }

    /** Whether every byte in {@code [from, end)} is zero. */
    public static boolean allZero(ByteBuffer buffer, int from, int end) {
        for (int i = from; i < end; i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
