package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.internal.templated.FlowTimeElements;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;

/**
 * Resolves a record's flow start or end into epoch milliseconds whatever the template's field order and
 * form: flowStart/End Milliseconds, Seconds, Microseconds, Nanoseconds (152/153, 150/151, 154/155,
 * 156/157), SysUpTime (22/21) with systemInitTimeMilliseconds (160, from the record or learned from an
 * options record), or delta microseconds before the export time (158/159). A field holding 0 is "not set"
 * and the next form is tried: never a silent epoch 0.
 */
public final class IpfixTimes {

    /** systemInitTimeMilliseconds. */
    public static final int SYSTEM_INIT_TIME_MILLISECONDS = Iana.SYSTEM_INIT_TIME_MILLISECONDS.id();

    private IpfixTimes() {
    }

    /**
     * @param learnedInitMillis the exporter's systemInitTimeMilliseconds learned from options records, or
     *                          {@link ExportContext#NO_TIME}
     */
    public static long resolve(FlowFields record, boolean start, long exportMillis, long learnedInitMillis) {
        Template t = record.template();
        int[] ids = FlowTimeElements.ids(start);
        for (int form = 0; form < ids.length; form++) {
            int i = t.indexOf(0, ids[form]);
            if (i < 0) {
                continue;
            }
            int len = record.fieldLength(i);
            if (len == 0 || len > 8) {
                continue;
            }
            long raw = record.getLong(i);
            switch (form) {
                case 0: case 1: case 2: case 3:
                    if (raw == 0) {
                        continue;
                    }
                    return record.getEpochMillis(i);
                case 4: {
                    long init = learnedInitMillis;
                    int k = t.indexOf(0, SYSTEM_INIT_TIME_MILLISECONDS);
                    if (k >= 0 && record.fieldLength(k) > 0 && record.fieldLength(k) <= 8 && record.getLong(k) != 0) {
                        init = record.getLong(k);
                    }
                    if (init == ExportContext.NO_TIME) {
                        continue;
                    }
                    return init + (raw & 0xFFFF_FFFFL);
                }
                default:
                    return exportMillis - raw / 1000L;
            }
        }
        return ExportContext.NO_TIME;
    }
}
