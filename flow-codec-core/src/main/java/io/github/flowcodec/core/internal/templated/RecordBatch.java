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
    private long[] rates = new long[8];

    /** Copies a data record, with the sampling rate its context gives it. */
    public void data(ExportContext ctx, RecordView record) {
        int n = records.size();
        if (n == rates.length) {
            rates = Arrays.copyOf(rates, n * 2);
        }
        rates[n] = ctx.samplingRate();
        records.add(record.toRecord());
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
        return Arrays.copyOf(rates, records.size());
    }
}
