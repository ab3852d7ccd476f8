package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.ipfix.internal.IpfixTimes;

/**
 * How an IPFIX context (the zero-copy {@link IpfixContext}, the materialized {@link IpfixMessage}) turns a
 * record's timestamps into absolute times: whichever of the dateTime, delta and SysUpTime forms the record
 * has, SysUpTime against the exporter's learned systemInitTimeMilliseconds. One rule for both.
 */
interface IpfixFlowTimes extends ExportContext {

    /** @return the exporter's systemInitTimeMilliseconds as its options records announced it, or {@link #NO_TIME} */
    long systemInitTimeMillis();

    @Override
    default long flowStartMillis(FlowFields record) {
        return IpfixTimes.resolve(record, true, exportTimeMillis(), systemInitTimeMillis());
    }

    @Override
    default long flowEndMillis(FlowFields record) {
        return IpfixTimes.resolve(record, false, exportTimeMillis(), systemInitTimeMillis());
    }
}
