package io.github.flowcodec.bench;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecordHandler;

/**
 * The decode benchmarks' zero-copy consumer: sums what it reads from the records it is handed, created once
 * and reset per operation. Each subclass reads one codec's fields and is a class of its own, so that each
 * decode path keeps its own call-site profile. For example {@code h.sum = 0; decoder.decode(datagram,
 * exporter, h);} leaves the datagram's sum in {@code h.sum}.
 */
abstract class SumHandler implements FlowRecordHandler<ExportContext> {

    /** The sum since the last reset. */
    long sum;
}
