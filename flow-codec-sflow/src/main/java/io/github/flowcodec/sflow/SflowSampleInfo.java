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
 *
 * @param exporter where the datagram came from (address and UDP port)
 * @param agentAddress the agent address the datagram names (what goflow2 calls the sampler address)
 * @param subAgentId the datagram's sub-agent id (unsigned 32-bit)
 * @param sequenceNumber the datagram's sequence number (unsigned 32-bit)
 * @param systemUptimeMillis the agent's uptime in milliseconds (unsigned 32-bit)
 * @param exportTimeMillis when the datagram was received, epoch milliseconds, as the decoder's clock said ({@link
 *     io.github.flowcodec.core.ExportContext#NO_TIME} without one)
 * @param sampleFormat the sample's data format word (enterprise in the top 20 bits, format in the low 12)
 * @param sampleSequenceNumber the sample's sequence number within its data source
 * @param sourceIdType the data source type (0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry)
 * @param sourceIdIndex the data source index
 * @param samplingRate one packet in this many is sampled (0 for counter samples)
 * @param samplePool packets that could have been sampled
 * @param drops samples dropped for lack of resources
 * @param inputInterfaceFormat the input interface format (0 single)
 * @param inputInterface the input interface value (ifIndex, 0 unknown)
 * @param outputInterfaceFormat the output interface format (0 single, 1 discarded, 2 multiple)
 * @param outputInterface the output interface value
 */
public record SflowSampleInfo(InetSocketAddress exporter, InetAddress agentAddress, long subAgentId, long sequenceNumber,
        long systemUptimeMillis, long exportTimeMillis, int sampleFormat, long sampleSequenceNumber, int sourceIdType,
        long sourceIdIndex, long samplingRate, long samplePool, long drops, int inputInterfaceFormat,
        long inputInterface, int outputInterfaceFormat, long outputInterface) implements SflowSampleContext {

    /**
     * Checks that no reference is null.
     *
     * @param exporter where the datagram came from (address and UDP port)
     * @param agentAddress the agent address the datagram names (what goflow2 calls the sampler address)
     * @param subAgentId the datagram's sub-agent id (unsigned 32-bit)
     * @param sequenceNumber the datagram's sequence number (unsigned 32-bit)
     * @param systemUptimeMillis the agent's uptime in milliseconds (unsigned 32-bit)
     * @param exportTimeMillis when the datagram was received, epoch milliseconds, as the decoder's clock said ({@link
     *     io.github.flowcodec.core.ExportContext#NO_TIME} without one)
     * @param sampleFormat the sample's data format word (enterprise in the top 20 bits, format in the low 12)
     * @param sampleSequenceNumber the sample's sequence number within its data source
     * @param sourceIdType the data source type (0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry)
     * @param sourceIdIndex the data source index
     * @param samplingRate one packet in this many is sampled (0 for counter samples)
     * @param samplePool packets that could have been sampled
     * @param drops samples dropped for lack of resources
     * @param inputInterfaceFormat the input interface format (0 single)
     * @param inputInterface the input interface value (ifIndex, 0 unknown)
     * @param outputInterfaceFormat the output interface format (0 single, 1 discarded, 2 multiple)
     * @param outputInterface the output interface value
     */
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
