package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.RecordView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data records (with their sampling rates) and options records of one packet, being materialized. The
 * data records go into an array sized for each data set before its walk ({@link #expect}), handed to the
 * packet as it is ({@link RecordArray}): no growing list and no exact copy.
 */
public final class RecordBatch {

    private static final FlowRecord[] NONE = {};
    private static final long[] NO_RATES = {};

    private FlowRecord[] records = NONE;
    private int size;
    private List<FlowRecord> options;
    /** The records' rates once they differ ({@code null} while every record has {@link #firstRate}). */
    private long[] rates;
    private long firstRate;

    /** Makes room for {@code more} data records (what a data set can hold), so that its walk does not grow the array. */
    public void expect(int more) {
        int need = size + more;
        if (need > records.length) {
            records = Arrays.copyOf(records, Math.max(need, Math.min(2 * records.length, 0xFFFF)));
        }
    }

    /** Copies a data record, with the sampling rate its context gives it. */
    public void data(ExportContext ctx, RecordView record) {
        int n = size;
        long rate = ctx.samplingRate();
        if (n == 0) {
            firstRate = rate;
        } else if (rates != null || rate != firstRate) {
            rate(n, rate);
        }
        if (n == records.length) {
            records = Arrays.copyOf(records, Math.max(8, 2 * n));
        }
        records[n] = record.toRecord();
        size = n + 1;
    }

    /** Notes the rate of record {@code n} when the rates differ: the array is made the first time they do. */
    private void rate(int n, long rate) {
        long[] r = rates;
        if (r == null) {
            r = new long[Math.max(8, 2 * n)];
            Arrays.fill(r, 0, n, firstRate);
        } else if (n == r.length) {
            r = Arrays.copyOf(r, n * 2);
        }
        r[n] = rate;
        rates = r;
    }

    /** Copies an options record. */
    public void options(RecordView record) {
        if (options == null) {
            options = new ArrayList<>();
        }
        options.add(record.toRecord());
    }

    /** The data records, as the packet's unmodifiable list: once the batch is complete (no record is added after). */
    public List<FlowRecord> records() {
        return size == 0 ? List.of() : new RecordArray(records, size);
    }

    /** The options records so far. */
    public List<FlowRecord> options() {
        return options == null ? List.of() : options;
    }

    /**
     * The data records' sampling rates, in their order; when they are all equal (the common case) just that
     * rate, an empty array for 0, which the packet takes as every record's rate.
     */
    public long[] rates() {
        if (rates != null) {
            return Arrays.copyOf(rates, size);
        }
        return firstRate == 0 ? NO_RATES : new long[] {firstRate};
    }
}
