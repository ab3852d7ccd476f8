package io.github.flowcodec.sflow;

import java.net.InetAddress;

/**
 * What a decoder has seen of one sequence: the datagram sequence of an agent and sub-agent
 * ({@link #sampleFormat()} 0), or the sample sequence of one data source (flow or counter samples).
 *
 * <pre>{@code
 * for (SflowSequenceState s : decoder.sequenceStates()) {
 *     if (s.lost() > 0) log.warn("{}/{} lost {} {}", s.agentAddress(), s.subAgentId(), s.lost(),
 *             s.isDatagramSequence() ? "datagrams" : "samples of source " + s.sourceIdIndex());
 * }
 * }</pre>
 *
 * @param agentAddress the agent (null when it sent address type 0)
 * @param subAgentId the sub-agent
 * @param sampleFormat 0 for the datagram sequence, else {@link Sflow#SAMPLE_FLOW} (flow samples, compact or
 *        expanded) or {@link Sflow#SAMPLE_COUNTER} (counter samples)
 * @param sourceIdType the data source type (samples only)
 * @param sourceIdIndex the data source index (samples only)
 * @param lastSequence the highest sequence number seen
 * @param received how many datagrams or samples were seen
 * @param lost how many sequence numbers were skipped (minus those that arrived late)
 * @param duplicates repeated sequence numbers
 * @param reordered sequence numbers that arrived late
 * @param restarts jumps taken as an agent restart (not counted as loss)
 */
public record SflowSequenceState(InetAddress agentAddress, long subAgentId, int sampleFormat, long sourceIdType,
        long sourceIdIndex, long lastSequence, long received, long lost, long duplicates, long reordered, long restarts) {

    /** Whether this is a datagram sequence (else a data source's sample sequence). */
    public boolean isDatagramSequence() {
        return sampleFormat == 0;
    }
}
