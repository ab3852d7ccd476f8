package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A whole sFlow v5 datagram, materialized: the header and every sample, typed. Immutable.
 *
 * <p>Decode with {@link SflowDecoder#decodeDatagram}, write with {@link SflowEncoder#write}. Decoding
 * and re-encoding gives the same bytes (records the decoder does not know are kept as bytes).
 *
 * <pre>{@code
 * SflowDatagram d = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(payload));
 * log.debug("{}/{} #{}: {} samples", d.agentAddress(), d.subAgentId(), d.sequenceNumber(), d.samples().size());
 * byte[] same = SflowEncoder.toBytes(d);   // equals payload
 * }</pre>
 *
 * @param agentAddress the agent's address (IPv4 or IPv6; an IPv6 address stays an {@link java.net.Inet6Address}),
 *        or {@code null} when the agent sent address type 0 (unknown)
 * @param subAgentId the sub-agent id
 * @param sequenceNumber the datagram sequence number of this agent and sub-agent
 * @param uptimeMillis the agent's uptime in milliseconds when it sent the datagram
 * @param samples the samples, in datagram order
 */
public record SflowDatagram(InetAddress agentAddress, long subAgentId, long sequenceNumber, long uptimeMillis,
        List<SflowSample> samples) {

    /**
     * Checks that each number fits its unsigned 32-bit XDR field and no reference is null, and copies the lists and
     * arrays given (the record keeps its own).
     *
     * @param agentAddress the agent's address (IPv4 or IPv6; an IPv6 address stays an {@link java.net.Inet6Address}),
     *     or {@code null} when the agent sent address type 0 (unknown)
     * @param subAgentId the sub-agent id
     * @param sequenceNumber the datagram sequence number of this agent and sub-agent
     * @param uptimeMillis the agent's uptime in milliseconds when it sent the datagram
     * @param samples the samples, in datagram order
     */
    public SflowDatagram {
        Checks.u32s("subAgentId sequenceNumber uptimeMillis", subAgentId, sequenceNumber, uptimeMillis);
        samples = FrozenList.copyOf(Objects.requireNonNull(samples, "samples"));
    }

    /**
     * The version: always {@value Sflow#VERSION}.
     *
     * @return 5
     */
    public int version() {
        return Sflow.VERSION;
    }
}
