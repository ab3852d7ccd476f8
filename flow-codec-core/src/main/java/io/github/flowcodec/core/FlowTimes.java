package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.templated.FlowTimeElements;

/** Resolves a record's flow start or end into an absolute time: the one place that knows every form. */
final class FlowTimes {

    private static final int SYSTEM_INIT_TIME_MILLISECONDS = Iana.SYSTEM_INIT_TIME_MILLISECONDS.id();

    private FlowTimes() {
    }

    static long resolve(ExportContext context, FlowFields record, boolean start) {
        Template t = record.template();
        int[] ids = FlowTimeElements.ids(start);
        for (int form = 0; form < ids.length; form++) {
            int i = t.indexOf(0, ids[form]);
            if (i < 0 || record.fieldLength(i) == 0 || record.fieldLength(i) > 8) {
                continue;
            }
            switch (form) {
                case 0: case 1: case 2: case 3:
                    return record.getEpochMillis(i);
                case 4: {
                    long uptime = record.getLong(i);
                    int init = t.indexOf(0, SYSTEM_INIT_TIME_MILLISECONDS);
                    if (init >= 0 && record.fieldLength(init) <= 8 && record.fieldLength(init) > 0) {
                        return record.getLong(init) + uptime;
                    }
                    long v = context.uptimeToEpochMillis(uptime);
                    if (v != ExportContext.NO_TIME) {
                        return v;
                    }
                    continue;
                }
                default: {
                    // flowStart/EndDeltaMicroseconds: microseconds before the export time
                    long export = context.exportTimeMillis();
                    return export - record.getLong(i) / 1000L;
                }
            }
        }
        return ExportContext.NO_TIME;
    }
}
