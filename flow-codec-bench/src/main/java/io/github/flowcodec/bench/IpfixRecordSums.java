package io.github.flowcodec.bench;

import static io.github.flowcodec.bench.IpfixLayout.APP_NAME;
import static io.github.flowcodec.bench.IpfixLayout.DST_ADDR;
import static io.github.flowcodec.bench.IpfixLayout.DST_PORT;
import static io.github.flowcodec.bench.IpfixLayout.FLOW_END;
import static io.github.flowcodec.bench.IpfixLayout.IF_NAME;
import static io.github.flowcodec.bench.IpfixLayout.LABELS;
import static io.github.flowcodec.bench.IpfixLayout.OCTETS;
import static io.github.flowcodec.bench.IpfixLayout.PACKETS;
import static io.github.flowcodec.bench.IpfixLayout.PROTOCOL;
import static io.github.flowcodec.bench.IpfixLayout.SRC_ADDR;
import static io.github.flowcodec.bench.IpfixLayout.SRC_PORT;

import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.ipfix.IpfixContext;
import io.github.flowcodec.ipfix.SubTemplateListView;
import io.github.flowcodec.ipfix.TemplateLookup;

/**
 * The sums {@link IpfixBenchmark}'s decode paths compute over each record (over the zero-copy {@link RecordView}
 * and, apart, over the materialized {@link FlowRecord}: see {@link FlowSums} for why), and the zero-copy handlers
 * that compute them. For example {@code sumCommon(view)} is the eight shared fields of a record, as the
 * baseline's {@link IpfixBenchmark#scanCommon} reads them.
 */
final class IpfixRecordSums {

    private IpfixRecordSums() {
    }

    /** The eight fields the three templates share, from a zero-copy view. */
    static long sumCommon(RecordView r) {
        return FlowSums.ipv4(r, SRC_ADDR, DST_ADDR, SRC_PORT, DST_PORT, PROTOCOL, PACKETS, OCTETS) + r.getLong(FLOW_END);
    }

    static long sumStrings(RecordView r) {
        return sumCommon(r) + FlowSums.string(r, APP_NAME) + FlowSums.string(r, IF_NAME);
    }

    static long sumStl(RecordView r, SubTemplateListView list, TemplateLookup lookup) {
        return sumCommon(r) + sumLabels(r, list, lookup);
    }

    /** The same sums from a materialized record. */
    static long sumCommon(FlowRecord r) {
        return FlowSums.ipv4(r, SRC_ADDR, DST_ADDR, SRC_PORT, DST_PORT, PROTOCOL, PACKETS, OCTETS) + r.getLong(FLOW_END);
    }

    static long sumStrings(FlowRecord r) {
        return sumCommon(r) + FlowSums.string(r, APP_NAME) + FlowSums.string(r, IF_NAME);
    }

    static long sumStl(FlowRecord r, SubTemplateListView list, TemplateLookup lookup) {
        return sumCommon(r) + sumLabels(r, list, lookup);
    }

    /** The first field of each record of the record's label list, plus how many there are. */
    private static long sumLabels(FlowFields r, SubTemplateListView list, TemplateLookup lookup) {
        list.wrap(r, LABELS, lookup);
        int n = list.size();
        long s = n;
        for (int i = 0; i < n; i++) {
            s += list.record(i).getLong(0);
        }
        return s;
    }

    static final class FixedHandler extends SumHandler {
        @Override
        public void onRecord(ExportContext context, RecordView record) {
            sum += sumCommon(record);
        }
    }

    static final class StringsHandler extends SumHandler {
        @Override
        public void onRecord(ExportContext context, RecordView record) {
            sum += sumStrings(record);
        }
    }

    static final class StlHandler extends SumHandler {
        private final SubTemplateListView list = new SubTemplateListView();

        @Override
        public void onRecord(ExportContext context, RecordView record) {
            sum += sumStl(record, list, (IpfixContext) context);
        }
    }

    /**
     * Reads the fixed template's fields a data set at a time ({@link DataSetView#getLongs} into a column per
     * field, then sums the columns); records of the variable-length templates still come one by one and go
     * to the per-record handler.
     */
    static final class ColumnHandler extends SumHandler {
        private static final int[] FIELDS = {SRC_ADDR, DST_ADDR, SRC_PORT, DST_PORT, PROTOCOL, PACKETS, OCTETS, FLOW_END};
        private final SumHandler perRecord;
        private long[][] columns = new long[FIELDS.length][64];

        ColumnHandler(SumHandler perRecord) {
            this.perRecord = perRecord;
        }

        @Override
        public void onDataSet(ExportContext context, DataSetView set) {
            int n = set.size();
            long[][] c = columns;
            if (c[0].length < n) {
                c = columns = new long[FIELDS.length][n];
            }
            for (int f = 0; f < FIELDS.length; f++) {
                set.getLongs(FIELDS[f], c[f]);
            }
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += c[0][i] + c[1][i] + c[2][i] + c[3][i] + c[4][i] + c[5][i] + c[6][i] + c[7][i];
            }
            sum += s;
        }

        @Override
        public void onRecord(ExportContext context, RecordView record) {
            perRecord.sum = 0;
            perRecord.onRecord(context, record);
            sum += perRecord.sum;
        }
    }
}
