package io.github.flowcodec.core;

import java.util.List;

/**
 * A decoded export packet, materialized: its header as an {@link ExportContext} and its records.
 * Immutable. Each protocol's packet type adds its own header fields.
 *
 * <pre>{@code
 * FlowPacket packet = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT).decode(datagram, exporter);
 * for (FlowRecord r : packet.records()) {
 *     System.out.println(packet.flowStartMillis(r) + " " + r);
 * }
 * }</pre>
 */
public interface FlowPacket extends ExportContext {

    /** The flow records, in packet order (options records not included). */
    List<FlowRecord> records();
}
