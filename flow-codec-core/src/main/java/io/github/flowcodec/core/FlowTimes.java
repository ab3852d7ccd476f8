package io.github.flowcodec.core;

/** Resolves a record's flow start or end into an absolute time: the one place that knows every form. */
final class FlowTimes {

    // IANA element ids of the start forms; the end form of each is in END at the same position.
    private static final int[] START = {Iana.FLOW_START_MILLISECONDS.id(), Iana.FLOW_START_SECONDS.id(),
            Iana.FLOW_START_MICROSECONDS.id(), Iana.FLOW_START_NANOSECONDS.id(),
            Iana.FLOW_START_SYS_UP_TIME.id(), Iana.FLOW_START_DELTA_MICROSECONDS.id()};
    private static final int[] END = {Iana.FLOW_END_MILLISECONDS.id(), Iana.FLOW_END_SECONDS.id(),
            Iana.FLOW_END_MICROSECONDS.id(), Iana.FLOW_END_NANOSECONDS.id(),
            Iana.FLOW_END_SYS_UP_TIME.id(), Iana.FLOW_END_DELTA_MICROSECONDS.id()};
    private static final int SYSTEM_INIT_TIME_MILLISECONDS = Iana.SYSTEM_INIT_TIME_MILLISECONDS.id();

    private FlowTimes() {
    }

    static long resolve(ExportContext context, FlowFields record, boolean start) {
        Template t = record.template();
        int[] ids = start ? START : END;
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
