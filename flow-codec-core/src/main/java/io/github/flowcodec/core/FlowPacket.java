package io.github.flowcodec.core;

import java.util.List;

/**
 * A decoded export packet, materialized: its header as an {@link ExportContext} and its records.
 * Immutable. Each protocol's packet type adds its own header fields.
 *
 * <pre>{@code
 * FlowPacket packet = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT).decode(datagram, exporter);
 * for (FlowRecord r : packet.records()) {
 *     sink.accept(packet.flowStartMillis(r), r);
 * }
 * }</pre>
 */
public interface FlowPacket extends ExportContext {

    /**
     * The flow records, in packet order (options records not included).
     *
     * @return the data records, unmodifiable
     */
    List<FlowRecord> records();

    /**
     * The sampling rate of one of this packet's records: where each record may have its own (NetFlow v9
     * and IPFIX, from the record or its sampler's options record), this is it; else {@link #samplingRate()}.
     *
     * @param record one of {@link #records()}
     * @return the number of packets one sampled packet stands for, 0 when not sampled or unknown
     */
    default long samplingRate(FlowRecord record) {
        return samplingRate();
    }

    /**
     * The options records (NetFlow v9, IPFIX), in packet order; empty for other protocols.
     *
     * @return the options records, unmodifiable
     */
    default List<FlowRecord> optionsRecords() {
        return List.of();
    }

    /**
     * Earlier packets' data that waited for a template this packet brought, each decoded now in its own
     * packet's context (header, exporter); empty when nothing was waiting.
     *
     * @return the released packets, oldest first
     */
    default List<FlowPacket> releasedPackets() {
        return List.of();
    }
}
