package io.github.flowcodec.sflow;

import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.sflow.internal.FlowMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * A decoded sFlow datagram as a {@link FlowPacket}: one {@link FlowRecord} of IANA elements per flow
 * sample, and beside each record its sample's context ({@link #sampleInfos()}, same index). Counter
 * samples have no flow record; decode with {@link SflowDecoder#decodeDatagram} for every sample typed.
 * Immutable.
 *
 * <pre>{@code
 * SflowPacket p = new SflowDecoder().decode(datagram, exporter);
 * for (int i = 0; i < p.records().size(); i++) {
 *     FlowRecord r = p.records().get(i);
 *     SflowSampleInfo ctx = p.sampleInfos().get(i);
 *     log.debug("{} #{}: {}", ctx.sampleTypeName(), ctx.sampleSequenceNumber(), r);
 * }
 * }</pre>
 *
 * @param exporter where the datagram came from
 * @param agentAddress the agent (null when it sent address type 0)
 * @param subAgentId the sub-agent id
 * @param sequenceNumber the datagram sequence number
 * @param systemUptimeMillis the agent's uptime
 * @param exportTimeMillis the decoder's clock when it decoded the datagram, or {@link #NO_TIME}
 * @param records one record per flow sample
 * @param sampleInfos the context of each record
 */
public record SflowPacket(InetSocketAddress exporter, InetAddress agentAddress, long subAgentId, long sequenceNumber,
        long systemUptimeMillis, long exportTimeMillis, List<FlowRecord> records, List<SflowSampleInfo> sampleInfos)
        implements FlowPacket {

    /**
     * Checks that no reference is null and there is one sample info per record, and copies the lists and arrays given
     * (the record keeps its own).
     *
     * @param exporter where the datagram came from
     * @param agentAddress the agent (null when it sent address type 0)
     * @param subAgentId the sub-agent id
     * @param sequenceNumber the datagram sequence number
     * @param systemUptimeMillis the agent's uptime
     * @param exportTimeMillis the decoder's clock when it decoded the datagram, or {@link #NO_TIME}
     * @param records one record per flow sample
     * @param sampleInfos the context of each record
     */
    public SflowPacket {
        Objects.requireNonNull(exporter, "exporter");
        records = FrozenList.copyOf(records);
        sampleInfos = sampleInfos instanceof SampleInfos ? sampleInfos : FrozenList.copyOf(sampleInfos);
        if (records.size() != sampleInfos.size()) {
            throw new IllegalArgumentException(records.size() + " records but " + sampleInfos.size() + " sample infos");
        }
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.SFLOW_V5;
    }

    /** The sub-agent id. */
    @Override
    public long observationDomainId() {
        return subAgentId;
    }

    /** 0: each sample has its own rate ({@link #samplingRate(FlowRecord)}). */
    @Override
    public long samplingRate() {
        return 0;
    }

    /** The record's samplingInterval. */
    @Override
    public long samplingRate(FlowRecord record) {
        int i = record.template().indexOf(FlowMapper.SAMPLING_INTERVAL);
        return i < 0 ? 0 : record.getLong(i);
    }

    /** {@link #NO_TIME} when there is no export time. */
    @Override
    public long uptimeToEpochMillis(long uptimeMillis) {
        return exportTimeMillis == NO_TIME ? NO_TIME : FlowPacket.super.uptimeToEpochMillis(uptimeMillis);
    }
}
