package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.SequenceTracker;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

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

    /**
     * Whether this is a datagram sequence (else a data source's sample sequence).
     *
     * @return true for an (agent, sub-agent) datagram sequence, false for a data source's sample sequence
     */
    public boolean isDatagramSequence() {
        return sampleFormat == 0;
    }

    /** The state of a tracked sequence (agent in {@code k0}/{@code k1}, type and sub-agent in {@code k2}, source in {@code k3}). */
    static SflowSequenceState of(SequenceTracker.Entry e, int format) {
        int type = (int) (e.k2() >>> 32) & 0xFF;
        InetAddress agent = null;
        try {
            if (type == Sflow.ADDRESS_IPV4) {
                long v = e.k1();
                agent = (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            } else if (type == Sflow.ADDRESS_IPV6) {
                agent = Inet6Address.getByAddress(null, ByteBuffer.allocate(16).putLong(e.k0()).putLong(e.k1()).array(), -1);
            }
        } catch (UnknownHostException x) {
            throw new IllegalStateException("unreachable: address of fixed length", x);
        }
        return new SflowSequenceState(agent, e.k2() & 0xFFFF_FFFFL, format, format == 0 ? 0 : e.k3() >>> 32,
                format == 0 ? 0 : e.k3() & 0xFFFF_FFFFL, e.last(), e.received(), e.lost(), e.duplicates(), e.reordered(),
                e.restarts());
    }
}
