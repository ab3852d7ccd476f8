package io.github.flowcodec.sflow;

import io.github.flowcodec.core.FlowProtocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An immutable {@link SflowSampleContext}: what {@link SflowPacket} keeps for each of its records, and
 * what {@link SflowSampleView#toInfo()} copies.
 *
 * <pre>{@code
 * SflowPacket packet = decoder.decode(datagram, exporter);
 * SflowSampleInfo info = packet.sampleInfos().get(0);   // the context of packet.records().get(0)
 * info.sampleSequenceNumber();
 * }</pre>
 */
public record SflowSampleInfo(InetSocketAddress exporter, InetAddress agentAddress, long subAgentId, long sequenceNumber,
        long systemUptimeMillis, long exportTimeMillis, int sampleFormat, long sampleSequenceNumber, int sourceIdType,
        long sourceIdIndex, long samplingRate, long samplePool, long drops, int inputInterfaceFormat,
        long inputInterface, int outputInterfaceFormat, long outputInterface) implements SflowSampleContext {

    public SflowSampleInfo {
        Objects.requireNonNull(exporter, "exporter");
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.SFLOW_V5;
    }

    @Override
    public int agentAddressType() {
        return agentAddress == null ? Sflow.ADDRESS_UNKNOWN : agentAddress.getAddress().length == 4 ? Sflow.ADDRESS_IPV4 : Sflow.ADDRESS_IPV6;
    }

    @Override
    public long observationDomainId() {
        return subAgentId;
    }
}
