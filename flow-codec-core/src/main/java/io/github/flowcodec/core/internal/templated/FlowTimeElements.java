package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.Iana;

/**
 * The IANA element ids of a record's flow start and end forms, in the order a resolver tries them (milliseconds,
 * seconds, microseconds, nanoseconds, sysUpTime, delta microseconds); the end form of each start form is at the
 * same position. Shared by core's flow time resolution and IPFIX's.
 */
public final class FlowTimeElements {

    private static final int[] START = {Iana.FLOW_START_MILLISECONDS.id(), Iana.FLOW_START_SECONDS.id(),
            Iana.FLOW_START_MICROSECONDS.id(), Iana.FLOW_START_NANOSECONDS.id(),
            Iana.FLOW_START_SYS_UP_TIME.id(), Iana.FLOW_START_DELTA_MICROSECONDS.id()};
    private static final int[] END = {Iana.FLOW_END_MILLISECONDS.id(), Iana.FLOW_END_SECONDS.id(),
            Iana.FLOW_END_MICROSECONDS.id(), Iana.FLOW_END_NANOSECONDS.id(),
            Iana.FLOW_END_SYS_UP_TIME.id(), Iana.FLOW_END_DELTA_MICROSECONDS.id()};

    private FlowTimeElements() {
    }

    /**
     * The ids of the start forms or of the end forms: a shared array, read only (callers must not write it).
     *
     * @param start true for the start forms, false for the end forms
     * @return the ids, in the order to try them
     */
    public static int[] ids(boolean start) {
        return start ? START : END;
    }
}
