package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplatedFlowPacket;
import io.github.flowcodec.core.internal.templated.PacketParts;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A decoded NetFlow v9 packet, materialized and immutable: header, data records with their sampling rates,
 * options records, the templates it carried, and earlier packets' data that it let the decoder decode. Its
 * uptime is the header's sys_uptime, its observation domain the header's source id.
 *
 * <pre>{@code
 * Netflow9Packet p = new Netflow9Decoder(DecoderOptions.DEFAULT).decode(datagram, exporter);
 * for (FlowRecord r : p.records()) {
 *     long bytes = r.getLong(octets, 0);
 *     long rate = p.samplingRate(r);
 * }
 * }</pre>
 */
public final class Netflow9Packet extends TemplatedFlowPacket<Netflow9Header> {

    /** How the packet lay on the wire ({@code null} for released data): what {@link Netflow9Encoder#encodeAsDecoded} writes. */
    private final PacketParts parts;

    Netflow9Packet(InetSocketAddress exporter, Netflow9Header header, List<FlowRecord> records, long[] samplingRates,
                   List<FlowRecord> optionsRecords, List<Template> templates, List<FlowPacket> released, PacketParts parts) {
        super(FlowProtocol.NETFLOW_V9, exporter, header, header.unixSeconds(), header.sequence(), header.sysUptimeMillis(),
                header.sourceId(), records, samplingRates, optionsRecords, templates, released);
        this.parts = parts;
    }

    PacketParts parts() {
        return parts;
    }
}
