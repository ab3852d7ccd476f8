package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.RecordView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The data records (with their sampling rates) and options records of one packet, being materialized. */
public final class RecordBatch {

    private final List<FlowRecord> records = new ArrayList<>();
    private final List<FlowRecord> options = new ArrayList<>();
    /** The records' rates once they differ ({@code null} while every record has {@link #firstRate}). */
    private long[] rates;
    private long firstRate;

    /** Copies a data record, with the sampling rate its context gives it. */
    public void data(ExportContext ctx, RecordView record) {
        int n = records.size();
        long rate = ctx.samplingRate();
        if (n == 0) {
            firstRate = rate;
        } else if (rates != null || rate != firstRate) {
            rate(n, rate);
        }
        records.add(record.toRecord());
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
        options.add(record.toRecord());
    }

    /** The data records so far (the batch's own list). */
    public List<FlowRecord> records() {
        return records;
    }

    /** The options records so far (the batch's own list). */
    public List<FlowRecord> options() {
        return options;
    }

    /** The data records' sampling rates, in their order. */
    public long[] rates() {
        int n = records.size();
        if (rates != null) {
            return Arrays.copyOf(rates, n);
        }
        long[] r = new long[n];
        if (firstRate != 0) {
            Arrays.fill(r, firstRate);
        }
        return r;
    }
}
