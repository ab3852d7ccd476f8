package io.github.flowcodec.sflow;

import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.internal.SequenceTracker;

/** What an {@link SflowDecoder} counts as it decodes, and its {@link DecoderCounters} snapshot. One per decoder. */
final class SflowCounts {

    long datagrams;
    long rejected;
    long flowSamples;
    long expandedFlowSamples;
    long counterSamples;
    long expandedCounterSamples;
    long otherSamples;
    long brokenSamples;
    long flowRecords;
    long counterRecords;
    long unknownRecords;
    long problems;
    long headerProblems;

    /** The counters now, sequence losses and restarts read from the decoder's two trackers. */
    DecoderCounters snapshot(SequenceTracker datagramSequences, SequenceTracker sampleSequences) {
        long lostDatagrams = datagramSequences.totalLost();
        long lostSamples = sampleSequences.totalLost();
        return DecoderCounters.builder(FlowProtocol.SFLOW_V5)
                .datagrams(datagrams).records(flowSamples + expandedFlowSamples).repaired(problems).rejected(rejected)
                .lostSequenceNumbers(lostDatagrams + lostSamples)
                .restarts(restarts(datagramSequences) + restarts(sampleSequences))
                .extra("flowSamples", flowSamples).extra("expandedFlowSamples", expandedFlowSamples)
                .extra("counterSamples", counterSamples).extra("expandedCounterSamples", expandedCounterSamples)
                .extra("otherSamples", otherSamples).extra("brokenSamples", brokenSamples)
                .extra("flowRecords", flowRecords).extra("counterRecords", counterRecords)
                .extra("unknownRecords", unknownRecords).extra("headerProblems", headerProblems)
                .extra("lostDatagrams", lostDatagrams).extra("lostSamples", lostSamples)
                .extra("trackedSequences", datagramSequences.size() + sampleSequences.size()).build();
    }

    private static long restarts(SequenceTracker t) {
        long n = 0;
        for (SequenceTracker.Entry e : t.entries()) {
            n += e.restarts();
        }
        return n;
    }
}
