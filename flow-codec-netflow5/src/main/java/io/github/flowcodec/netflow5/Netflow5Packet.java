package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * A decoded NetFlow v5 packet: header, exporter and records. Immutable.
 *
 * <pre>{@code
 * Netflow5Packet packet = new Netflow5Decoder().decode(datagram, exporter);
 * for (FlowRecord r : packet.records()) {
 *     log.info("{} started {}", r.getAddress(Netflow5.SRC_ADDR), Instant.ofEpochMilli(packet.flowStartMillis(r)));
 * }
 * }</pre>
 *
 * @param header the header as sent
 * @param exporter where the packet came from
 * @param records the records decoded (in lenient mode, the whole ones that were there)
 */
public record Netflow5Packet(Netflow5Header header, InetSocketAddress exporter, List<FlowRecord> records)
        implements FlowPacket {

    /**
     * Checks that the header and records are given and copies the list.
     *
     * @param header the header as sent
     * @param exporter where the packet came from
     * @param records the records decoded (in lenient mode, the whole ones that were there)
     */
    public Netflow5Packet {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(exporter, "exporter");
        records = List.copyOf(records);
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.NETFLOW_V5;
    }

    @Override
    public long sequenceNumber() {
        return header.flowSequence();
    }

    @Override
    public long exportTimeMillis() {
        return header.exportTimeMillis();
    }

    @Override
    public long systemUptimeMillis() {
        return header.sysUptimeMillis();
    }

    @Override
    public long observationDomainId() {
        return (header.engineType() << 8) | header.engineId();
    }

    @Override
    public long samplingRate() {
        return header.samplingInterval();
    }
}
