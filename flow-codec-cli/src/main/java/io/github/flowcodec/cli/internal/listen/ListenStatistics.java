package io.github.flowcodec.cli.internal.listen;

import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.FlowProtocol;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code flowcodec listen} has seen, shared by its receiver and worker threads, and the stats line it
 * prints. The decoders' own counters (missing templates, lost sequence numbers) are published by each
 * worker as a snapshot, because a decoder belongs to its worker's thread.
 */
final class ListenStatistics {

    final LongAdder datagrams = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder decodeErrors = new LongAdder();
    final LongAdder unknownDatagrams = new LongAdder();
    final LongAdder queueDrops = new LongAdder();
    final LongAdder internalErrors = new LongAdder();
    private final AtomicLongArray records = new AtomicLongArray(FlowProtocol.values().length);
    /** Per worker: missing-template data sets and lost sequence numbers, as last published. */
    private final long[][] published;

    ListenStatistics(int workers) {
        this.published = new long[workers][2];
    }

    void records(FlowProtocol protocol, long n) {
        records.addAndGet(protocol.ordinal(), n);
    }

    long records(FlowProtocol protocol) {
        return records.get(protocol.ordinal());
    }

    long records() {
        long n = 0;
        for (int i = 0; i < records.length(); i++) {
            n += records.get(i);
        }
        return n;
    }

    /** A worker's decoder counters, as its decoder last gave them. */
    void publish(int worker, DecoderCounters counters) {
        synchronized (published) {
            published[worker][0] = counters.missingTemplateSets();
            published[worker][1] = counters.lostSequenceNumbers();
        }
    }

    long missingTemplateSets() {
        return sum(0);
    }

    long lostSequenceNumbers() {
        return sum(1);
    }

    private long sum(int column) {
        long n = 0;
        synchronized (published) {
            for (long[] w : published) {
                n += w[column];
            }
        }
        return n;
    }

    /** One line for a person: totals since the start and rates over {@code seconds}. */
    String line(double seconds, OptionalLong socketDrops) {
        Map<FlowProtocol, Long> perProtocol = new EnumMap<>(FlowProtocol.class);
        for (FlowProtocol p : FlowProtocol.values()) {
            if (records(p) > 0) {
                perProtocol.put(p, records(p));
            }
        }
        StringBuilder s = new StringBuilder();
        long d = datagrams.sum();
        long r = records();
        s.append(String.format("listen: %.1f s: %,d datagrams (%,.0f/s), %,d records (%,.0f/s)", seconds, d,
                seconds > 0 ? d / seconds : 0.0, r, seconds > 0 ? r / seconds : 0.0));
        if (!perProtocol.isEmpty()) {
            s.append(" [");
            perProtocol.forEach((p, n) -> s.append(p.jsonName()).append(' ').append(String.format("%,d", n)).append(", "));
            s.setLength(s.length() - 2);
            s.append(']');
        }
        s.append(String.format(", %,d decode errors", decodeErrors.sum()));
        if (unknownDatagrams.sum() > 0) {
            s.append(String.format(" (%,d not flow protocols)", unknownDatagrams.sum()));
        }
        s.append(String.format(", %,d data sets missing templates, %,d lost sequence numbers", missingTemplateSets(),
                lostSequenceNumbers()));
        s.append(socketDrops.isPresent() ? String.format(", %,d socket drops", socketDrops.getAsLong()) : ", socket drops not reported by the OS");
        if (queueDrops.sum() > 0) {
            s.append(String.format(", %,d dropped with the workers busy", queueDrops.sum()));
        }
        if (internalErrors.sum() > 0) {
            s.append(String.format(", %,d INTERNAL ERRORS (please report)", internalErrors.sum()));
        }
        return s.toString();
    }
}
