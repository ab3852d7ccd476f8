package io.github.flowcodec.sflow;

/**
 * Counters of what one {@link SflowDecoder} has met since it was made. A snapshot; immutable.
 *
 * <pre>{@code
 * SflowStatistics s = decoder.sflowStatistics();
 * metrics.gauge("sflow.lost_datagrams", s.lostDatagrams());
 * metrics.gauge("sflow.unknown_records", s.unknownRecords());
 * }</pre>
 *
 * @param datagrams datagrams decoded (at least in part)
 * @param rejected datagrams rejected with a {@link io.github.flowcodec.core.FlowCodecException}
 * @param flowSamples compact flow samples
 * @param expandedFlowSamples expanded flow samples
 * @param counterSamples compact counter samples
 * @param expandedCounterSamples expanded counter samples
 * @param otherSamples samples of other formats: discarded packet events (0:5) and the ones kept as bytes
 * @param brokenSamples standard samples whose structure was broken (lenient mode: kept as bytes)
 * @param flowRecords flow records seen in flow samples
 * @param counterRecords counter records seen in counter samples
 * @param unknownRecords records of an enterprise other than 0 or of a format the decoder does not know
 * @param problems problems reported to the problem listener
 * @param headerProblems sampled headers whose parse stopped on a broken rule (see {@link SampledHeaderView#problem()})
 * @param lostDatagrams datagram sequence numbers skipped, over all agents and sub-agents
 * @param lostSamples sample sequence numbers skipped, over all data sources
 * @param sequenceRestarts sequence jumps taken as agent restarts
 * @param trackedSequences agent and data-source sequences being tracked
 */
public record SflowStatistics(long datagrams, long rejected, long flowSamples, long expandedFlowSamples,
        long counterSamples, long expandedCounterSamples, long otherSamples, long brokenSamples, long flowRecords,
        long counterRecords, long unknownRecords, long problems, long headerProblems, long lostDatagrams,
        long lostSamples, long sequenceRestarts, long trackedSequences) {

    /** The counters by component name, in declaration order. */
    public java.util.Map<String, Long> toMap() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : SflowStatistics.class.getRecordComponents()) {
            try {
                m.put(c.getName(), (Long) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
